import { describe, expect, it } from 'vitest';
import type { ConfigError } from '../../src/config.js';
import { loadConfig } from '../../src/config.js';

/** The keys `loadConfig` names as wrong for `env`. */
function badKeys(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems.map((problem) => problem.split(':')[0]!);
  }
}

describe('configuration of polling', () => {
  it('polls every minute within a tenth of the rate by default, and reads both from the environment', () => {
    expect(loadConfig({})).toMatchObject({ livePollIntervalMs: 60_000, livePollShare: 0.1 });
    expect(loadConfig({ LIVE_POLL_INTERVAL_MS: '300', LIVE_POLL_SHARE: '0.25' })).toMatchObject({
      livePollIntervalMs: 300,
      livePollShare: 0.25,
    });
  });

  it('refuses a share of nothing or above half the rate, and an interval under 100 ms', () => {
    expect(badKeys({ LIVE_POLL_SHARE: '0' })).toEqual(['LIVE_POLL_SHARE']);
    expect(badKeys({ LIVE_POLL_SHARE: '0.6', LIVE_POLL_INTERVAL_MS: '50' })).toEqual([
      'LIVE_POLL_INTERVAL_MS',
      'LIVE_POLL_SHARE',
    ]);
  });
});
