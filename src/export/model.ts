import type { FrontStretch } from '../front/stretches.js';

/** The file formats `/export` writes. */
export const ExportFormats = ['csv', 'json', 'ics'] as const;

/** One of {@link ExportFormats}. */
export type ExportFormat = (typeof ExportFormats)[number];

/** A member as an export names it. `uuid` is unknown for members the reader cannot see (hidden or deleted). */
export interface ExportMember {
  id: string;
  uuid: string | undefined;
  /** The name the bot shows (display name when set); the short id when the member is unknown. */
  name: string;
}

/** Everything an export file holds: a system's fronting stretches over a range, and who is who. */
export interface FrontExport {
  system: { id: string; uuid: string; name: string | null };
  /** The range the stretches are cut to (its start is the first switch for "all"). */
  range: { start: Date; end: Date };
  /** When the file was made: the end of ongoing stretches and the iCalendar DTSTAMP. */
  exportedAt: Date;
  /** Short id → member, for the ids in `stretches`. */
  members: ReadonlyMap<string, ExportMember>;
  /** Oldest first, see `frontStretches`. */
  stretches: readonly FrontStretch[];
}

/** The member behind a stretch's id, or a stand-in named by the id when the reader cannot see it. */
export function exportMember(data: FrontExport, memberId: string): ExportMember {
  return data.members.get(memberId) ?? { id: memberId, uuid: undefined, name: memberId };
}

/** Whole seconds a stretch lasted (an ongoing one until the export time), rounded. */
export function stretchSeconds(stretch: FrontStretch): number {
  return Math.round((stretch.endMs - stretch.startMs) / 1000);
}
