import { describe, expect, it } from 'vitest';
import { isUserFacingError, UserErrorMessages } from '../src/errors.js';
import { LinkAttempts } from '../src/link-attempts.js';
import { isPluralKitAPIError, PluralKitErrorCode } from '../src/pluralkit/index.js';
import { accountsWorld, CallerId } from './accounts-world.js';
import { rejectionOf } from './pluralkit/helpers.js';

const OtherCallerId = '200000000000000002';
/** Legacy-shaped (64 base64 characters) but no system's token. */
const UnknownToken = 'Q'.repeat(64);

function identifierOf(error: unknown): string | undefined {
  return isUserFacingError(error) ? error.identifier : undefined;
}

describe('Accounts.link', () => {
  it('checks the token with PluralKit, keeps it for the user, and says which link it replaced', async () => {
    const { pk, accounts, entries } = await accountsWorld();
    const { own, other } = pk.sample;
    const first = await accounts.link(CallerId, `  ${own.token}\n`);
    expect(first.system.id).toBe(own.systemId);
    expect(first.previous).toBeUndefined();
    expect(first.token).toBe(own.token);
    expect(await accounts.find(CallerId)).toMatchObject({
      token: own.token,
      systemId: own.systemId,
      systemUuid: own.systemUuid,
    });

    const second = await accounts.link(CallerId, other.token);
    expect(second.previous).toMatchObject({ id: own.systemId, uuid: own.systemUuid });
    expect((await accounts.find(CallerId))?.systemId).toBe(other.systemId);
    const linked = entries().filter((entry) => entry.msg === 'linked a system');
    expect(linked.map((entry) => entry.replaced)).toEqual([false, true]);
  });

  it('refuses what is not a token, or a malformed API key, before any request, and stores nothing', async () => {
    const { pk, accounts } = await accountsWorld();
    expect(identifierOf(await rejectionOf(accounts.link(CallerId, 'my password')))).toBe('TokenFormat');
    const malformed = await rejectionOf(accounts.link(CallerId, 'pkapi:only-two-parts'));
    expect(identifierOf(malformed)).toBe('ApiKeyMalformed');
    expect((malformed as Error).message).toMatch(/three parts of an API key/);
    expect(pk.requests).toEqual([]);
    expect(await accounts.find(CallerId)).toBeUndefined();
  });

  it('says PluralKit refused a token it does not know, and keeps the earlier link', async () => {
    const { pk, accounts } = await accountsWorld();
    await accounts.link(CallerId, pk.sample.own.token);
    const error = await rejectionOf(accounts.link(CallerId, UnknownToken));
    expect((error as Error).message).toBe(UserErrorMessages.TokenRejected());
    expect((await accounts.find(CallerId))?.token).toBe(pk.sample.own.token);
  });

  it('says production PluralKit does not take API keys yet, and stores nothing', async () => {
    const { pk, accounts } = await accountsWorld();
    const error = await rejectionOf(accounts.link(CallerId, pk.sample.own.apiKey));
    expect((error as Error).message).toBe(UserErrorMessages.ApiKeyNotAccepted());
    expect(await accounts.find(CallerId)).toBeUndefined();
  });

  it('links an API key where PluralKit takes them', async () => {
    const { pk, accounts } = await accountsWorld({ standIn: { apiKeys: 'branch' } });
    const linked = await accounts.link(CallerId, pk.sample.own.apiKey);
    expect(linked.system.id).toBe(pk.sample.own.systemId);
    expect((await accounts.find(CallerId))?.token).toBe(pk.sample.own.apiKey);
  });

  it('lets PluralKit trouble through as it is (not as a refused token), storing nothing', async () => {
    const { pk, accounts } = await accountsWorld({ client: { maxRetries: 0 } });
    pk.failNext(1, 500);
    const error = await rejectionOf(accounts.link(CallerId, pk.sample.own.token));
    expect(isUserFacingError(error)).toBe(false);
    expect(await accounts.find(CallerId)).toBeUndefined();
  });

  it('refuses a user over the attempt limit without asking PluralKit, others still link, and a success forgives', async () => {
    const attempts = new LinkAttempts({ max: 2, windowMs: 10 * 60_000, maxUsers: 10 }, () => Date.UTC(2026, 0, 1));
    const { pk, accounts } = await accountsWorld({ attempts });
    expect(identifierOf(await rejectionOf(accounts.link(CallerId, UnknownToken)))).toBe('TokenRejected');
    await accounts.link(CallerId, pk.sample.own.token);
    expect(identifierOf(await rejectionOf(accounts.link(CallerId, UnknownToken)))).toBe('TokenRejected');
    expect(identifierOf(await rejectionOf(accounts.link(CallerId, UnknownToken)))).toBe('TokenRejected');
    const sent = pk.requests.length;
    const refused = await rejectionOf(accounts.link(CallerId, pk.sample.own.token));
    expect((refused as Error).message).toBe(UserErrorMessages.TooManyLinkAttempts({ wait: '10 minutes' }));
    expect(pk.requests.length).toBe(sent);
    await accounts.link(OtherCallerId, pk.sample.other.token);
  });
});

