import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionType,
  type APIApplicationCommand,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOption,
  type APIChatInputApplicationCommandInteraction,
  type APIInteractionDataResolved,
  type APIMessage,
  type APITextChannel,
  type APIMessageApplicationCommandInteraction,
  type APIUser,
  type APIUserApplicationCommandInteraction,
} from 'discord-api-types/v10';
import { createClickBuilders } from './click-builders.js';
import type { StoredMessage } from './component-clicks.js';
import { channelPermissions } from './guild-permissions.js';
import type { InteractionRecord } from './interaction-state.js';
import {
  interactionBase,
  type ChannelDirectory,
  type InteractionBase,
  type InteractionContextOptions,
} from './interaction-context.js';
import { toApiMessage, type MessageState } from './messages.js';
import type { StandInWorld } from './world.js';

/** Option values for `chatInput`: by name, or the raw API option list. */
export type CommandOptionsInput =
  Record<string, string | number | boolean> | APIApplicationCommandInteractionDataOption[];

/** What the builders need from the running stand-in. */
export interface BuilderDeps {
  world: StandInWorld;
  newId(): string;
  directory: ChannelDirectory;
  /** The registered command with this name and type (guild commands first), so option types match the registration. */
  findCommand(name: string, type: ApplicationCommandType): APIApplicationCommand | undefined;
  /** The stored message with this id, as it is now. */
  storedMessage(id: string): StoredMessage | undefined;
  /** The last interaction the bot answered with a modal of this custom id. */
  modalShower(customId: string): InteractionRecord | undefined;
}

type Message = MessageState | APIMessage;
const asApi = (m: Message, appId: string): APIMessage => ('editCount' in m ? toApiMessage(m, appId) : m);

function guessType(value: string | number | boolean): ApplicationCommandOptionType {
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'string') return ApplicationCommandOptionType.String;
  return Number.isInteger(value) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number;
}

/** Turns `{member: 'abcde'}` into API options, typed after the registered definitions when there are any. */
function toOptions(
  deps: BuilderDeps,
  values: Record<string, string | number | boolean>,
  defs: APIApplicationCommandOption[] | undefined,
  resolved: APIInteractionDataResolved,
  focused?: string,
): APIApplicationCommandInteractionDataOption[] {
  return Object.entries(values).map(([name, value]) => {
    const type = defs?.find((d) => d.name === name)?.type ?? guessType(value);
    if (type === ApplicationCommandOptionType.User && typeof value === 'string') {
      const user = [deps.world.botUser, ...Object.values(deps.world.users)].find((u) => u.id === value);
      if (user) resolved.users = { ...resolved.users, [user.id]: user };
    }
    if (type === ApplicationCommandOptionType.Channel || type === ApplicationCommandOptionType.Role)
      Object.assign(resolved, resolvedGuildEntity(deps.world, type, String(value), resolved));
    return {
      name,
      type,
      value,
      ...(name === focused ? { focused: true } : {}),
    } as APIApplicationCommandInteractionDataOption;
  });
}

/**
 * What Discord puts in `resolved` for a channel or role option: the role as it is, the channel as a partial
 * with the invoker's permissions there (alice's, who invokes by default).
 */
function resolvedGuildEntity(
  world: StandInWorld,
  type: ApplicationCommandOptionType,
  id: string,
  resolved: APIInteractionDataResolved,
): APIInteractionDataResolved {
  for (const guild of world.guilds) {
    const role = guild.roles.find((r) => r.id === id);
    if (type === ApplicationCommandOptionType.Role && role) return { roles: { ...resolved.roles, [id]: role } };
    const channel = guild.channels.find((c) => c.id === id);
    if (type === ApplicationCommandOptionType.Channel && channel) {
      const { id: channelId, name, type: channelType, parent_id } = channel as APITextChannel;
      const permissions = String(channelPermissions(guild, channel, world.users.alice.id));
      const partial = { id: channelId, name, type: channelType, parent_id, permissions, guild_id: guild.id };
      return { channels: { ...resolved.channels, [id]: partial } };
    }
  }
  return {};
}

