import { DiscordAPIError, HTTPError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/discord/describe-error.js';
import { UserErrorMessages, UserFacingError } from '../../src/errors.js';
import {
  PluralKitAPIError,
  PluralKitErrorCode as Code,
  PluralKitHTTPError,
  PluralKitInputError,
  PluralKitNetworkError,
  PluralKitRateLimitError,
  PluralKitSchemaError,
  PluralKitTimeoutError,
  type RequestLocation,
} from '../../src/pluralkit/index.js';
import { VaultUnavailableError } from '../../src/vault/index.js';
import { clientFor, rejectionOf, setup } from '../pluralkit/helpers.js';

const at: RequestLocation = { method: 'GET', route: '/systems/abcde/members' };
const apiError = (status: number, code: number) => new PluralKitAPIError(status, code, 'PluralKit said so', at);

describe("describeError: what PluralKit refused, in the user's words", () => {
  // (Front history private, 30006 and a plain 403 have their own test in the describe-forbidden file.)
  it.each([
    [Code.MemberListPrivate, 'member list'],
    [Code.GroupListPrivate, 'group list'],
    [Code.GroupMemberListPrivate, 'group member lists'],
    [Code.FrontersPrivate, 'current fronters'],
  ])('code %i says the system keeps its %s private', (code, what) => {
    expect(describeError(apiError(403, code))).toEqual({ message: UserErrorMessages.Private({ what }), level: 'info' });
  });

  it.each([
    [404, Code.SystemNotFound, UserErrorMessages.SystemNotFound({})],
    [404, Code.MemberNotFound, UserErrorMessages.MemberNotFound({})],
    [400, Code.MemberRefNotFound, UserErrorMessages.MemberNotFound({})],
    [404, Code.GroupNotFound, UserErrorMessages.GroupNotFound({})],
    [400, Code.GroupRefNotFound, UserErrorMessages.GroupNotFound({})],
    [404, Code.SwitchNotFound, UserErrorMessages.SwitchNotFound()],
    [404, Code.SwitchNotFoundOrPrivate, UserErrorMessages.SwitchNotFound()],
    [404, Code.MessageNotFound, UserErrorMessages.MessageNotFound()],
    [400, Code.DuplicateMembers, UserErrorMessages.DuplicateMembers()],
    [400, Code.SameSwitchMembers, UserErrorMessages.SameAsCurrent()],
    [400, Code.SameSwitchTimestamp, UserErrorMessages.SwitchTimeTaken()],
    [403, Code.GroupNotInYourSystem, UserErrorMessages.NotYourSystem()],
    [403, Code.MemberRefNotInYourSystem, UserErrorMessages.NotYourSystem()],
    [403, Code.GroupRefNotInYourSystem, UserErrorMessages.NotYourSystem()],
  ])("a %i with code %i is explained as the user's own matter", (status, code, message) => {
    expect(describeError(apiError(status, code))).toEqual({ message, level: 'info' });
  });

  it('names the reference that was malformed in plain words, without an error id', () => {
    const cases: [string, string][] = [
      ['systemRef', 'system'],
      ['members[2]', 'member'],
      ['memberRef', 'member'],
      ['switchId', 'switch'],
    ];
    for (const [argument, kind] of cases) {
      expect(describeError(new PluralKitInputError(argument, 'a thing'))).toEqual({
        message: UserErrorMessages.InvalidReference({ kind, detail: 'expected a thing.' }),
        level: 'info',
      });
    }
  });

  it('shows a user-facing error as it is', () => {
    expect(describeError(new UserFacingError('NotLinked'))).toEqual({
      message: UserErrorMessages.NotLinked(),
      level: 'info',
    });
  });
});

describe('describeError: trouble elsewhere is a warning and asks to retry', () => {
  it.each([
    ['a 5xx with a JSON body', apiError(503, Code.Generic)],
    ['a bare HTTP error', new PluralKitHTTPError(502, at)],
    ['a timeout', new PluralKitTimeoutError(10_000, at)],
    ['a network failure', new PluralKitNetworkError(at, new Error('ECONNREFUSED'))],
    [
      'a body that fails its schema',
      new PluralKitSchemaError('Member[]', [{ path: '0.id', message: 'expected string' }], at),
    ],
  ])('PluralKit failing (%s) says PluralKit is having trouble', (_, error) => {
    expect(describeError(error)).toEqual({ message: UserErrorMessages.PluralKitDown(), level: 'warn' });
  });

  it('asks to wait when PluralKit keeps rate-limiting', () => {
    const error = new PluralKitRateLimitError(1_000, 'generic_get', at, 3);
    expect(describeError(error)).toEqual({ message: UserErrorMessages.PluralKitBusy(), level: 'warn' });
  });

  it('says the token storage is unreachable', () => {
    expect(describeError(new VaultUnavailableError('get'))).toEqual({
      message: UserErrorMessages.StoreUnavailable(),
      level: 'warn',
    });
  });

  it('blames Discord for its own 5xx, with no error id to report', () => {
    const url = 'https://discord.com/api/v10/interactions/1/token/callback';
    const failures = [
      new DiscordAPIError({ code: 0, message: 'Internal Server Error' }, 0, 500, 'POST', url, { body: undefined }),
      new HTTPError(502, 'Bad Gateway', 'POST', url, { body: undefined }),
    ];
    for (const error of failures)
      expect(describeError(error)).toEqual({ message: UserErrorMessages.DiscordDown(), level: 'warn' });
  });
});

describe('describeError: our own bugs get an error id', () => {
  it.each([
    [
      'a Discord 4xx (we sent something Discord refused)',
      new DiscordAPIError(
        { code: 50035, message: 'Invalid Form Body' },
        50035,
        400,
        'POST',
        'https://discord.com/api/v10/x',
        { body: undefined },
      ),
    ],
    ['a PluralKit validation error (we sent a body it refused)', apiError(400, Code.InvalidModel)],
    ['a PluralKit 401 nobody handled', apiError(401, Code.Generic)],
    ['a thrown non-error', 'just a string'],
  ])('%s', (_, error) => {
    const described = describeError(error);
    expect(described.level).toBe('error');
    expect(described.errorId).toMatch(/^[0-9a-f]{8}$/);
    expect(described.message).toBe(UserErrorMessages.Internal({ errorId: described.errorId! }));
  });

  it('gives each failure its own id', () => {
    const ids = new Set(Array.from({ length: 20 }, () => describeError(new Error('boom')).errorId));
    expect(ids.size).toBe(20);
  });
});

describe('describeError on what the real client throws', () => {
  it('explains an unknown system, a private front, and a PluralKit that is failing or gone', async () => {
    const { pk, client } = await setup({ rateLimit: { mode: 'off' } }, { maxRetries: 0 });
    const unknown = await rejectionOf(client.getSystem(pk.sample.unknownSystemId));
    expect(describeError(unknown)).toEqual({ message: UserErrorMessages.SystemNotFound({}), level: 'info' });
    const hidden = await rejectionOf(client.getFronters(pk.sample.frontPrivate.systemId));
    expect(describeError(hidden).message).toBe(UserErrorMessages.Private({ what: 'current fronters' }));
    const malformed = await rejectionOf(client.getSystem('not a system!'));
    expect(describeError(malformed).message).toMatch(/^That system id isn't valid: expected '@me', a system id/);
    pk.failNext(1, 500);
    const failing = await rejectionOf(client.getSystem(pk.sample.other.systemId));
    expect(describeError(failing)).toMatchObject({ level: 'warn', message: UserErrorMessages.PluralKitDown() });
    const nowhere = clientFor('http://127.0.0.1:1/v2', { maxRetries: 0 });
    const gone = await rejectionOf(nowhere.getMembers(pk.sample.other.systemId));
    expect(describeError(gone)).toMatchObject({ level: 'warn', message: UserErrorMessages.PluralKitDown() });
  });
});
