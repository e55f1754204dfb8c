import { describe, expect, it } from 'vitest';
import { credentialAllows, describeCredential, parseApiKey, scopesAllow } from '../../src/pluralkit/index.js';

const uuid = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const claims = { tid: uuid, sid: uuid, type: 'user_created', scopes: ['read:all'] };
const key = (json: unknown, signature = 'c2lnbmF0dXJl'): string =>
  `pkapi:${Buffer.from(JSON.stringify(json)).toString('base64')}:${signature}`;

describe('pkapi: keys decoded locally', () => {
  it('reads tid, sid, type and scopes from a well-formed key', () => {
    expect(parseApiKey(key(claims))).toEqual({ ok: true, claims });
    expect(parseApiKey(key(claims)).ok).toBe(true);
  });

  it('names what is wrong with a malformed key, never quoting it', () => {
    const cases: [string, RegExp][] = [
      ['pkapi:abc', /three parts/],
      [key(claims, ''), /signature part is missing/],
      ['pkapi:%%%%:c2ln', /isn't base64-encoded JSON/],
      [`pkapi:${Buffer.from('not json').toString('base64')}:c2ln`, /isn't base64-encoded JSON/],
      [key({ ...claims, tid: 'x' }), /`tid`/],
      [key({ ...claims, sid: undefined }), /`sid`/],
      [key({ ...claims, type: 'robot' }), /`type`/],
      [key({ ...claims, scopes: [] }), /`scopes` list is missing or empty/],
      [key({ ...claims, scopes: ['read:everything-secret'] }), /scope PluralKit does not define/],
    ];
    for (const [input, problem] of cases) {
      const parsed = parseApiKey(input);
      expect(parsed.ok, input).toBe(false);
      if (!parsed.ok) {
        expect(parsed.problem, input).toMatch(problem);
        expect(parsed.problem).not.toContain(input.slice(6, 20));
        expect(parsed.problem).not.toContain('everything-secret');
      }
    }
  });

  it('grants the private level only to read and write scopes, write implying read', () => {
    expect(scopesAllow(['write:switches'], 'read', 'fronters')).toBe(true);
    expect(scopesAllow(['read:all'], 'write', 'switches')).toBe(false);
    expect(scopesAllow(['publicread:all'], 'read', 'system')).toBe(false);
    expect(credentialAllows('A'.repeat(64), 'write', 'switches')).toBe(true);
  });

  it('says in one line what a credential allows', () => {
    expect(describeCredential('A'.repeat(64))).toMatch(/full PluralKit token: it can see and change everything/);
    expect(describeCredential(key(claims))).toBe(
      'This API key is read-only: you can look, not log switches, and see everything private in your system.',
    );
    expect(describeCredential(key({ ...claims, scopes: ['write:switches'] }))).toBe(
      'This API key can log, edit and delete switches; of your system profile and settings (time zone included), members and groups it only shows what anyone can see.',
    );
    expect(describeCredential(key({ ...claims, scopes: ['publicread:all'] }))).toMatch(
      /only shows what anyone can see of your system/,
    );
  });
});
