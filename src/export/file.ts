import { UserFacingError } from '../errors.js';
import type { RenderedFile } from '../render/message.js';
import { DiscordLimits } from '../render/limits.js';
import { Exporters } from './index.js';
import type { ExportFormat, FrontExport } from './model.js';

/** A byte count for people: `9.5 MiB`, `812 KiB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;
  return `${Math.ceil(bytes / 1024)} KiB`;
}

/**
 * The export as a file to attach, named after the system and the day of the export
 * (`front-history-abcde-2025-06-01.ics`).
 * @throws {UserFacingError} `ExportTooLarge` when it would pass Discord's attachment limit.
 */
export function exportFile(
  format: ExportFormat,
  data: FrontExport,
  limitBytes: number = DiscordLimits.attachmentBytes,
): RenderedFile {
  const bytes = Buffer.from(Exporters[format].render(data), 'utf8');
  if (bytes.length > limitBytes) {
    throw new UserFacingError('ExportTooLarge', { size: formatBytes(bytes.length), limit: formatBytes(limitBytes) });
  }
  const day = data.exportedAt.toISOString().slice(0, 10);
  return { name: `front-history-${data.system.id}-${day}.${Exporters[format].extension}`, data: bytes };
}
