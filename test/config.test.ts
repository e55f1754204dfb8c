import { describe, expect, it } from 'vitest';
import { assertBotConfig, ConfigError, DefaultPluralKitApiUrl, loadConfig, wantsPreview } from '../src/config.js';

const key = Buffer.alloc(32, 7).toString('base64');
const otherKey = Buffer.alloc(32, 9).toString('base64');

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config.pluralkit).toEqual({
      apiUrl: DefaultPluralKitApiUrl,
      ratePerSecond: 2,
      followRateHeaders: true,
      cacheTtlMs: 15_000,
      timeoutMs: 10_000,
      maxRetries: 3,
    });
    expect(config.storeUrl).toBe('sqlite://./data/pk-companion.sqlite');
    expect(config.discordToken).toBeUndefined();
    expect(config.tokenKeys.current).toBeUndefined();
    expect(config.shutdownGraceMs).toBe(10_000);
  });

  it('parses every setting and strips trailing slashes from URLs', () => {
    const config = loadConfig({
      DISCORD_TOKEN: 'abc',
      DISCORD_API_URL: 'http://127.0.0.1:9/api/',
      PLURALKIT_API_URL: 'http://127.0.0.1:8/v2/',
      PLURALKIT_RATE_PER_SECOND: '9',
      PLURALKIT_FOLLOW_RATE_HEADERS: 'false',
      TOKEN_ENCRYPTION_KEY: key,
      TOKEN_ENCRYPTION_KEYS_PREVIOUS: ` ${otherKey} ,`,
      STORE_URL: 'redis://127.0.0.1:6379',
      SHUTDOWN_GRACE_MS: '2500',
    });
    expect(config.discordApiUrl).toBe('http://127.0.0.1:9/api');
    expect(config.pluralkit.apiUrl).toBe('http://127.0.0.1:8/v2');
    expect(config.pluralkit.ratePerSecond).toBe(9);
    expect(config.pluralkit.followRateHeaders).toBe(false);
    expect(config.tokenKeys.current).toEqual(Buffer.alloc(32, 7));
    expect(config.tokenKeys.previous).toEqual([Buffer.alloc(32, 9)]);
    expect(config.storeUrl).toBe('redis://127.0.0.1:6379');
    expect(config.shutdownGraceMs).toBe(2_500);
  });

  it('lists every bad key at once and never echoes a value', () => {
    const secret = 'not-a-key-but-secret-looking-value';
    const problems = problemsOf({
      TOKEN_ENCRYPTION_KEY: secret,
      PLURALKIT_API_URL: 'ftp://example.org',
      PLURALKIT_RATE_PER_SECOND: '-1',
      STORE_URL: 'mongodb://x',
      LOG_LEVEL: 'loud',
      SHUTDOWN_GRACE_MS: 'soon',
    });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(
      expect.arrayContaining([
        'TOKEN_ENCRYPTION_KEY',
        'PLURALKIT_API_URL',
        'PLURALKIT_RATE_PER_SECOND',
        'STORE_URL',
        'LOG_LEVEL',
        'SHUTDOWN_GRACE_MS',
      ]),
    );
    expect(problems.join('\n')).not.toContain(secret);
    expect(problems.join('\n')).not.toContain('mongodb');
  });

  it('reads live events: PUBLIC_URL without its trailing slash, DISPATCH_PORT, and the coalescing window', () => {
    expect(loadConfig({})).toMatchObject({ publicUrl: undefined, dispatchPort: undefined, liveCoalesceMs: 1_000 });
    const config = loadConfig({
      PUBLIC_URL: 'https://bot.example.org/',
      DISPATCH_PORT: '8080',
      LIVE_COALESCE_MS: '50',
    });
    expect(config).toMatchObject({ publicUrl: 'https://bot.example.org', dispatchPort: 8080, liveCoalesceMs: 50 });
    const problems = problemsOf({ PUBLIC_URL: 'bot.example.org', DISPATCH_PORT: '70000' });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['PUBLIC_URL', 'DISPATCH_PORT']);
  });

  it('rejects an encryption key that is not exactly 32 bytes', () => {
    expect(problemsOf({ TOKEN_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') })[0]).toMatch(
      /^TOKEN_ENCRYPTION_KEY: expected 32 bytes/,
    );
    expect(problemsOf({ TOKEN_ENCRYPTION_KEYS_PREVIOUS: `${key},short` })[0]).toMatch(
      /^TOKEN_ENCRYPTION_KEYS_PREVIOUS/,
    );
  });
});

describe('assertBotConfig', () => {
  it('names each variable running on Discord needs', () => {
    expect(() => assertBotConfig(loadConfig({}))).toThrow(/DISCORD_TOKEN[\s\S]*TOKEN_ENCRYPTION_KEY/);
    expect(() => assertBotConfig(loadConfig({ DISCORD_TOKEN: 'x', TOKEN_ENCRYPTION_KEY: key }))).not.toThrow();
  });

  it('sends a fresh clone with no token to the preview', () => {
    expect(wantsPreview({})).toBe(true);
    expect(wantsPreview({ DISCORD_TOKEN: '  ' })).toBe(true);
    expect(wantsPreview({ DISCORD_TOKEN: 'x' })).toBe(false);
  });
});
