/**
 * Property-based: every command, option and control of the real bot, driven with generated input (token-
 * shaped strings included) by linked and unlinked users in every kind of place. Whatever the input, the
 * user gets an answer inside Discord's window (the stand-in's own 10062 rule), never an internal error, and
 * nothing token-shaped reaches Discord or a log line, and nothing pings. A failure prints the case and the
 * seed to replay it with `test.prop(…, { seed })`.
 */
import { fc, test } from '@fast-check/vitest';
import {
  ApplicationCommandType,
  InteractionType,
  type APIInteraction,
  type APIMessage,
  type APIUser,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import {
  ImpossibleClickError,
  postedMessage,
  type InteractionContextOptions,
  type InteractionHandle,
  type MessageState,
} from '../../stand-ins/discord/index.js';
import { secretMatcher } from '../log-scan/scan.js';
import { startHarness, type Harness } from './harness.js';
import {
  awaitAnswer,
  controlsOf,
  InternalErrorMarker,
  logProblems,
  requestProblems,
  seenText,
} from './property-checks.js';
import { cases, leafNamed, tokenShaped, userText, type Case, type Step } from './property-inputs.js';

/** Enough runs to reach every leaf several times while the file stays within tens of seconds. */
const Runs = 50;

describe('any input to any command or control (property-based)', () => {
  let h: Harness;
  let arbitrary: fc.Arbitrary<Case>;
  const secretsOf = (): string[] => [
    h.discord.botToken,
    ...[...h.pk.state.systems.values()].flatMap((system) => [system.token, ...system.apiKeys]),
  ];

  beforeAll(async () => {
    h = await startHarness({ pluralkit: { rateLimit: { mode: 'off' } } });
    const own = h.pk.sample.own;
    const words = [
      ...own.memberIds,
      'Émile',
      'juniper',
      'ASH 🔥',
      'theo',
      own.systemId,
      h.pk.sample.other.systemId,
      'all',
      'name',
    ];
    const mentions = [
      `<@${h.discord.users.bob.id}>`,
      `<@&${h.discord.guild.id}>`,
      '@everyone hi',
      `<@!${h.discord.users.carol.id}>`,
    ];
    const text = fc.oneof(
      { weight: 1, arbitrary: tokenShaped([own.token]) },
      { weight: 2, arbitrary: userText(words, mentions) },
    );
    arbitrary = cases(
      text,
      Object.values(h.discord.users).map((user) => user.id),
      { channels: [h.discord.channel.id], roles: [h.discord.guild.id] },
    );
  });
  afterAll(() => h.finish());

  const person = (name: Case['target']): APIUser => h.discord.users[name];
  const messageBy = (author: APIUser): APIMessage =>
    postedMessage({
      id: String(((BigInt(Date.now() - 60_000) - 1_420_070_400_000n) << 22n) + 1n),
      channelId: h.discord.channel.id,
      author,
      content: 'hello',
      sentAt: new Date(Date.now() - 60_000),
    });

  function commandPayload(c: Case, ctx: InteractionContextOptions): APIInteraction {
    const { type } = leafNamed(c.leaf);
    if (type === ApplicationCommandType.User) return h.discord.userContext(c.leaf, person(c.target), ctx);
    if (type === ApplicationCommandType.Message)
      return h.discord.messageContext(c.leaf, messageBy(person(c.target)), ctx);
    return h.discord.chatInput(c.leaf, c.options, ctx);
  }

  /** A click or submit a real user could make, or undefined when Discord would not let them (another user's ephemeral menu). */
  function possible(build: () => APIInteraction): APIInteraction | undefined {
    try {
      return build();
    } catch (error) {
      if (error instanceof ImpossibleClickError) return undefined;
      throw error;
    }
  }

  /** The interaction a step makes, or undefined when there is nothing to do it on (no button, no form). */
  function stepPayload(
    c: Case,
    step: Step,
    last: InteractionHandle,
    ctx: InteractionContextOptions,
  ): APIInteraction | undefined {
    const message: MessageState | undefined = last.original;
    const controls = controlsOf(message);
    switch (step.kind) {
      case 'click': {
        const buttons = controls.filter((control) => control.kind === 'button');
        const button = buttons[step.pick % Math.max(1, buttons.length)];
        return button === undefined || message === undefined
          ? undefined
          : possible(() => h.discord.button(button.customId, message, ctx));
      }
      case 'select': {
        const selects = controls.filter((control) => control.kind === 'select' && control.values.length > 0);
        const select = selects[step.pick % Math.max(1, selects.length)];
        if (select === undefined || message === undefined) return undefined;
        return possible(() =>
          h.discord.select(select.customId, [select.values[step.values % select.values.length]!], message, ctx),
        );
      }
      case 'modal': {
        const modal = last.modal;
        if (modal === undefined) return undefined;
        const inputs = JSON.stringify(modal.components).match(/"custom_id":"[^"]*"/g) ?? [];
        const fields = Object.fromEntries(inputs.map((entry) => [entry.slice(13, -1), step.text.slice(0, 4000)]));
        return possible(() =>
          h.discord.modalSubmit(
            modal.custom_id,
            fields,
            ctx,
            last.payload.type === InteractionType.MessageComponent ? message : undefined,
          ),
        );
      }
      case 'forged':
        return h.discord.forgeClick(
          step.customId,
          message ?? h.discord.channelMessages(h.discord.channel.id)[0] ?? messageBy(h.discord.botUser),
          ctx,
        );
      case 'autocomplete': {
        const focused = leafNamed(c.leaf).options.find(
          (option) => 'autocomplete' in option && option.autocomplete === true,
        );
        if (focused === undefined) return undefined;
        return h.discord.autocomplete(
          c.leaf,
          { ...c.options, [focused.name]: step.text.slice(0, 100) },
          focused.name,
          ctx,
        );
      }
    }
  }

  test.prop([fc.constant(null).chain(() => arbitrary)], { numRuns: Runs, endOnFailure: true })(
    'is answered in time, without an internal error, a token or a ping',
    async (c) => {
      await h.link(h.discord.users.alice, h.pk.sample.own.token);
      const fromRequest = h.discord.requests.length;
      const fromLog = h.logs.length;
      const ctx: InteractionContextOptions = { user: h.discord.users[c.user], where: c.where };
      const problems: string[] = [];
      const answer = async (label: string, payload: APIInteraction): Promise<InteractionHandle> => {
        const handle = h.dispatch(payload);
        for (const problem of await awaitAnswer(
          handle,
          payload.type === InteractionType.ApplicationCommandAutocomplete,
        ))
          problems.push(`${label}: ${problem}`);
        if (seenText(handle).includes(InternalErrorMarker))
          problems.push(`${label}: internal error: ${seenText(handle).slice(0, 300)}`);
        return handle;
      };

      let last = await answer(`/${c.leaf}`, commandPayload(c, ctx));
      for (const step of c.steps) {
        const payload = stepPayload(c, step, last, ctx);
        if (payload === undefined) continue;
        const handle = await answer(`${step.kind} after /${c.leaf}`, payload);
        if (payload.type !== InteractionType.ApplicationCommandAutocomplete) last = handle;
      }

      const holdsSecret = secretMatcher([
        ...secretsOf(),
        ...(JSON.stringify(c).match(/pkapi:[^"\\ ]+|[A-Za-z0-9+/_.-]{40,}/g) ?? []),
      ]);
      problems.push(...requestProblems(h.discord.requests.slice(fromRequest), holdsSecret));
      problems.push(...logProblems(h.logs.slice(fromLog), holdsSecret));
      expect(problems, JSON.stringify(c)).toEqual([]);
    },
    120_000,
  );
});
