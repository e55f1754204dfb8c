/**
 * Generated input for the property-based test: every registered command and option (read from the same
 * definitions the bot registers, so a new option is covered without touching the test), the users and
 * places it can come from, and what a user then does with the controls. Token-shaped strings are mixed in
 * everywhere text goes.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type APIApplicationCommandOption,
} from 'discord-api-types/v10';
import { fc } from '@fast-check/vitest';
import { commands } from '../../commands/index.js';
import { commandDefinitions } from '../../src/discord/register.js';
import type { InteractionWhere } from '../../stand-ins/discord/index.js';

/** One registered leaf command: a slash command or subcommand, or a context menu. */
export interface Leaf {
  readonly name: string;
  readonly type: ApplicationCommandType;
  readonly options: readonly APIApplicationCommandOption[];
}

/** Every leaf the bot registers. */
export const leaves: readonly Leaf[] = commandDefinitions(commands).flatMap((definition): Leaf[] => {
  const type = definition.type ?? ApplicationCommandType.ChatInput;
  const options = 'options' in definition ? (definition.options ?? []) : [];
  const subcommands = options.filter((option) => option.type === ApplicationCommandOptionType.Subcommand);
  if (subcommands.length === 0) return [{ name: definition.name, type, options }];
  return subcommands.map((sub) => ({ name: `${definition.name} ${sub.name}`, type, options: sub.options ?? [] }));
});

/** The leaf called `name`. */
export function leafNamed(name: string): Leaf {
  const leaf = leaves.find((candidate) => candidate.name === name);
  if (leaf === undefined) throw new Error(`no command ${name}`);
  return leaf;
}

const base64 = (bytes: Uint8Array, url = false) => Buffer.from(bytes).toString(url ? 'base64url' : 'base64');

/** Strings shaped like a PluralKit token, a PluralKit API key or a Discord bot token. */
export const tokenShaped = (realTokens: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    fc.uint8Array({ minLength: 48, maxLength: 48 }).map((bytes) => base64(bytes)),
    fc
      .tuple(fc.uint8Array({ minLength: 40, maxLength: 60 }), fc.uint8Array({ minLength: 64, maxLength: 64 }))
      .map(([claims, signature]) => `pkapi:${base64(claims)}:${base64(signature, true)}`),
    fc
      .tuple(
        fc.uint8Array({ minLength: 18, maxLength: 18 }),
        fc.uint8Array({ minLength: 4, maxLength: 4 }),
        fc.uint8Array({ minLength: 20, maxLength: 20 }),
      )
      .map(([a, b, c]) => `${base64(a, true)}.${base64(b, true)}.${base64(c, true)}`),
    fc.constantFrom(...realTokens),
    // Pasted with the words around it, as people do.
    fc.constantFrom(...realTokens).map((token) => `my token is ${token} thanks`),
  );

/** Ordinary, careless and hostile text: names, ids, dates, ranges, markdown, mentions, unicode. */
export const userText = (words: readonly string[], mentions: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...words),
    fc.constantFrom(...mentions),
    fc.constantFrom(
      '2025-02-30T10:00:00Z',
      '10 minutes ago',
      'in 2 hours',
      'banana o clock',
      '7d',
      '100000y',
      '-1d',
      '1970-01-01',
      'yesterday',
    ),
    fc.constantFrom(
      '**bold**',
      '`code`',
      '||spoiler||',
      '> quote',
      '# heading',
      '@everyone',
      '@here',
      '\u202eevil',
      ' ',
      '\n',
    ),
    fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }),
    fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz-_: 0123456789') }),
  );

