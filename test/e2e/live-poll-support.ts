/** Counting the poller's reads in the PluralKit stand-in's request log. */
import type { RecordedPkRequest } from '../../stand-ins/pluralkit/index.js';

/** The environment of a polling test: 10 requests a second, half of them for polling, a short interval. */
export const PollEnv = {
  PLURALKIT_RATE_PER_SECOND: '10',
  LIVE_POLL_SHARE: '0.5',
  LIVE_POLL_INTERVAL_MS: '300',
};

/** Reads PluralKit counted of the front of `systemUuid` made with its own token. */
export function frontReadsOf(requests: readonly RecordedPkRequest[], systemUuid: string): RecordedPkRequest[] {
  return requests.filter(
    (r) => r.method === 'GET' && r.path === '/v2/systems/@me/fronters' && r.callerSystemUuid === systemUuid,
  );
}

/** Every read made with an owner's token about `@me` (what the poller sends: fronters and system). */
export function ownReads(requests: readonly RecordedPkRequest[]): RecordedPkRequest[] {
  return requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v2/systems/@me'));
}

/**
 * The largest excess of `requests` over `perSecond` in any window: for each run i..j the share allows one
 * settle's two reads at once plus `(t_j − t_i) · perSecond / 1000`. 0: never above the share.
 */
export function shareOverrun(requests: readonly RecordedPkRequest[], perSecond: number): number {
  const times = requests.map((r) => r.countedAt).sort((a, b) => a - b);
  let worst = 0;
  for (let i = 0; i < times.length; i += 1) {
    for (let j = i; j < times.length; j += 1) {
      worst = Math.max(worst, j - i + 1 - (2 + ((times[j]! - times[i]!) * perSecond) / 1000));
    }
  }
  return worst;
}
