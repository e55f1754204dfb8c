import type { BodyRejection } from './body-validation.js';
import type { UploadedFile } from './messages.js';

/**
 * The upload limit of a server without boosts, and of DMs: what interactions report as
 * `attachment_size_limit` (see interaction-context.ts). Discord answers a larger file with
 * 413 / 40005 before reading the rest of the body.
 * @see https://discord.com/developers/docs/reference#uploading-files
 */
export const AttachmentSizeLimit = 10 * 1024 * 1024;

/** Discord's cap on files per message. */
export const FilesPerMessage = 10;

/** Why Discord would refuse these uploaded files, or `null` when it takes them. */
export function uploadRejection(files: readonly UploadedFile[]): BodyRejection | null {
  const large = files.find((file) => file.size > AttachmentSizeLimit);
  if (large !== undefined) {
    return {
      status: 413,
      response: { code: 40005, message: 'Request entity too large' },
      issues: [{ path: large.field, code: '40005', message: `${large.filename} is ${large.size} bytes` }],
    };
  }
  if (files.length > FilesPerMessage) {
    return {
      status: 400,
      response: { code: 50035, message: 'Invalid Form Body' },
      issues: [
        { path: 'files', code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${FilesPerMessage} or fewer in length.` },
      ],
    };
  }
  return null;
}
