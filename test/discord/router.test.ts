import { MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/discord/in-flight.js';
import { UserErrorMessages } from '../../src/errors.js';
import { CallerId } from '../accounts-world.js';
import { FakeInteraction } from './fake-interaction.js';
import { routerWorld } from './router-world.js';

const Stranger = '200000000000000099';
const Ephemeral = MessageFlags.Ephemeral;

describe('router: commands', () => {
  it('runs a command, privately unless the command says otherwise', async () => {
    const { handle } = await routerWorld();
    expect((await handle({ kind: 'chat', commandName: 'ok' })).only('reply')).toMatchObject({
      content: 'fine',
      flags: Ephemeral,
    });
    expect((await handle({ kind: 'chat', commandName: 'public' })).only('reply')).toMatchObject({
      content: 'for everyone',
      flags: undefined,
    });
  });

  it('answers a command it does not know, or a kind of interaction the command does not take', async () => {
    const { handle } = await routerWorld();
    for (const fake of [
      await handle({ kind: 'chat', commandName: 'removed' }),
      await handle({ kind: 'user-menu', commandName: 'ok' }),
    ]) {
      expect(fake.only('reply')).toMatchObject({ content: UserErrorMessages.UnknownCommand(), flags: Ephemeral });
    }
  });

  it('refuses a token-shaped option without running the command or repeating it', async () => {
    const { handle, pk } = await routerWorld();
    const fake = await handle({ kind: 'chat', commandName: 'ok', options: { note: pk.sample.own.token } });
    expect(fake.methods).toEqual(['reply']);
    expect(fake.only('reply')).toMatchObject({
      content: UserErrorMessages.TokenInOption({ option: 'note' }),
      flags: Ephemeral,
    });
    expect(JSON.stringify(fake.calls)).not.toContain(pk.sample.own.token);
  });
});

describe('router: the error boundary', () => {
  it("shows a user's mistake privately and logs it without a stack", async () => {
    const { handle, failures } = await routerWorld();
    const fake = await handle({ kind: 'chat', commandName: 'mistake', userId: CallerId });
    expect(fake.only('reply')).toMatchObject({ content: UserErrorMessages.NotLinked(), flags: Ephemeral });
    const [entry] = failures();
    expect(entry).toMatchObject({
      level: 30,
      reason: 'NotLinked',
      user: CallerId,
      name: 'mistake',
      interaction: fake.id,
    });
    expect(entry).not.toHaveProperty('err');
  });

  it('answers our bug with an error id, and logs the stack under the same id', async () => {
    const { handle, failures } = await routerWorld();
    const fake = await handle({ kind: 'chat', commandName: 'bug' });
    const shown = fake.only('reply').content as string;
    const errorId = /`([0-9a-f]{8})`/.exec(shown)?.[1];
    expect(shown).toBe(UserErrorMessages.Internal({ errorId: errorId! }));
    expect(shown).not.toContain('kaboom');
    const [entry] = failures();
    expect(entry).toMatchObject({ level: 50, errorId, err: { message: 'kaboom in the test command' } });
    expect((entry!.err as { stack: string }).stack).toContain('TypeError');
  });

  it("explains what PluralKit refused, and logs PluralKit's trouble as a warning with its stack", async () => {
    const { handle, failures, pk } = await routerWorld({}, { maxRetries: 0 });
    const hidden = await handle({ kind: 'chat', commandName: 'fronters' });
    expect(hidden.only('reply').content).toBe(UserErrorMessages.Private({ what: 'current fronters' }));
    pk.failNext(1, 503);
    const down = await handle({ kind: 'chat', commandName: 'down' });
    expect(down.only('reply').content).toBe(UserErrorMessages.PluralKitDown());
    const [, warned] = failures();
    expect(warned).toMatchObject({ level: 40, name: 'down' });
    expect(warned).toHaveProperty('err.stack');
  });

  it('removes a public deferral of a failed command and tells the user privately', async () => {
    const { handle } = await routerWorld({ deferAfterMs: 5 });
    const fake = await handle({ kind: 'chat', commandName: 'slowfail' });
    expect(fake.methods).toEqual(['deferReply', 'deleteReply', 'followUp']);
    expect(fake.only('deferReply')).toEqual({ flags: undefined });
    expect(fake.only('followUp')).toMatchObject({ content: UserErrorMessages.NoSwitches(), flags: Ephemeral });
  });

  it('logs, and does not reject, when even the error answer cannot be sent', async () => {
    const { router, entries } = await routerWorld();
    const fake = new FakeInteraction({ kind: 'chat', commandName: 'bug' });
    fake.failNext('reply', new Error('Unknown interaction'));
    await expect(router.handle(fake.interaction)).resolves.toBeUndefined();
    expect(
      entries().some((entry) => entry.msg === 'could not tell the user about an error' && entry.level === 40),
    ).toBe(true);
  });

  it('turns new interactions away while the bot shuts down', async () => {
    const inFlight = new InFlight();
    const { handle } = await routerWorld({ inFlight });
    await inFlight.drain(1_000);
    const fake = await handle({ kind: 'chat', commandName: 'ok' });
    expect(fake.only('reply')).toMatchObject({ content: UserErrorMessages.Restarting(), flags: Ephemeral });
  });
});

describe('router: controls', () => {
  it("runs its owner's click on the command that made it, with the session's state", async () => {
    const { handle, openMenu } = await routerWorld();
    const customId = await openMenu(CallerId);
    expect((await handle({ kind: 'button', customId, userId: CallerId })).only('update')).toMatchObject({
      content: 'page 2',
    });
    expect((await handle({ kind: 'button', customId, userId: CallerId })).only('update')).toMatchObject({
      content: 'page 3',
    });
  });

  it('tells another user the control is not theirs, and leaves the message alone', async () => {
    const { handle, openMenu } = await routerWorld();
    const customId = await openMenu(CallerId);
    const fake = await handle({ kind: 'button', customId, userId: Stranger });
    expect(fake.methods).toEqual(['reply']);
    expect(fake.only('reply')).toMatchObject({
      content: UserErrorMessages.NotYourMenu({ command: 'menu' }),
      flags: Ephemeral,
    });
    expect((await handle({ kind: 'button', customId, userId: CallerId })).only('update')).toMatchObject({
      content: 'page 2',
    });
  });

  it('clears the controls of an expired menu and says to run the command again', async () => {
    const { handle } = await routerWorld();
    const button = await handle({ kind: 'button', customId: 'menu:next:gone123:', userId: CallerId });
    expect(button.methods).toEqual(['update', 'followUp']);
    expect(button.only('update')).toMatchObject({ components: [] });
    expect(button.only('followUp')).toMatchObject({
      content: UserErrorMessages.MenuExpired({ command: 'menu' }),
      flags: Ephemeral,
    });
    const form = await handle({ kind: 'modal', customId: 'menu:submit:gone123:', userId: CallerId });
    expect(form.methods).toEqual(['reply']);
  });

  it('answers forged ids as invalid: unparsable, unknown command, an action nobody takes, a session of another command', async () => {
    const { handle, openMenu } = await routerWorld();
    const menuId = await openMenu(CallerId);
    const session = menuId.split(':')[2]!;
    const otherSession = (await handle({ kind: 'chat', commandName: 'other', userId: CallerId })).only('reply')
      .content as string;
    const forged = [
      'garbage',
      'removed:next:-:',
      `menu:delete-everything:${session}:`,
      `menu:next:${otherSession}:`,
      'menu:next:-:',
    ];
    for (const customId of forged) {
      const fake = await handle({ kind: 'button', customId, userId: CallerId });
      expect(fake.methods, customId).toEqual(['reply']);
      expect(fake.only('reply'), customId).toMatchObject({
        content: UserErrorMessages.InvalidControl(),
        flags: Ephemeral,
      });
    }
    expect((await handle({ kind: 'button', customId: menuId, userId: CallerId })).only('update')).toMatchObject({
      content: 'page 2',
    });
  });

  it('answers a form from a button in place, and refuses a token typed into a form field', async () => {
    const { handle, openMenu, pk } = await routerWorld();
    const customId = (await openMenu(CallerId)).replace(':next:', ':submit:');
    const form = await handle({
      kind: 'modal-from-message',
      customId,
      userId: CallerId,
      fields: { when: 'yesterday' },
    });
    expect(form.only('update')).toMatchObject({ content: 'form said 1 things' });
    const pasted = await handle({
      kind: 'modal-from-message',
      customId,
      userId: CallerId,
      fields: { when: pk.sample.own.token },
    });
    expect(pasted.only('reply')).toMatchObject({
      content: UserErrorMessages.TokenInOption({ option: 'when' }),
      flags: Ephemeral,
    });
  });
});

describe('router: autocomplete', () => {
  it("offers the command's suggestions, and none for an unknown command, a token, or when suggesting fails", async () => {
    const { handle, entries, pk } = await routerWorld();
    expect((await handle({ kind: 'autocomplete', commandName: 'suggest' })).only('respond')).toEqual([
      { name: 'Ash', value: 'abcde' },
    ]);
    const none = [
      await handle({ kind: 'autocomplete', commandName: 'removed' }),
      await handle({ kind: 'autocomplete', commandName: 'suggest', options: { member: pk.sample.own.token } }),
      await handle({ kind: 'autocomplete', commandName: 'badsuggest' }),
    ];
    for (const fake of none) expect(fake.only('respond')).toEqual([]);
    expect(entries().filter((entry) => entry.msg === 'autocomplete failed')).toMatchObject([
      { level: 40, name: 'badsuggest' },
    ]);
  });
});
