import { exportCsv } from './csv.js';
import { exportIcs } from './ics.js';
import { exportJson } from './json.js';
import type { ExportFormat, FrontExport } from './model.js';

/** How one export format is written and named. */
export interface Exporter {
  /** The file name's ending; Discord (and discord.js) derive the content type from it. */
  extension: string;
  /** What the reply calls the format. */
  label: string;
  /** How the format shows a stretch that is still going on, for the reply. */
  ongoing: string;
  render(data: FrontExport): string;
}

/** Every format's exporter. */
export const Exporters: Record<ExportFormat, Exporter> = {
  csv: { extension: 'csv', label: 'CSV', ongoing: 'an empty `end_utc` and `ongoing` = `true`', render: exportCsv },
  json: { extension: 'json', label: 'JSON', ongoing: '`"end": null` and `"ongoing": true`', render: exportJson },
  ics: {
    extension: 'ics',
    label: 'iCalendar',
    ongoing: 'an event that ends at the export time and says so',
    render: exportIcs,
  },
};

export { ExportFormats, type ExportFormat, type FrontExport, type ExportMember } from './model.js';
