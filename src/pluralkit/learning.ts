import type { SystemDirectory } from './directory.js';
import type { FrontSwitch, Group, Member, Message, Switch, System } from './schemas.js';

/**
 * What each kind of answer teaches the client: which system it shows (cache tags, so writes and
 * `invalidateSystem` find it) and which entities are the caller's own (so later requests about them
 * spend the caller's own rate-limit budget, as PluralKit counts them).
 */

/** What a request is about: a system ref, a member/group ref, or neither (messages). */
export interface Target {
  readonly system?: string;
  readonly entity?: string;
}

/** A learner: records facts from a parsed answer and returns the system tags it revealed. */
export type Learn<T> = (directory: SystemDirectory, viewer: string | undefined, target: Target, value: T) => string[];

const targetIsOwn = (directory: SystemDirectory, viewer: string | undefined, target: Target): boolean =>
  target.system !== undefined
    ? directory.isOwnSystem(viewer, target.system)
    : target.entity !== undefined && directory.isOwnEntity(viewer, target.entity);

/** The system short ids that a list of members or groups belongs to. */
export function entityTags(entities: readonly { system?: string | undefined }[]): string[] {
  const tags = new Set<string>();
  for (const entity of entities) if (entity.system !== undefined) tags.add(entity.system.toLowerCase());
  return [...tags];
}

/** Records members/groups (and, for groups, their member UUIDs) as own when proven. */
function learnEntities(
  directory: SystemDirectory,
  viewer: string | undefined,
  target: Target,
  entities: readonly (Member | Group)[],
): string[] {
  const listIsOwn = targetIsOwn(directory, viewer, target);
  for (const entity of entities) {
    if (listIsOwn || directory.ownsSystemId(viewer, entity.system)) {
      const members = 'members' in entity && entity.members !== undefined ? entity.members : [];
      directory.learnOwnEntities(viewer, [entity.id, entity.uuid, ...members]);
    }
  }
  return entityTags(entities);
}

/** A system answer names the system the ref points to. */
export const learnSystem: Learn<System> = (directory, viewer, target, system) => {
  if (target.system !== undefined) directory.learnSystem(target.system, viewer, system);
  return [system.id, system.uuid];
};

/** A member or group list, or a single member or group. */
export const learnEntityList: Learn<(Member | Group)[]> = learnEntities;
export const learnEntity: Learn<Member | Group> = (directory, viewer, target, entity) =>
  learnEntities(directory, viewer, target, [entity]);

/** Fronters or a single switch: full members, and a switch id that is own when the system is. */
export const learnFrontSwitch: Learn<FrontSwitch | null> = (directory, viewer, target, front) => {
  if (front === null) return [];
  if (targetIsOwn(directory, viewer, target)) directory.learnOwnEntities(viewer, [front.id]);
  return learnEntities(directory, viewer, target, front.members);
};

/** A page of switches: ids (and member short ids) are own when the system is. */
export const learnSwitches: Learn<Switch[]> = (directory, viewer, target, switches) => {
  if (targetIsOwn(directory, viewer, target)) {
    directory.learnOwnEntities(
      viewer,
      switches.flatMap((entry) => [entry.id, ...entry.members]),
    );
  }
  return [];
};

/** A message shows its system (owner view only when it is yours). */
export const learnMessage: Learn<Message> = (_directory, _viewer, _target, message) =>
  message.system === null ? [] : [message.system.id, message.system.uuid];

/** Answers that teach nothing beyond their target. */
export const learnNothing: Learn<unknown> = () => [];
