import type { APIInteraction, APIUser } from 'discord-api-types/v10';
import type { DiscordStandIn, InteractionContextOptions, MessageState } from '../../stand-ins/discord/index.js';
import type { PluralKitStandIn } from '../../stand-ins/pluralkit/index.js';
import type { PluralKitClient } from '../../src/pluralkit/index.js';

/** What a scripted step knows: the running stand-in and ids discovered so far (members, systems…). */
export interface StepContext {
  readonly discord: DiscordStandIn;
  readonly user: APIUser;
  /** The linked system's id, and a few of its members and groups, once known. */
  readonly facts: PreviewFacts;
  /** PluralKit's stand-in posting events to the bot on loopback; undefined against another PluralKit. */
  readonly live?: LiveWorld | undefined;
}

/** How the live-event steps reach PluralKit's stand-in and the bot's dispatch endpoint. */
export interface LiveWorld {
  readonly pk: PluralKitStandIn;
  /** The bot's own PluralKit client: switches go through its limiter, so the preview keeps PluralKit's budget. */
  readonly pluralkit: PluralKitClient;
  /** Where the stand-in posts instead of `publicUrl`: the same path on the bot's loopback listener. */
  localUrl(publicUrl: string): string;
  /** How long the bot gathers one system's switch events before reading its front. */
  readonly coalesceMs: number;
}

/** Ids the preview learns as it goes, so later steps can use real references. */
export interface PreviewFacts {
  token: string;
  ownSystemId?: string | undefined;
  ownSystemUuid?: string | undefined;
  otherSystemId?: string | undefined;
  memberIds: string[];
  groupIds: string[];
  /** A message proxied by PluralKit, for "Who was fronting?". */
  proxiedMessage?: { id: string; channelId: string; content: string } | undefined;
  /** The `/live setup` answer, whose form the next step fills in. */
  liveSetup?: MessageState | undefined;
  /** How many messages the preview's channel held before the live switch, so its announcement is told apart. */
  channelPostsBeforeSwitch?: number | undefined;
}

/** What a step shows besides (or instead of) a message: lines about what happened off Discord. */
export interface StepNotes {
  readonly notes: readonly string[];
  readonly message?: MessageState | undefined;
}

/** One step of the preview: a title, the command it shows, and how to play it. */
export interface PreviewStep {
  title: string;
  /** The command this step shows (steps for commands the bot doesn't have are skipped). */
  command: string;
  /** Why this step cannot be shown with the data at hand (e.g. no proxied message), or `undefined` to play it. */
  skip?(facts: PreviewFacts, live: LiveWorld | undefined): string | undefined;
  /** Plays the step and returns the message a user would end up looking at, or what happened off Discord. */
  play(ctx: StepContext): Promise<MessageState | StepNotes>;
}

/** Where the preview's interactions come from: the stand-in's guild channel. */
export const where: InteractionContextOptions = { where: 'guild' };

/** A step whose play always ends on a Discord message (so other steps can build on it). */
export type SlashStep = Omit<PreviewStep, 'play'> & { play(ctx: StepContext): Promise<MessageState> };

/** A step that runs slash command `name` (with subcommands, e.g. `remind add`) and shows its reply. */
export function slash(
  title: string,
  name: string,
  options: (facts: PreviewFacts) => Record<string, string | number | boolean> = () => ({}),
): SlashStep {
  return {
    title,
    command: name.split(' ')[0]!,
    play: ({ discord, user, facts }) =>
      discord.dispatchInteraction(discord.chatInput(name, options(facts), { ...where, user })).reply(20_000),
  };
}

/** Clicks the first control of `message` whose custom id has this action, and returns the updated message. */
export function click(
  discord: DiscordStandIn,
  user: APIUser,
  message: MessageState,
  action: string,
): Promise<MessageState> {
  for (const row of message.components as {
    components?: { custom_id?: string; type: number; options?: { value: string }[] }[];
  }[]) {
    for (const component of row.components ?? []) {
      if (!component.custom_id?.split(':')[1]?.startsWith(action)) continue;
      const payload: APIInteraction =
        component.type === 3
          ? discord.select(component.custom_id, [component.options?.[0]?.value ?? ''], message, { ...where, user })
          : discord.button(component.custom_id, message, { ...where, user });
      return discord.dispatchInteraction(payload).reply(20_000);
    }
  }
  return Promise.resolve(message);
}
