import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UploadedFile } from './messages.js';

/** A parsed request body: JSON, or multipart with `payload_json` plus file parts. */
export interface ParsedBody {
  json: unknown;
  files: UploadedFile[];
  /** Set when the body could not be parsed at all (Discord answers 50109 "The request body contains invalid JSON"). */
  malformed: boolean;
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Reads and parses the body; multipart is decoded with the platform's own FormData parser. */
export async function readBody(req: IncomingMessage): Promise<ParsedBody> {
  const raw = await readRaw(req);
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { json: undefined, files: [], malformed: false };
  try {
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      const files: UploadedFile[] = [];
      let json: unknown;
      for (const [field, value] of form.entries()) {
        if (field === 'payload_json' && typeof value === 'string') json = JSON.parse(value);
        else if (typeof value !== 'string')
          files.push({
            field,
            filename: value.name,
            contentType: value.type,
            size: value.size,
            data: Buffer.from(await value.arrayBuffer()),
          });
      }
      return { json, files, malformed: false };
    }
    return { json: JSON.parse(raw.toString('utf8')), files: [], malformed: false };
  } catch {
    return { json: raw.toString('utf8'), files: [], malformed: true };
  }
}

/** Writes a JSON answer with the Content-Type @discordjs/rest needs to parse it (else it returns an ArrayBuffer). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (body === undefined || status === 204) {
    res.writeHead(status, headers).end();
    return;
  }
  const text = JSON.stringify(body);
  res
    .writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers })
    .end(text);
}
