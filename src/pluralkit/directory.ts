import { BoundedMap } from './bounded-map.js';

/**
 * What the client has learned about systems from PluralKit's answers: which refs name the same system
 * (short id, UUID, Discord user id) and, per viewer (token hash), which system and entities are their
 * own. Cache tags and the own/shared limiter choice both come from here. It only ever records what a
 * response proved, so "own" is never a guess. Every map is bounded (least recently used forgotten
 * first); forgetting only costs a request that PluralKit's answer then teaches again.
 */

/** The identifying pair of a system. */
export interface SystemIdentity {
  readonly id: string;
  readonly uuid: string;
}

/** How many of each the directory keeps. */
export const DirectoryLimits = { refs: 20_000, viewers: 10_000, ownRefs: 100_000 } as const;

const meTag = (viewer: string): string => `@me:${viewer}`;
/** Own refs of one viewer share one map: `<viewer> <kind>:<ref>`. */
const ownKey = (viewer: string, kind: 'entity' | 'system', ref: string): string => `${viewer} ${kind}:${ref}`;

/** uuid → keys, kept in step with a {@link BoundedMap} whose values are identities. */
class ReverseIndex {
  readonly #byUuid = new Map<string, Set<string>>();
  add(uuid: string, key: string): void {
    let keys = this.#byUuid.get(uuid);
    if (keys === undefined) this.#byUuid.set(uuid, (keys = new Set()));
    keys.add(key);
  }
  remove(uuid: string, key: string): void {
    const keys = this.#byUuid.get(uuid);
    keys?.delete(key);
    if (keys?.size === 0) this.#byUuid.delete(uuid);
  }
  of(uuid: string): Iterable<string> {
    return this.#byUuid.get(uuid) ?? [];
  }
}

/** See the module comment. `viewer` is a token hash; anonymous callers have none. */
export class SystemDirectory {
  readonly #aliasesOf = new ReverseIndex();
  readonly #viewersOf = new ReverseIndex();
  /** Any normalised ref (id, uuid, Discord id) → the system it names. */
  readonly #aliases = new BoundedMap<string, SystemIdentity>(DirectoryLimits.refs, (alias, named) =>
    this.#aliasesOf.remove(named.uuid, alias),
  );
  /** viewer → own system. */
  readonly #ownSystem = new BoundedMap<string, SystemIdentity>(DirectoryLimits.viewers, (viewer, own) =>
    this.#viewersOf.remove(own.uuid, viewer),
  );
  /** Refs of members, groups, switches (and systems) proven to be a viewer's. */
  readonly #ownRefs = new BoundedMap<string, true>(DirectoryLimits.ownRefs);

  /** How many refs, viewers and own refs are held (for tests of the bounds). */
  get size(): { refs: number; viewers: number; ownRefs: number } {
    return { refs: this.#aliases.size, viewers: this.#ownSystem.size, ownRefs: this.#ownRefs.size };
  }

  /** Records that `ref` (as sent by `viewer`) names `system`. */
  learnSystem(ref: string, viewer: string | undefined, system: SystemIdentity): void {
    const identity = { id: system.id.toLowerCase(), uuid: system.uuid.toLowerCase() };
    for (const alias of [identity.id, identity.uuid]) this.#alias(alias, identity);
    if (ref !== '@me') this.#alias(ref, identity);
    if (viewer !== undefined && (ref === '@me' || this.#ownRefs.has(ownKey(viewer, 'system', ref))))
      this.#own(viewer, identity);
  }

  /** Records that entities (member/group/switch ids or uuids) belong to `viewer`'s own system. */
  learnOwnEntities(viewer: string | undefined, refs: Iterable<string>): void {
    if (viewer === undefined) return;
    for (const ref of refs) this.#ownRefs.set(ownKey(viewer, 'entity', ref.toLowerCase()), true);
  }

  /** PluralKit counted a request against the viewer's own system: its target is theirs. */
  learnOwnTarget(viewer: string | undefined, target: { readonly system?: string; readonly entity?: string }): void {
    if (viewer === undefined) return;
    if (target.entity !== undefined) this.learnOwnEntities(viewer, [target.entity]);
    const ref = target.system;
    if (ref === undefined || ref === '@me') return;
    // Remembered even before `@me` was seen: a cold client reading its own system by id spends its own budget.
    this.#ownRefs.set(ownKey(viewer, 'system', ref), true);
    const own = this.#ownSystem.get(viewer);
    const named = this.#aliases.get(ref);
    if (own !== undefined) this.#alias(ref, own);
    else if (named !== undefined) this.#own(viewer, named);
  }

  /** The viewer's own system, once an answer has shown it. */
  ownSystem(viewer: string | undefined): SystemIdentity | undefined {
    return viewer === undefined ? undefined : this.#ownSystem.get(viewer);
  }

  /** True only when `ref` is proven to be the viewer's own system. */
  isOwnSystem(viewer: string | undefined, ref: string): boolean {
    if (viewer === undefined) return false;
    if (ref === '@me' || this.#ownRefs.has(ownKey(viewer, 'system', ref))) return true;
    const own = this.#ownSystem.get(viewer);
    const named = this.#aliases.get(ref);
    return own !== undefined && named !== undefined && named.uuid === own.uuid;
  }

  /** True only when a member/group/switch ref is proven to be the viewer's. */
  isOwnEntity(viewer: string | undefined, ref: string): boolean {
    return viewer !== undefined && this.#ownRefs.has(ownKey(viewer, 'entity', ref));
  }

  /** Is a member/group whose `system` field says `systemId` the viewer's? */
  ownsSystemId(viewer: string | undefined, systemId: string | undefined): boolean {
    const own = this.ownSystem(viewer);
    return own !== undefined && systemId !== undefined && own.id === systemId.toLowerCase();
  }

  /** Cache tags for data about the system `ref` names, as seen by `viewer`. */
  tagsFor(ref: string, viewer: string | undefined): string[] {
    if (ref === '@me') {
      const own = this.ownSystem(viewer);
      return viewer === undefined ? [] : [meTag(viewer), ...(own ? [own.id, own.uuid] : [])];
    }
    const named = this.#aliases.get(ref);
    return named === undefined ? [ref] : [ref, named.id, named.uuid];
  }

  /** Every tag under which data about this system may be cached, for invalidation; walks only its own aliases. */
  everyTagOf(ref: string, viewer?: string): string[] {
    const tags = new Set(this.tagsFor(ref, viewer));
    const identity = ref === '@me' ? this.ownSystem(viewer) : this.#aliases.get(ref);
    if (identity !== undefined) {
      tags.add(identity.id).add(identity.uuid);
      for (const alias of this.#aliasesOf.of(identity.uuid)) tags.add(alias);
      for (const owner of this.#viewersOf.of(identity.uuid)) tags.add(meTag(owner));
    }
    return [...tags];
  }

  #alias(alias: string, identity: SystemIdentity): void {
    this.#aliases.set(alias, identity);
    this.#aliasesOf.add(identity.uuid, alias);
  }

  #own(viewer: string, identity: SystemIdentity): void {
    this.#ownSystem.set(viewer, identity);
    this.#viewersOf.add(identity.uuid, viewer);
  }
}
