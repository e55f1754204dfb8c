import type { CommandContext } from '../discord/command.js';
import { UserFacingError } from '../errors.js';
import { lastFrontedTimes } from '../front/last-fronted.js';
import {
  isPluralKitAPIError,
  MaxSwitchPageSize,
  PluralKitErrorCode,
  type CallOptions,
  type Member,
  type Switch,
} from '../pluralkit/index.js';
import { renderMember } from '../render/member.js';
import type { RenderedMessage } from '../render/message.js';
import { forTarget, type Target } from '../targets.js';
import { asEntityRef, pickByReference, quoteTyped } from './lookup.js';
import { idDisplayFor, unlessPrivate } from './view-target.js';

/**
 * The member card for what the user typed (id, UUID or exact name) in the target system: the member,
 * their system for the author line, the groups they are in and when they last fronted (from the first
 * page of switches), each left out when PluralKit keeps it private.
 * @throws {UserFacingError} `MemberNotFound`, `AmbiguousMember`, `PrivateListNeedsId`
 */
export async function memberCardView(ctx: CommandContext, callerId: string, target: Target, typed: string): Promise<RenderedMessage> {
  return forTarget(ctx.accounts, callerId, target, async (ref, token) => {
    const o = { token, priority: 'interactive' } as const;
    const [system, member, switches, groups, ids] = await Promise.all([
      ctx.pluralkit.getSystem(ref, o),
      findMember(ctx, ref, o, typed),
      unlessPrivate(ctx.pluralkit.getSwitches(ref, { limit: MaxSwitchPageSize }, o), PluralKitErrorCode.FrontHistoryPrivate),
      unlessPrivate(ctx.pluralkit.getGroups(ref, { withMembers: true }, o), PluralKitErrorCode.GroupListPrivate),
      idDisplayFor(ctx, ref, o),
    ]);
    if (member.system !== undefined && member.system !== system.id) {
      throw new UserFacingError('InAnotherSystem', { what: 'member', ref: quoteTyped(typed), system: member.system });
    }
    return renderMember(member, {
      system,
      groups: groups?.filter((group) => group.members?.includes(member.uuid) ?? false),
      lastFronted: lastFrontedOf(member, switches),
      ids,
    });
  });
}

/**
 * The member `typed` names in system `ref`: looked up in the member list first (names need it), then
 * by id, which also finds members hidden from the list and members of systems whose list is private.
 */
async function findMember(ctx: CommandContext, ref: string, o: CallOptions, typed: string): Promise<Member> {
  const members = await unlessPrivate(ctx.pluralkit.getMembers(ref, o), PluralKitErrorCode.MemberListPrivate);
  const picked = members === undefined ? undefined : pickByReference(members, typed);
  if (picked?.kind === 'found') return picked.item;
  if (picked?.kind === 'ambiguous') {
    throw new UserFacingError('AmbiguousMember', { ref: quoteTyped(typed), ids: picked.items.map((member) => member.id) });
  }
  const id = asEntityRef(typed);
  if (id === undefined) {
    if (members === undefined) throw new UserFacingError('PrivateListNeedsId', { what: 'member' });
    throw new UserFacingError('MemberNotFound', { ref: quoteTyped(typed) });
  }
  try {
    return await ctx.pluralkit.getMember(id, o);
  } catch (error) {
    if (isPluralKitAPIError(error, PluralKitErrorCode.MemberNotFound)) throw new UserFacingError('MemberNotFound', { ref: quoteTyped(typed) });
    throw error;
  }
}

/**
 * When the member last fronted according to the switches seen: absent from a history that is complete
 * (shorter than a page) means never; absent from a longer one means we cannot tell.
 */
function lastFrontedOf(member: Member, switches: readonly Switch[] | undefined): Date | 'now' | null | undefined {
  if (switches === undefined) return undefined;
  const last = lastFrontedTimes(switches).get(member.id);
  if (last !== undefined) return last;
  return switches.length < MaxSwitchPageSize ? null : undefined;
}
