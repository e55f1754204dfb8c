import type { User } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { isUserFacingError, UserErrorMessages } from '../src/errors.js';
import { PluralKitInputError } from '../src/pluralkit/index.js';
import { describeTarget, forTarget, ownTarget, resolveTarget } from '../src/targets.js';
import { accountsWorld, CallerId } from './accounts-world.js';
import { rejectionOf } from './pluralkit/helpers.js';

/** The part of a discord.js `User` that targets read. */
function discordUser(id: string, username = 'someone'): User {
  return { id, username } as User;
}

async function linkedWorld() {
  const world = await accountsWorld();
  await world.accounts.link(CallerId, world.pk.sample.own.token);
  return world;
}

describe('resolveTarget', () => {
  it("takes no option as the caller's own system, and asks them to link when they have not", async () => {
    const { accounts } = await accountsWorld();
    const error = await rejectionOf(resolveTarget(accounts, CallerId, {}));
    expect((error as Error).message).toBe(UserErrorMessages.NotLinked());
    const { accounts: linked, pk } = await linkedWorld();
    const target = await resolveTarget(linked, CallerId, { system: null, user: null });
    expect(target).toMatchObject({ kind: 'own', ref: '@me', account: { systemId: pk.sample.own.systemId } });
  });

  it('refuses a system and a user together', async () => {
    const { accounts } = await linkedWorld();
    const error = await rejectionOf(
      resolveTarget(accounts, CallerId, { system: 'abcde', user: discordUser('300000000000000001') }),
    );
    expect((error as Error).message).toBe(UserErrorMessages.OptionConflict({ first: 'system', second: 'user' }));
  });

  it("treats the caller's own id, uuid or @me, however typed, as their own system", async () => {
    const { accounts, pk } = await linkedWorld();
    const { systemId, systemUuid } = pk.sample.own;
    for (const system of [systemId.toUpperCase(), systemUuid.toUpperCase(), '@ME']) {
      expect(await resolveTarget(accounts, CallerId, { system }), system).toMatchObject({ kind: 'own', ref: '@me' });
    }
  });

  it('takes any other system as its public view, by its normalised id', async () => {
    const { accounts, pk } = await linkedWorld();
    const target = await resolveTarget(accounts, CallerId, { system: pk.sample.other.systemId.toUpperCase() });
    expect(target).toEqual({ kind: 'system', ref: pk.sample.other.systemId });
    expect(describeTarget(target)).toBe(`system \`${pk.sample.other.systemId}\``);
  });

  it('answers @me without a link with NotLinked, and a malformed reference with an input error', async () => {
    const { accounts } = await accountsWorld();
    expect(
      isUserFacingError(await rejectionOf(resolveTarget(accounts, CallerId, { system: '@me' })), 'NotLinked'),
    ).toBe(true);
    expect(await rejectionOf(resolveTarget(accounts, CallerId, { system: 'not a ref!' }))).toBeInstanceOf(
      PluralKitInputError,
    );
  });

  it('takes the caller as a user option as their own system when linked, and as a Discord user when not', async () => {
    const me = discordUser(CallerId, 'me');
    const { accounts } = await accountsWorld();
    expect(await resolveTarget(accounts, CallerId, { user: me })).toEqual({ kind: 'user', ref: CallerId, user: me });
    const { accounts: linked } = await linkedWorld();
    expect(await resolveTarget(linked, CallerId, { user: me })).toMatchObject({ kind: 'own', ref: '@me' });
  });

  it("takes another Discord user as that user's system", async () => {
    const { accounts } = await linkedWorld();
    const them = discordUser('300000000000000001', 'them');
    const target = await resolveTarget(accounts, CallerId, { user: them });
    expect(target).toEqual({ kind: 'user', ref: them.id, user: them });
    expect(describeTarget(target)).toBe("them's system");
  });
});

describe('forTarget', () => {
  it("sends the caller's token only for their own system", async () => {
    const { accounts, client, pk } = await linkedWorld();
    const own = await ownTarget(accounts, CallerId);
    expect(describeTarget(own)).toBe('your system');
    const seen: (string | undefined)[] = [];
    const ownMembers = await forTarget(
      accounts,
      CallerId,
      own,
      (ref, token) => (seen.push(token), client.getMembers(ref, { token })),
    );
    expect(ownMembers.map((member) => member.id)).toContain(pk.sample.own.privateMemberId);

    const other = await resolveTarget(accounts, CallerId, { system: pk.sample.other.systemId });
    await forTarget(accounts, CallerId, other, (ref, token) => (seen.push(token), client.getMembers(ref, { token })));
    expect(seen).toEqual([pk.sample.own.token, undefined]);
  });

  it('names the system PluralKit does not know, and says a Discord user has none', async () => {
    const { accounts, client, pk } = await linkedWorld();
    const unknown = await resolveTarget(accounts, CallerId, { system: pk.sample.unknownSystemId });
    const error = await rejectionOf(
      forTarget(accounts, CallerId, unknown, (ref, token) => client.getSystem(ref, { token })),
    );
    expect((error as Error).message).toBe(
      UserErrorMessages.SystemNotFound({ ref: `\`${pk.sample.unknownSystemId}\`` }),
    );

    const nobody = await resolveTarget(accounts, CallerId, { user: discordUser('300000000000000009') });
    const none = await rejectionOf(
      forTarget(accounts, CallerId, nobody, (ref, token) => client.getSystem(ref, { token })),
    );
    expect((none as Error).message).toBe(UserErrorMessages.UserHasNoSystem());
  });

  it("reaches a Discord user's system by their account", async () => {
    const { accounts, client, pk } = await linkedWorld();
    const target = await resolveTarget(accounts, CallerId, { user: discordUser(pk.sample.other.discordUserId) });
    const system = await forTarget(accounts, CallerId, target, (ref, token) => client.getSystem(ref, { token }));
    expect(system.id).toBe(pk.sample.other.systemId);
  });

  it('forgets a refused token of the own system and tells the caller to link again', async () => {
    const { accounts, client, pk, systemRecord } = await linkedWorld();
    const own = await ownTarget(accounts, CallerId);
    pk.state.refreshToken(systemRecord(pk.sample.own.systemId));
    const error = await rejectionOf(
      forTarget(accounts, CallerId, own, (ref, token) => client.getMembers(ref, { token })),
    );
    expect((error as Error).message).toBe(UserErrorMessages.TokenRevoked());
    expect(await accounts.find(CallerId)).toBeUndefined();
  });
});
