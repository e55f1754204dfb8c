import { foldLine, IcsLineOctets, icsText } from './ics-text.js';
import { exportMember, type FrontExport } from './model.js';
import { BatchedJoin } from './text-join.js';
import { utcText } from './utc-text.js';

/** The domain after the `@` of every event UID, so UIDs are globally unique as RFC 5545 asks. */
const UidDomain = 'pk-companion';

/** Length of a switch id: a UUID (`SwitchSchema` checks it), so 36 ASCII characters. */
const SwitchIdOctets = 36;

/** A member's parts of an event, escaped and folded once per file. */
interface EventMember {
  /** What follows the switch id in the UID line. */
  uidTail: string;
  /** Whether the UID line fits in one line: short ids do, but the member id's length is not checked. */
  uidFits: boolean;
  /** The folded SUMMARY line. */
  summary: string;
}

/**
 * The stretches as an iCalendar file (RFC 5545): one VEVENT per stretch with the member's name as its
 * SUMMARY, UTC times, CRLF line ends, escaped and folded lines. A UID is the switch that began the stretch
 * and the member, so importing a later export updates events instead of doubling them. A stretch still
 * going on ends at the export time and says so in its DESCRIPTION. Events are free time (TRANSP), so
 * they never mark anyone busy.
 */
export function exportIcs(data: FrontExport): string {
  const calendarName = `Front history of ${data.system.name ?? data.system.id}`;
  const lines = new BatchedJoin('\r\n');
  lines.push(
    'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//pk-companion//Front history export//EN\r\n' +
      `CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n${foldLine(`X-WR-CALNAME:${icsText(calendarName)}`)}`,
  );
  // The other lines of an event are ASCII and shorter than 75 octets: only UID and SUMMARY may need folding.
  const utc = utcText('ics');
  const stampToStart = `\r\nDTSTAMP:${utc(data.exportedAt.getTime())}\r\nDTSTART:`;
  const members = new Map<string, EventMember>();
  for (const stretch of data.stretches) {
    let member = members.get(stretch.memberId);
    if (member === undefined) {
      const known = exportMember(data, stretch.memberId);
      const uidTail = `-${icsText(known.id)}@${UidDomain}`;
      const uidFits = 'UID:'.length + SwitchIdOctets + Buffer.byteLength(uidTail) <= IcsLineOctets;
      member = { uidTail, uidFits, summary: foldLine(`SUMMARY:${icsText(known.name)}`) };
      members.set(stretch.memberId, member);
    }
    // Whole seconds: the start rounds down and the end up, so DTEND always stays after DTSTART.
    const endMs = Math.ceil(stretch.endMs / 1000) * 1000;
    const description = stretch.ongoing ? 'DESCRIPTION:Still fronting when this was exported.\r\n' : '';
    const uid = `UID:${stretch.fromSwitchId}${member.uidTail}`;
    lines.push(
      `BEGIN:VEVENT\r\n${member.uidFits ? uid : foldLine(uid)}${stampToStart}` +
        `${utc(stretch.startMs)}\r\nDTEND:${utc(endMs)}\r\n${member.summary}\r\n${description}` +
        'TRANSP:TRANSPARENT\r\nEND:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.join()}\r\n`;
}
