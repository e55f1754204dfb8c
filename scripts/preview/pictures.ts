import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DiscordStandIn } from '../../stand-ins/discord/index.js';

/**
 * Writes the files the bot uploaded in `requests` (its charts) into `folder` as `<prefix>-<name>`, so a
 * person can look at them. @returns the paths written, in upload order.
 */
export function writePictures(requests: DiscordStandIn['requests'], folder: string, prefix: string): string[] {
  const files = requests.flatMap((request) => (request.status < 300 ? request.files : []));
  if (files.length === 0) return [];
  mkdirSync(folder, { recursive: true });
  return files.map((file, i) => {
    const path = join(
      folder,
      `${prefix.replace(/[^\w-]+/g, '-')}-${files.length > 1 ? `${i + 1}-` : ''}${file.filename}`,
    );
    writeFileSync(path, file.data);
    return path;
  });
}