describe('Accounts.find, require and unlink', () => {
  it('answers NotLinked for a user with no link, and forgets a link at once', async () => {
    const { pk, accounts, entries } = await accountsWorld();
    expect(await accounts.find(CallerId)).toBeUndefined();
    expect(identifierOf(await rejectionOf(accounts.require(CallerId)))).toBe('NotLinked');
    await accounts.link(CallerId, pk.sample.own.token);
    expect((await accounts.require(CallerId)).systemId).toBe(pk.sample.own.systemId);
    expect(await accounts.unlink(CallerId)).toBe(true);
    expect(await accounts.unlink(CallerId)).toBe(false);
    expect(await accounts.find(CallerId)).toBeUndefined();
    expect(entries().filter((entry) => entry.msg === 'unlinked')).toHaveLength(1);
  });
});

describe('Accounts.assertAllows', () => {
  it("lets a full token do anything, and refuses what a key's scopes do not allow, naming the scope", async () => {
    const { pk, accounts, systemRecord } = await accountsWorld({ standIn: { apiKeys: 'branch' } });
    await accounts.link(CallerId, pk.sample.own.token);
    const full = await accounts.require(CallerId);
    expect(() => accounts.assertAllows(full, 'write', 'switches', 'log switches')).not.toThrow();

    const readOnly = pk.state.issueApiKey(systemRecord(pk.sample.own.systemId), ['read:all']);
    await accounts.link(CallerId, readOnly);
    const keyed = await accounts.require(CallerId);
    expect(() => accounts.assertAllows(keyed, 'read', 'members', 'list members')).not.toThrow();
    expect(() => accounts.assertAllows(keyed, 'write', 'switches', 'log switches')).toThrow(
      UserErrorMessages.TokenLacksScope({ what: 'log switches', scope: 'write:switches' }),
    );
  });
});

describe('Accounts.withToken', () => {
  it('runs the call with the stored token and returns its result', async () => {
    const { pk, client, accounts } = await accountsWorld();
    await accounts.link(CallerId, pk.sample.own.token);
    const account = await accounts.require(CallerId);
    const members = await accounts.withToken(account, CallerId, (token) => client.getMembers('@me', { token }));
    expect(members.map((member) => member.id)).toContain(pk.sample.own.privateMemberId);
  });

  it('forgets the link when PluralKit refuses the very token that is stored, and says so', async () => {
    const { pk, client, accounts, entries, systemRecord } = await accountsWorld();
    await accounts.link(CallerId, pk.sample.own.token);
    const account = await accounts.require(CallerId);
    pk.state.refreshToken(systemRecord(pk.sample.own.systemId));
    const error = await rejectionOf(
      accounts.withToken(account, CallerId, (token) => client.getMembers('@me', { token })),
    );
    expect((error as Error).message).toBe(UserErrorMessages.TokenRevoked());
    expect(await accounts.find(CallerId)).toBeUndefined();
    expect(entries().some((entry) => entry.msg === 'PluralKit rejected a stored token; removed it')).toBe(true);
  });

  it('keeps a newer link when the refused token is one the user has replaced meanwhile', async () => {
    const { pk, client, accounts, systemRecord } = await accountsWorld();
    await accounts.link(CallerId, pk.sample.own.token);
    const before = await accounts.require(CallerId);
    const fresh = pk.state.refreshToken(systemRecord(pk.sample.own.systemId));
    await accounts.link(CallerId, fresh);
    const error = await rejectionOf(
      accounts.withToken(before, CallerId, (token) => client.getMembers('@me', { token })),
    );
    expect((error as Error).message).toBe(UserErrorMessages.StaleTokenRejected());
    expect((await accounts.find(CallerId))?.token).toBe(fresh);
  });

  it('says the token was refused even when the user unlinked meanwhile, without failing on the missing link', async () => {
    const { pk, client, accounts, systemRecord } = await accountsWorld();
    await accounts.link(CallerId, pk.sample.own.token);
    const account = await accounts.require(CallerId);
    await accounts.unlink(CallerId);
    pk.state.refreshToken(systemRecord(pk.sample.own.systemId));
    const error = await rejectionOf(
      accounts.withToken(account, CallerId, (token) => client.getMembers('@me', { token })),
    );
    expect(identifierOf(error)).toBe('TokenRevoked');
  });

  it('keeps the link when PluralKit refuses for any other reason', async () => {
    const { pk, client, accounts } = await accountsWorld();
    await accounts.link(CallerId, pk.sample.own.token);
    const account = await accounts.require(CallerId);
    const error = await rejectionOf(
      accounts.withToken(account, CallerId, (token) => client.getMembers(pk.sample.frontPrivate.systemId, { token })),
    );
    expect(isPluralKitAPIError(error, PluralKitErrorCode.MemberListPrivate)).toBe(true);
    expect((await accounts.find(CallerId))?.token).toBe(pk.sample.own.token);
  });
});
