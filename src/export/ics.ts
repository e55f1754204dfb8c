import { foldLine, icsText } from './ics-text.js';
import { exportMember, type FrontExport } from './model.js';
import { utcText } from './utc-text.js';

/** The domain after the `@` of every event UID, so UIDs are globally unique as RFC 5545 asks. */
const UidDomain = 'pk-companion';

/**
 * The stretches as an iCalendar file (RFC 5545): one VEVENT per stretch with the member's name as its
 * SUMMARY, UTC times, CRLF line ends, escaped and folded lines. A UID is the switch that began the stretch
 * and the member, so importing a later export updates events instead of doubling them. A stretch still
 * going on ends at the export time and says so in its DESCRIPTION. Events are free time (TRANSP), so
 * they never mark anyone busy.
 */
export function exportIcs(data: FrontExport): string {
  const utc = utcText('ics');
  const stamp = utc(data.exportedAt.getTime());
  const calendarName = `Front history of ${data.system.name ?? data.system.id}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//pk-companion//Front history export//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(calendarName)}`,
  ];
  // Each member's escaped name and id once, not once per event.
  const escaped = new Map<string, { id: string; name: string }>();
  for (const stretch of data.stretches) {
    let member = escaped.get(stretch.memberId);
    if (member === undefined) {
      const known = exportMember(data, stretch.memberId);
      member = { id: icsText(known.id), name: icsText(known.name) };
      escaped.set(stretch.memberId, member);
    }
    // Whole seconds: the start rounds down and the end up, so DTEND always stays after DTSTART.
    const endMs = Math.ceil(stretch.endMs / 1000) * 1000;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${stretch.fromSwitchId}-${member.id}@${UidDomain}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utc(stretch.startMs)}`,
      `DTEND:${utc(endMs)}`,
      `SUMMARY:${member.name}`,
    );
    if (stretch.ongoing) lines.push('DESCRIPTION:Still fronting when this was exported.');
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
