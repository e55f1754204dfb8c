/**
 * A minimal HTTP client for the stand-in's own tests: `fetch` for normal calls, raw `node:http` when a
 * test must leave out the User-Agent (fetch always adds one).
 */
import { request as httpRequest } from 'node:http';

/** The User-Agent the tests send. */
export const TEST_USER_AGENT = 'pk-companion-stand-in-tests/1.0 (+https://example.org)';

/** A response with its body already read. */
export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body (undefined when empty or not JSON). */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests index into bodies freely
}

/** Options for {@link call}. */
export interface CallOptions {
  method?: string;
  /** Sent verbatim as `Authorization`. */
  auth?: string;
  /** Sent as JSON with `Content-Type: application/json`. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Calls `base + path` with the test User-Agent. */
export async function call(base: string, path: string, options: CallOptions = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { 'User-Agent': TEST_USER_AGENT, ...options.headers };
  if (options.auth !== undefined) headers.Authorization = options.auth;
  const init: RequestInit = { method: options.method ?? 'GET', headers };
  if (options.body !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    init.body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const res = await fetch(`${base}${path}`, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: parseJson(text) };
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined; // HTML from an injected proxy error
  }
}

/** A request without any header except the given ones (no User-Agent unless passed). */
export function rawCall(
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
