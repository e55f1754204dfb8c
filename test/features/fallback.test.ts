import { describe, expect, it } from 'vitest';
import { orOnCode } from '../../src/features/fallback.js';
import { PluralKitAPIError, PluralKitErrorCode } from '../../src/pluralkit/index.js';

const at = { method: 'GET', route: '/systems/abcde/members' } as const;
const privateList = new PluralKitAPIError(
  403,
  PluralKitErrorCode.MemberListPrivate,
  'Unauthorized to view member list',
  at,
);

describe('orOnCode', () => {
  it('answers the fallback only for the named PluralKit error code', async () => {
    await expect(orOnCode(Promise.reject(privateList), PluralKitErrorCode.MemberListPrivate, [])).resolves.toEqual([]);
    await expect(orOnCode(Promise.resolve([1]), PluralKitErrorCode.MemberListPrivate, [])).resolves.toEqual([1]);
  });

  it('throws any other failure on', async () => {
    await expect(orOnCode(Promise.reject(privateList), PluralKitErrorCode.GroupListPrivate, undefined)).rejects.toBe(
      privateList,
    );
    const bug = new TypeError('boom');
    await expect(orOnCode(Promise.reject(bug), PluralKitErrorCode.MemberListPrivate, undefined)).rejects.toBe(bug);
  });
});
