import { describe, expect, it } from 'vitest';
import { authorizationHeader, tokenHash, tokenKind } from '../../src/pluralkit/index.js';
import { setup } from './helpers.js';

describe('PluralKit credentials', () => {
  it('tells legacy tokens from API keys and rejects anything else', () => {
    const legacy = 'A'.repeat(62) + '+/';
    expect(tokenKind(legacy)).toBe('legacy');
    expect(tokenKind('pkapi:eyJ0aWQiOiJ4In0:sig')).toBe('apikey');
    for (const bad of [
      '',
      'A'.repeat(63),
      'A'.repeat(65),
      `${'A'.repeat(63)}!`,
      'pkapi:',
      'pkapi:has space',
      `Bearer ${legacy}`,
    ]) {
      expect(tokenKind(bad), bad).toBeNull();
    }
    expect(authorizationHeader(legacy)).toBe(legacy);
    expect(authorizationHeader('pkapi:abc')).toBe('Bearer pkapi:abc');
    expect(tokenHash(legacy)).toMatch(/^[0-9a-f]{16}$/);
    expect(tokenHash(legacy)).not.toBe(tokenHash(`${legacy.slice(0, 63)}B`));
  });

  it('sends a legacy token raw and an API key as Bearer, always with the bot User-Agent', async () => {
    // Only the unmerged key branch authenticates keys; production's main treats them as anonymous.
    const { pk, client } = await setup({ rateLimit: { mode: 'off' }, apiKeys: 'branch' });
    const own = pk.sample.own;
    expect((await client.getOwnSystem(own.token)).id).toBe(own.systemId);
    expect((await client.getOwnSystem(own.apiKey)).id).toBe(own.systemId);
    await client.getSystem(pk.sample.other.systemId);
    expect(pk.requests.map((r) => [r.authorization, r.authenticated])).toEqual([
      ['legacy', true],
      ['bearer', true],
      ['none', false],
    ]);
    expect(new Set(pk.requests.map((r) => r.userAgentValue))).toEqual(
      new Set(['pk-companion/0.1.0 (+https://github.com/pk-companion/pk-companion)']),
    );
  });
});