/** The value of one option, as Discord would deliver it (never longer than its `max_length`). */
export function optionValue(
  option: APIApplicationCommandOption,
  text: fc.Arbitrary<string>,
  userIds: readonly string[],
  guildIds: GuildIds = { channels: [], roles: [] },
): fc.Arbitrary<string | boolean> {
  switch (option.type) {
    case ApplicationCommandOptionType.Channel:
      if (guildIds.channels.length > 0) return fc.constantFrom(...guildIds.channels);
      break;
    case ApplicationCommandOptionType.Role:
      if (guildIds.roles.length > 0) return fc.constantFrom(...guildIds.roles);
      break;
    case ApplicationCommandOptionType.Boolean:
      return fc.boolean();
    case ApplicationCommandOptionType.User:
      return fc.constantFrom(...userIds);
    case ApplicationCommandOptionType.String: {
      const choices =
        'choices' in option && option.choices !== undefined ? option.choices.map((choice) => String(choice.value)) : [];
      if (choices.length > 0) return fc.constantFrom(...choices);
      const max = 'max_length' in option && option.max_length !== undefined ? option.max_length : 6000;
      return text.map((value) => value.slice(0, max)).filter((value) => value.length > 0);
    }
    default:
  }
  throw new Error(`the property test does not generate options of type ${option.type} yet`);
}

/** Channels and roles of the stand-in guild that channel and role options may name. */
export interface GuildIds {
  channels: readonly string[];
  roles: readonly string[];
}

/** Options for one leaf: required ones always, optional ones sometimes. */
export function optionsFor(
  leaf: Leaf,
  text: fc.Arbitrary<string>,
  userIds: readonly string[],
  guildIds?: GuildIds,
): fc.Arbitrary<Record<string, string | boolean>> {
  const fields = Object.fromEntries(
    leaf.options.map((option) => [option.name, optionValue(option, text, userIds, guildIds)]),
  );
  const requiredKeys = leaf.options
    .filter((option) => 'required' in option && option.required === true)
    .map((option) => option.name);
  return fc.record(fields, { requiredKeys });
}

/** What the user does after the first answer. */
export type Step =
  | { kind: 'click'; pick: number }
  | { kind: 'select'; pick: number; values: number }
  | { kind: 'modal'; text: string }
  | { kind: 'forged'; customId: string }
  | { kind: 'autocomplete'; text: string };

/** A custom id the bot never made: random, or shaped like ours with parts that are stale, absent or foreign. */
export const forgedCustomId = (commandNames: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ minLength: 1, maxLength: 100 }),
    fc
      .tuple(
        fc.constantFrom(...commandNames),
        fc.constantFrom('next', 'prev', 'confirm', 'cancel', 'page', 'edit', 'delete', 'pick', 'x'),
        fc.oneof(
          fc.constant('-'),
          fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom(...'abcdef0123456789') }),
        ),
        fc.oneof(fc.constant(''), fc.constant('1'), fc.constant('-1'), fc.string({ maxLength: 10 })),
      )
      .map((parts) => parts.join(':').slice(0, 100)),
  );

/** A whole case: who does what where, then what they click. */
export interface Case {
  /** The leaf's name (see {@link leafNamed}), e.g. `switch in` or `Who was fronting?`. */
  readonly leaf: string;
  readonly options: Record<string, string | boolean>;
  readonly user: 'alice' | 'bob';
  readonly where: InteractionWhere;
  readonly target: 'alice' | 'bob' | 'carol';
  readonly steps: readonly Step[];
}

/** Generates {@link Case}s over every leaf. */
export function cases(text: fc.Arbitrary<string>, userIds: readonly string[], guildIds?: GuildIds): fc.Arbitrary<Case> {
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant('click' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('select' as const), pick: fc.nat(), values: fc.nat() }),
    fc.record({ kind: fc.constant('modal' as const), text }),
    fc.record({
      kind: fc.constant('forged' as const),
      customId: forgedCustomId(leaves.map((leaf) => leaf.name.split(' ')[0]!)),
    }),
    fc.record({ kind: fc.constant('autocomplete' as const), text }),
  );
  return fc.constantFrom(...leaves).chain((leaf) =>
    fc.record({
      leaf: fc.constant(leaf.name),
      options: optionsFor(leaf, text, userIds, guildIds),
      user: fc.constantFrom('alice' as const, 'bob' as const),
      where: fc.constantFrom<InteractionWhere>('guild', 'bot-dm', 'group-dm', 'user-dm'),
      target: fc.constantFrom('alice' as const, 'bob' as const, 'carol' as const),
      steps: fc.array(step, { maxLength: 3 }),
    }),
  );
}
