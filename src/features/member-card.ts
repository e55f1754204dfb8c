import type { CommandContext } from '../discord/command.js';
import { UserFacingError } from '../errors.js';
import { lastFrontedTimes } from '../front/last-fronted.js';
import { MaxSwitchPageSize, PluralKitErrorCode, type Member, type Switch } from '../pluralkit/index.js';
import { renderMember } from '../render/member.js';
import type { RenderedMessage } from '../render/message.js';
import type { Target } from '../targets.js';
import { orOnCode } from './fallback.js';
import { findInSystem, quoteTyped } from './lookup.js';
import { withKeyViewNote } from './key-view-note.js';
import { idDisplayFor, readTarget, type StoredTarget } from './view-target.js';

/**
 * The member card for what the user typed (id, UUID or exact name) in the target system: the member,
 * their system for the author line, the groups they are in and when they last fronted (from the first
 * page of switches), each left out when PluralKit keeps it private.
 * @throws {UserFacingError} `MemberNotFound`, `AmbiguousMember`, `PrivateListNeedsId`
 */
export async function memberCardView(
  ctx: CommandContext,
  callerId: string,
  target: Target | StoredTarget,
  typed: string,
): Promise<RenderedMessage> {
  return readTarget(ctx, callerId, target, async ({ ref, o, keyNote }) => {
    const members = {
      kind: 'member',
      list: orOnCode(ctx.pluralkit.getMembers(ref, o), PluralKitErrorCode.MemberListPrivate, undefined),
      byId: (id: string) => ctx.pluralkit.getMember(id, o),
    } as const;
    const [system, member, switches, groups, ids] = await Promise.all([
      ctx.pluralkit.getSystem(ref, o),
      findInSystem(members, typed),
      orOnCode(
        ctx.pluralkit.getSwitches(ref, { limit: MaxSwitchPageSize }, o),
        PluralKitErrorCode.FrontHistoryPrivate,
        undefined,
      ),
      orOnCode(ctx.pluralkit.getGroups(ref, { withMembers: true }, o), PluralKitErrorCode.GroupListPrivate, undefined),
      idDisplayFor(ctx, { ref, o }),
    ]);
    if (member.system !== undefined && member.system !== system.id) {
      throw new UserFacingError('InAnotherSystem', { what: 'member', ref: quoteTyped(typed), system: member.system });
    }
    const card = renderMember(member, {
      system,
      groups: groups?.filter((group) => group.members?.includes(member.uuid) ?? false),
      lastFronted: lastFrontedOf(member, switches),
      ids,
    });
    return withKeyViewNote(card, keyNote('members'));
  });
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
