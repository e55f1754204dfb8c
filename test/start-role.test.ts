import { describe, expect, it } from 'vitest';
import type { ConfigError } from '../src/config.js';
import { loadConfig } from '../src/config.js';
import { assertRoleConfig, parseStartOptions } from '../src/start-options.js';

const publicKey = 'ab'.repeat(32);

describe('npm start -- --role', () => {
  it('runs everything by default, and takes each role by name', () => {
    expect(parseStartOptions([])).toEqual({ shards: undefined, role: 'all' });
    for (const role of ['all', 'gateway', 'http'] as const) expect(parseStartOptions(['--role', role]).role).toBe(role);
    expect(parseStartOptions(['--role=http']).role).toBe('http');
  });

  it('refuses an unknown role or option, saying what it takes', () => {
    expect(() => parseStartOptions(['--role', 'webhook'])).toThrow(
      /--role must be one of all, gateway, http, not "webhook"/,
    );
    expect(() => parseStartOptions(['--rol', 'http'])).toThrow(/usage: npm start -- .*\[--role all\|gateway\|http\]/);
  });
});

describe('what each role needs', () => {
  const problemsOf = (env: Record<string, string>, role: 'all' | 'gateway' | 'http'): string[] => {
    try {
      assertRoleConfig(loadConfig(env), role);
      return [];
    } catch (error) {
      return (error as ConfigError).problems.map((problem) => problem.split(':')[0] ?? '');
    }
  };

  it('--role http needs the webhook port and the public key', () => {
    expect(problemsOf({}, 'http')).toEqual(['INTERACTIONS_PORT', 'DISCORD_PUBLIC_KEY']);
    expect(problemsOf({ INTERACTIONS_PORT: '8080', DISCORD_PUBLIC_KEY: publicKey }, 'http')).toEqual([]);
  });

  it('serving webhooks in --role all needs the key; the gateway alone needs neither', () => {
    expect(problemsOf({}, 'all')).toEqual([]);
    expect(problemsOf({ INTERACTIONS_PORT: '8080' }, 'all')).toEqual(['DISCORD_PUBLIC_KEY']);
    expect(problemsOf({ INTERACTIONS_PORT: '8080' }, 'gateway')).toEqual([]);
  });

  it('names a public key or port that cannot be right', () => {
    expect(() => loadConfig({ DISCORD_PUBLIC_KEY: 'not-hex' })).toThrow(/DISCORD_PUBLIC_KEY: expected .*64 hex/);
    expect(() => loadConfig({ INTERACTIONS_PORT: '70000' })).toThrow(/INTERACTIONS_PORT: expected a TCP port/);
    expect(loadConfig({ INTERACTIONS_PORT: '0', DISCORD_PUBLIC_KEY: publicKey.toUpperCase() })).toMatchObject({
      interactionsPort: 0,
      discordPublicKey: publicKey,
    });
  });
});
