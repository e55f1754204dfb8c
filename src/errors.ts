/**
 * Everything the bot can tell a user went wrong, keyed by a stable identifier. Logic throws identifiers;
 * the wording lives here, in one place.
 */
export const UserErrorMessages = {
  NotLinked: () =>
    "You haven't linked a PluralKit system yet. Run `/link` and paste your token (get it by DMing PluralKit `pk;token`). To look at someone else's system, use the `system` or `user` option.",
  TokenFormat: () =>
    "That doesn't look like a PluralKit token. A token is 64 characters (from `pk;token`) or an API key starting with `pkapi:`. Nothing was saved.",
  TokenRejected: () =>
    "PluralKit didn't accept that token. It may have been refreshed: DM PluralKit `pk;token` for the current one and try `/link` again. Nothing was saved.",
  TokenRevoked: () =>
    'PluralKit no longer accepts the token you linked (it was probably refreshed), so I forgot it. Run `/link` with your new token.',
  TokenInOption: (ctx: { option: string }) =>
    `What you put in \`${ctx.option}\` looks like a PluralKit token, so I didn't use it and won't repeat it. A token is a password: if anyone else saw it, DM PluralKit \`pk;token refresh\` to get a new one. Tokens go only into \`/link\`.`,
  TokenLacksScope: (ctx: { what: string; scope: string }) =>
    `Your linked API key can't ${ctx.what}: that needs the \`${ctx.scope}\` scope, and nothing was sent to PluralKit. Link a key with that scope, or your full token from \`pk;token\`, using \`/link\`.`,
  ApiKeyMalformed: (ctx: { problem: string }) => `That API key can't be used: ${ctx.problem} Nothing was saved.`,
  ApiKeyNotAccepted: () =>
    "PluralKit doesn't accept API keys yet (only a version it hasn't released does). DM PluralKit `pk;token` for a token that works, and paste that into `/link`. Nothing was saved.",
  KeyHidesTimeZone: (ctx: { scope: string }) =>
    `Your linked API key doesn't let me see your system's time zone (that needs the \`${ctx.scope}\` scope), so I can't tell what that time means. Give the time with its offset, like \`2025-03-01T10:00+01:00\`, or link a key with that scope.`,
  StaleTokenRejected: () =>
    'PluralKit refused the token that request was sent with, but you have linked a newer one since, so I kept it. Please try again.',
  TooManyLinkAttempts: (ctx: { wait: string }) =>
    `Too many \`/link\` attempts in a short time. Try again in ${ctx.wait}. Nothing was sent to PluralKit.`,
  Forbidden: () =>
    "PluralKit refused that: only the system's owner can do it, with a token or key that allows it. If it's your system, check that `/link` holds your current token.",
  StoreUnavailable: () =>
    "I can't reach my token storage right now. Nothing was changed; please try again in a minute.",
  SettingsUnavailable: () =>
    "I can't reach the storage my settings live in right now, so nothing was changed. Please try again in a minute.",
  LiveNotEnabled: () =>
    "Live events aren't enabled on this bot: whoever runs it hasn't given it a public address PluralKit could send events to (`PUBLIC_URL`). Nothing was set up.",
  LiveNotSetUp: () =>
    'You have no live setup waiting for a signing token (it may have been turned off). Run `/live setup` again.',
  SigningTokenFormat: () =>
    "That doesn't look like the signing token PluralKit showed: it is 64 characters, from the message PluralKit sent after `pk;system webhook`. Nothing was saved.",
  OptionConflict: (ctx: { first: string; second: string }) =>
    `Use either \`${ctx.first}\` or \`${ctx.second}\`, not both.`,
  InvalidReference: (ctx: { kind: string; detail: string }) => `That ${ctx.kind} id isn't valid: ${ctx.detail}`,
  SystemNotFound: (ctx: { ref?: string | undefined }) =>
    ctx.ref === undefined
      ? "PluralKit doesn't know that system."
      : `PluralKit doesn't know a system ${ctx.ref}. Check the id (5 or 6 letters), or pick a Discord user instead.`,
  UserHasNoSystem: () => "That Discord user hasn't registered a PluralKit system (or keeps it private).",
  MemberNotFound: (ctx: { ref?: string | undefined }) =>
    ctx.ref === undefined ? "PluralKit doesn't know that member." : `No member ${ctx.ref} found.`,
  GroupNotFound: (ctx: { ref?: string | undefined }) =>
    ctx.ref === undefined ? "PluralKit doesn't know that group." : `No group ${ctx.ref} found.`,
  SwitchNotFound: () =>
    "That switch doesn't exist any more (it may have been edited or deleted). Run the command again.",
  MessageNotFound: () =>
    'PluralKit has no record of that message. Only messages proxied by PluralKit, or the 30 minutes after a trigger, can be looked up.',
  MessageAuthorHasNoSystem: () =>
    "That message wasn't proxied by PluralKit, and its author has no PluralKit system (or keeps it private), so there is no front to look up.",
  MessageFromBot: () =>
    "That message was sent by a bot or a webhook that PluralKit didn't proxy, so no system's front applies to it.",
  BotNotReady: () =>
    "I'm still starting up and don't know my own application id yet. Please try again in a few seconds.",
  Private: (ctx: { what: string }) => `That system keeps its ${ctx.what} private.`,
  PrivateListNeedsId: (ctx: { what: 'member' | 'group' }) =>
    `That system keeps its ${ctx.what} list private, so I can only find its ${ctx.what}s by id (5 or 6 letters, e.g. \`abcde\`).`,
  InAnotherSystem: (ctx: { what: 'member' | 'group'; ref: string; system: string }) =>
    `${ctx.ref} is a ${ctx.what} of another system (\`${ctx.system}\`). To see it, add \`system: ${ctx.system}\`.`,
  AmbiguousGroup: (ctx: { ref: string; ids: readonly string[] }) =>
    `Several groups are called ${ctx.ref} (${ctx.ids.map((id) => `\`${id}\``).join(', ')}). Use the id of the one you mean.`,
  NoSwitches: () => 'This system has no switches logged yet.',
  DuplicateMembers: () => 'You listed the same member twice. Each member can only be in a switch once.',
  SameAsCurrent: () => 'Those members are already fronting (in any order); no new switch was logged.',
  AlreadySwitchedOut: () => 'Nobody is fronting already (the latest switch is a switch-out); no new switch was logged.',
  SameMembers: () => 'That switch already has exactly those members (in any order); nothing was changed.',
  UndoSwitchGone: () => 'That switch was already deleted, so there is nothing to undo.',
  UndoNotLatest: () =>
    "That switch is no longer your latest one (a newer switch was logged, or it was moved), so I didn't undo it. To delete it anyway, use `/switch edit`.",
  SwitchTimeTaken: () => 'There is already a switch at exactly that time. Pick a slightly different time.',
  AmbiguousMember: (ctx: { ref: string; ids: readonly string[] }) =>
    `Several members are called ${ctx.ref} (${ctx.ids.map((id) => `\`${id}\``).join(', ')}). Use the id of the one you mean.`,
  SwitchTimeOutsideNeighbours: (ctx: { after: string; before: string }) =>
    `A switch can only move between its neighbours: pick a time after ${ctx.after} and before ${ctx.before}. To reorder switches, delete one and log it again.`,
  BadTime: (ctx: { reason: string }) => `I couldn't use that time: ${ctx.reason}`,
  BadRange: (ctx: { reason: string }) => `I couldn't use that range: ${ctx.reason}`,
  ReminderNoteEmpty: () => 'A reminder needs a note: write what I should DM you when that member switches in.',
  ReminderNoteTooLong: (ctx: { max: number; length: number }) =>
    `That note is ${ctx.length} characters long; a reminder's note can be at most ${ctx.max}. Nothing was saved.`,
  TooManyReminders: (ctx: { max: number }) =>
    `Your system already has ${ctx.max} reminders, the most it can keep. Remove one with \`/remind remove\` first; nothing was saved.`,
  ReminderNotFound: () =>
    'Your system has no such reminder (it may have been removed already). Pick one from the list while you type, or see `/remind list`.',
  ExportTooManySwitches: (ctx: { max: string }) =>
    `That range holds more than ${ctx.max} switches, more than one export can carry. Try a shorter range, like \`1y\` or \`from 2024-01-01 to 2024-12-31\`.`,
  ExportTooLarge: (ctx: { size: string; limit: string }) =>
    `That export would be ${ctx.size}, more than the ${ctx.limit} Discord lets me attach. Try a shorter range, like \`1y\`, or export it in parts (\`from 2024-01-01 to 2024-06-30\`).`,
  NotYourSystem: () => 'You can only change your own system. Link it with `/link` first.',
  NotYourMenu: (ctx: { command: string }) =>
    `These buttons belong to whoever ran \`/${ctx.command}\`. Run it yourself to get your own.`,
  MenuExpired: (ctx: { command: string }) => `This menu has expired. Run \`/${ctx.command}\` again.`,
  SessionsUnavailable: () =>
    "I can't reach the storage my buttons and menus live in right now, so I couldn't use this one. Please try again in a minute; if it keeps failing, run the command again.",
  InvalidControl: () =>
    "That control isn't valid (it doesn't belong to any menu I made). Run the command again to get a fresh menu.",
  PluralKitDown: () =>
    'PluralKit is having trouble right now (it did not answer properly). Please try again in a minute.',
  DiscordDown: () => 'Discord is having trouble right now (it failed to take my answer). Please try again in a minute.',
  PluralKitBusy: () => 'PluralKit is asking me to slow down right now. Please try again in a few seconds.',
  Restarting: () => "I'm restarting right now, so I didn't start that. Please try again in a moment.",
  RestartedMidway: () =>
    'I had to restart before this finished, so it may or may not have gone through. Check (e.g. with `/fronters` or `/switches`) before trying again.',
  UnknownCommand: () => "I don't know that command any more. It may have been removed; try `/help`.",
  ServerOnly: () => 'This command only works in a server, where I am a member.',
  NeedsManageServer: () =>
    'Only members with the **Manage Server** permission can change this for the server. Nothing was changed.',
  BotCannotPost: (ctx: { channel: string; missing: string }) =>
    `I can't post in <#${ctx.channel}>: I'm missing **${ctx.missing}** there. Give me that in the channel's or my role's permissions and try again. Nothing was saved.`,
  AnnounceNotSetUp: () =>
    'This server has no announcement channel yet: someone with Manage Server can set one with `/announce channel`.',
  FrontSyncNotEnabled: (ctx: { what: string }) =>
    `This server's admins haven't turned on ${ctx.what} that follow the front (\`/frontsync server\`). Nothing was changed.`,
  BotLacksPermission: (ctx: { permission: string; why: string }) =>
    `I don't have the **${ctx.permission}** permission in this server, so I can't ${ctx.why}. Ask an admin to give it to me (the second link of \`/invite\` asks for it). Nothing was changed.`,
  RoleNotFollowable: (ctx: { role: string; reason: string }) =>
    `<@&${ctx.role}> can't follow the front: ${ctx.reason} Nothing was changed.`,
  RoleNotAllowed: (ctx: { role: string }) =>
    `<@&${ctx.role}> isn't one of the roles this server lets follow the front. An admin can allow it with \`/frontsync role-allow\`. Nothing was changed.`,
  PickMemberOrGroup: () => 'Pick either a `member` or a `group` for that role (one of them). Nothing was changed.',
  Internal: (ctx: { errorId: string; supportUrl?: string | undefined }) =>
    ctx.supportUrl === undefined
      ? `Something went wrong on my side. If it keeps happening, tell whoever runs this bot the error id \`${ctx.errorId}\`, so they can find what happened in my log.`
      : `Something went wrong on my side. If it keeps happening, please report the error id \`${ctx.errorId}\` at <${ctx.supportUrl}>.`,
} as const;

/** Stable identifiers of user-facing errors. */
export type UserErrorId = keyof typeof UserErrorMessages;

type ContextOf<Id extends UserErrorId> = Parameters<(typeof UserErrorMessages)[Id]>[0];

/** An error whose message is safe and useful to show the user, ephemerally. */
export class UserFacingError<Id extends UserErrorId = UserErrorId> extends Error {
  override readonly name = 'UserFacingError';
  readonly identifier: Id;
  readonly context: ContextOf<Id> | undefined;

  constructor(identifier: Id, ...context: ContextOf<Id> extends undefined ? [] : [ContextOf<Id>]) {
    const ctx = context[0];
    const render = UserErrorMessages[identifier] as (c: unknown) => string;
    super(render(ctx));
    this.identifier = identifier;
    this.context = ctx;
  }
}

/** Narrows to {@link UserFacingError}, optionally of one identifier. */
export function isUserFacingError(error: unknown, identifier?: UserErrorId): error is UserFacingError {
  return error instanceof UserFacingError && (identifier === undefined || error.identifier === identifier);
}