function commandData(deps: BuilderDeps, fullName: string, input: CommandOptionsInput, focused?: string) {
  const [name = fullName, ...path] = fullName.split(' ');
  const command = deps.findCommand(name, ApplicationCommandType.ChatInput);
  const resolved: APIInteractionDataResolved = {};
  let defs = command?.options;
  const chain: { name: string; type: ApplicationCommandOptionType }[] = [];
  for (const part of path) {
    const def = defs?.find((d) => d.name === part);
    chain.push({
      name: part,
      type:
        def?.type ??
        (part === path.at(-1) ? ApplicationCommandOptionType.Subcommand : ApplicationCommandOptionType.SubcommandGroup),
    });
    defs = def && 'options' in def ? def.options : undefined;
  }
  let options = Array.isArray(input) ? input : toOptions(deps, input, defs, resolved, focused);
  for (const link of chain.reverse())
    options = [{ name: link.name, type: link.type, options } as APIApplicationCommandInteractionDataOption];
  return {
    id: command?.id ?? deps.newId(),
    name,
    type: ApplicationCommandType.ChatInput as const,
    options,
    ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
    // Discord never sends `resolved` with an autocomplete: a user or channel option there is a bare id.
    ...(focused === undefined && Object.keys(resolved).length > 0 ? { resolved } : {}),
  };
}

/** Builds interaction payloads (typed with discord-api-types) for every kind the bot handles. */
export function createInteractionBuilders(deps: BuilderDeps) {
  const base = (ctx?: InteractionContextOptions): InteractionBase =>
    interactionBase(deps.world, deps.newId(), deps.directory, ctx);
  const commandId = (name: string, type: ApplicationCommandType) => deps.findCommand(name, type)?.id ?? deps.newId();
  return {
    ...createClickBuilders({ ...deps, base }),
    /** A slash command; `name` may include a subcommand (group): `'switch log'`. */
    chatInput(
      name: string,
      options: CommandOptionsInput = {},
      ctx?: InteractionContextOptions,
    ): APIChatInputApplicationCommandInteraction {
      return {
        ...base(ctx),
        type: InteractionType.ApplicationCommand,
        data: commandData(deps, name, options),
      } as APIChatInputApplicationCommandInteraction;
    },
    /** An autocomplete request while the user types into option `focused` (its partial text is in `options`). */
    autocomplete(
      name: string,
      options: Record<string, string | number | boolean>,
      focused: string,
      ctx?: InteractionContextOptions,
    ): APIApplicationCommandAutocompleteInteraction {
      return {
        ...base(ctx),
        type: InteractionType.ApplicationCommandAutocomplete,
        data: commandData(deps, name, options, focused),
      };
    },
    /** A user context-menu command on `target`. */
    userContext(name: string, target: APIUser, ctx?: InteractionContextOptions): APIUserApplicationCommandInteraction {
      const b = base(ctx);
      const members = b.guild_id
        ? { members: { [target.id]: { roles: [], joined_at: deps.world.guild.joined_at, permissions: '0', flags: 0 } } }
        : {};
      return {
        ...b,
        type: InteractionType.ApplicationCommand,
        data: {
          id: commandId(name, ApplicationCommandType.User),
          name,
          type: ApplicationCommandType.User,
          target_id: target.id,
          resolved: { users: { [target.id]: target }, ...members },
        },
      } as APIUserApplicationCommandInteraction;
    },
    /** A message context-menu command on `target`. */
    messageContext(
      name: string,
      target: Message,
      ctx?: InteractionContextOptions,
    ): APIMessageApplicationCommandInteraction {
      const message = asApi(target, deps.world.applicationId);
      return {
        ...base(ctx),
        type: InteractionType.ApplicationCommand,
        data: {
          id: commandId(name, ApplicationCommandType.Message),
          name,
          type: ApplicationCommandType.Message,
          target_id: message.id,
          resolved: { messages: { [message.id]: message } },
        },
      } as APIMessageApplicationCommandInteraction;
    },
  };
}

/** The builder functions exposed on the stand-in. */
export type InteractionBuilders = ReturnType<typeof createInteractionBuilders>;
