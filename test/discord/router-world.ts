/** A router over small test commands and the real services, for test/discord/router.test.ts. */
import { LiveHooks } from '../../src/live/hooks.js';
import { SettingsStore } from '../../src/settings/store.js';
import { vi } from 'vitest';
import type { Command, CommandContext } from '../../src/discord/command.js';
import { encodeCustomId } from '../../src/discord/custom-id.js';
import { createRouter, type RouterOptions } from '../../src/discord/router.js';
import { memorySessions } from '../../src/discord/memory-sessions.js';
import { UserFacingError } from '../../src/errors.js';
import type { PluralKitClientOptions } from '../../src/pluralkit/index.js';
import { accountsWorld } from '../accounts-world.js';
import { FakeInteraction, type FakeInteractionOptions } from './fake-interaction.js';

const chat = (name: string) => ({ name, description: `The ${name} test command.` });

/** A paginated menu: its button's custom id names a session, and only `next` is an action it takes. */
export const menu: Command = {
  data: chat('menu'),
  async execute({ interaction, respond, ctx }) {
    const session = await ctx.sessions.create(interaction.user.id, { page: 1 });
    await respond.send({ content: 'page 1', components: [] });
    await respond.note(encodeCustomId({ command: 'menu', action: 'next', session: session.id }));
  },
  async component({ id, session, respond, ctx }) {
    if (id.action !== 'next' || session === undefined) return;
    const state = session.state as { page: number };
    state.page += 1;
    await ctx.sessions.save(session);
    await respond.send({ content: `page ${state.page}` });
  },
  async modal({ interaction, respond }) {
    await respond.send({ content: `form said ${interaction.fields.fields.size} things` });
  },
};

/** Test commands, each doing one thing a real command may do. */
export function testCommands(pkRefs: { frontPrivate: string }): Command[] {
  return [
    menu,
    { data: chat('ok'), execute: ({ respond }) => respond.send({ content: 'fine' }) },
    {
      data: chat('public'),
      visibility: () => ({ ephemeral: false }),
      execute: ({ respond }) => respond.send({ content: 'for everyone' }),
    },
    { data: chat('mistake'), execute: () => Promise.reject(new UserFacingError('NotLinked')) },
    { data: chat('bug'), execute: () => Promise.reject(new TypeError('kaboom in the test command')) },
    { data: chat('fronters'), execute: async ({ ctx }) => void (await ctx.pluralkit.getFronters(pkRefs.frontPrivate)) },
    {
      data: chat('down'),
      execute: async ({ ctx }) => void (await ctx.pluralkit.getSystem(pkRefs.frontPrivate, { fresh: true })),
    },
    {
      // Slow enough to be deferred (publicly), then fails: the deferral must not stay in the channel.
      data: chat('slowfail'),
      visibility: () => ({ ephemeral: false }),
      async execute({ respond }) {
        await vi.waitFor(() => {
          if (!respond.acknowledged) throw new Error('not deferred yet');
        });
        throw new UserFacingError('NoSwitches');
      },
    },
    {
      data: chat('suggest'),
      async autocomplete(interaction) {
        await interaction.respond([{ name: 'Ash', value: 'abcde' }]);
      },
    },
    {
      data: chat('badsuggest'),
      autocomplete: () => Promise.reject(new Error('suggestions failed')),
    },
    {
      // Its sessions are its own: a `menu` control naming one is forged.
      data: chat('other'),
      async execute({ interaction, respond, ctx }) {
        const session = await ctx.sessions.create(interaction.user.id, {});
        await respond.send({ content: session.id });
      },
    },
  ];
}

/** A router over {@link testCommands}, the real accounts, client and sessions, and a way to feed it fakes. */
export async function routerWorld(options: RouterOptions = {}, client: Partial<PluralKitClientOptions> = {}) {
  const world = await accountsWorld({ client });
  const settings = await SettingsStore.memory();
  const ctx: CommandContext = {
    pluralkit: world.client,
    accounts: world.accounts,
    sessions: memorySessions(),
    settings,
    live: new LiveHooks(settings, world.vault, undefined),
    log: world.log,
    bot: { applicationId: () => '100000000000000000', commands: [], helpSections: [] },
    now: () => new Date(),
  };
  const router = createRouter(testCommands({ frontPrivate: world.pk.sample.frontPrivate.systemId }), ctx, {
    deferAfterMs: 60_000,
    ...options,
  });
  /** Routes one fake interaction to the end (the router's promise never rejects). */
  async function handle(options: FakeInteractionOptions): Promise<FakeInteraction> {
    const fake = new FakeInteraction(options);
    await router.handle(fake.interaction);
    return fake;
  }
  /** Runs `/menu` as `userId` and returns the custom id of its button. */
  async function openMenu(userId: string): Promise<string> {
    const fake = await handle({ kind: 'chat', commandName: 'menu', userId });
    return fake.only('followUp').content as string;
  }
  /** The log entries that say an interaction failed. */
  const failures = () => world.entries().filter((entry) => entry.msg === 'interaction failed');
  return { ...world, ctx, router, handle, openMenu, failures };
}
