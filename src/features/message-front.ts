import type { User } from 'discord.js';
import type { Accounts } from '../accounts.js';
import type { CommandContext } from '../discord/command.js';
import { isUserFacingError, UserFacingError } from '../errors.js';
import {
  PluralKitErrorCode,
  type Member,
  type Message,
  type PluralKitClient,
  type Switch,
  type System,
} from '../pluralkit/index.js';
import { renderMessageFront, type MessageFrontView } from '../render/message-front.js';
import type { RenderedMessage } from '../render/message.js';
import { nameLookup } from '../render/names.js';
import { resolveTarget, type Target } from '../targets.js';
import { orOnCode } from './fallback.js';
import { readTarget } from './view-target.js';

/** What Discord tells us about the message a menu was used on. */
export interface MessageFacts {
  id: string;
  author: User;
  /** Sent by a bot or a webhook (PluralKit's proxies are webhooks). */
  automated: boolean;
  sentAt: Date;
}

/**
 * "Who was fronting?" for a message. A message PluralKit proxied (it knows the id) names its system and
 * member; any other message belongs to its author's system, found by Discord account. Either way the
 * answer is the switch in force when the message was sent. A private front history still shows who
 * sent it, and says the front is private.
 * @throws {UserFacingError} `MessageFromBot`, `MessageAuthorHasNoSystem`.
 */
export async function messageFrontView(
  ctx: CommandContext,
  callerId: string,
  message: MessageFacts,
): Promise<RenderedMessage> {
  const proxied = await proxiedMessage(ctx.pluralkit, message.id);
  if (proxied?.system) {
    const target = await systemTarget(ctx.accounts, callerId, proxied.system);
    const facts = await frontAt(ctx, callerId, target, message.sentAt);
    const uuid = proxied.member?.uuid;
    // The owner's own member list shows the member as they named it; the message's copy is the public view.
    const member = (uuid === undefined ? undefined : facts.members.find((m) => m.uuid === uuid)) ?? proxied.member;
    return renderMessageFront({ ...facts, sentAt: message.sentAt, sender: { kind: 'proxied', member } });
  }
  if (message.automated) throw new UserFacingError('MessageFromBot');

  const target = await resolveTarget(ctx.accounts, callerId, { user: message.author });
  try {
    const facts = await frontAt(ctx, callerId, target, message.sentAt);
    return renderMessageFront({ ...facts, sentAt: message.sentAt, sender: { kind: 'account' } });
  } catch (error) {
    if (isUserFacingError(error, 'UserHasNoSystem')) throw new UserFacingError('MessageAuthorHasNoSystem');
    throw error;
  }
}

type FrontFacts = Pick<MessageFrontView, 'system' | 'front' | 'names'> & { members: Member[] };

/** The system, its member names and the switch in force at `at` (`before` is exclusive, hence +1 ms). */
async function frontAt(ctx: CommandContext, callerId: string, target: Target, at: Date): Promise<FrontFacts> {
  const [system, front, members] = await readTarget(ctx, callerId, target, ({ ref, o }) => {
    const front = ctx.pluralkit
      .getSwitches(ref, { before: new Date(at.getTime() + 1), limit: 1 }, o)
      .then((list): Switch | null => list[0] ?? null);
    return Promise.all([
      ctx.pluralkit.getSystem(ref, o),
      orOnCode(front, PluralKitErrorCode.FrontHistoryPrivate, 'private' as const),
      orOnCode(ctx.pluralkit.getMembers(ref, o), PluralKitErrorCode.MemberListPrivate, [] as Member[]),
    ]);
  });
  return { system, front, members, names: nameLookup(members) };
}

/** PluralKit's record of a proxied message, or `undefined` when it has none (20006). */
async function proxiedMessage(pluralkit: PluralKitClient, id: string): Promise<Message | undefined> {
  return orOnCode(pluralkit.getMessage(id), PluralKitErrorCode.MessageNotFound, undefined);
}

/** The message's system as a target: the caller's own (with their token) when it is theirs. */
async function systemTarget(accounts: Accounts, callerId: string, system: System): Promise<Target> {
  const account = await accounts.find(callerId);
  if (account !== undefined && account.systemUuid === system.uuid) return { kind: 'own', ref: '@me', account };
  return { kind: 'system', ref: system.uuid };
}
