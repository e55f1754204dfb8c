/**
 * Which URLs `pk;system webhook <url>` accepts, as production checks them (PluralKit.Bot/Commands/SystemEdit.cs
 * and crates/dispatch in https://github.com/PluralKit/PluralKit): https only, not a Discord webhook, and every
 * IPv4 address the host resolves to must be global. The stand-in can also allow plain http on loopback, so
 * tests can run the bot's endpoint on 127.0.0.1; production never does.
 */
import { lookup } from 'node:dns/promises';
import { isIPv4 } from 'node:net';

/** Why a webhook URL was refused, in PluralKit's words. */
export class WebhookUrlError extends Error {
  override readonly name = 'WebhookUrlError';
}

/** How strict the URL check is. */
export interface WebhookUrlRules {
  /** Accept `http://` to 127.0.0.1, `localhost` or `[::1]` (stand-in only). @defaultValue false */
  readonly allowLoopbackHttp?: boolean | undefined;
}

const LoopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);
const DiscordHosts = /^(?:(?:canary|ptb)\.)?discord(?:app)?\.com$/;

/** IPv4 ranges that are not global (RFC 6890 special-purpose blocks). */
const NonGlobalIpv4: readonly (readonly [number, number])[] = [
  [0x00000000, 8],
  [0x0a000000, 8],
  [0x64400000, 10],
  [0x7f000000, 8],
  [0xa9fe0000, 16],
  [0xac100000, 12],
  [0xc0000000, 24],
  [0xc0000200, 24],
  [0xc0a80000, 16],
  [0xc6120000, 15],
  [0xc6336400, 24],
  [0xcb007100, 24],
  [0xe0000000, 3],
];

function ipv4Number(address: string): number {
  return address.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
}

/** True when `address` (dotted IPv4) is a global unicast address. */
export function isGlobalIpv4(address: string): boolean {
  const value = ipv4Number(address);
  return !NonGlobalIpv4.some(
    ([base, bits]) => Math.floor(value / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits)),
  );
}

/** True for a Discord webhook URL, which PluralKit refuses as a dispatch target. */
export function isDiscordWebhook(url: URL): boolean {
  return DiscordHosts.test(url.hostname) && /^\/api\/(?:v\d+\/)?webhooks\//.test(url.pathname);
}

/**
 * Checks `raw` as PluralKit does before it sends the setup PINGs.
 * @throws {WebhookUrlError} with the reason.
 */
export async function checkWebhookUrl(raw: string, rules: WebhookUrlRules = {}): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookUrlError('Invalid URL.');
  }
  if (url.protocol === 'http:' && rules.allowLoopbackHttp === true && LoopbackHosts.has(url.hostname)) return url;
  if (url.protocol !== 'https:') throw new WebhookUrlError('The webhook URL must use https.');
  if (isDiscordWebhook(url))
    throw new WebhookUrlError('PluralKit does not support using Discord webhooks as dispatch URLs.');
  const addresses = isIPv4(url.hostname)
    ? [url.hostname]
    : await lookup(url.hostname, { all: true, family: 4 }).then(
        (found) => found.map((entry) => entry.address),
        () => [],
      );
  if (addresses.length === 0 || !addresses.every(isGlobalIpv4)) {
    throw new WebhookUrlError('The webhook URL must resolve to a public IPv4 address.');
  }
  return url;
}
