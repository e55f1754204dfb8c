/**
 * What the client has learned about systems from PluralKit's answers: which refs name the same system
 * (short id, UUID, Discord user id) and, per viewer (token hash), which system and entities are their
 * own. Cache tags and the own/shared limiter choice both come from here. It only ever records what a
 * response proved, so "own" is never a guess.
 */

/** The identifying pair of a system. */
export interface SystemIdentity {
  readonly id: string;
  readonly uuid: string;
}

const meTag = (viewer: string): string => `@me:${viewer}`;

/** See the module comment. `viewer` is a token hash; anonymous callers have none. */
export class SystemDirectory {
  /** Any normalised ref (id, uuid, Discord id) → the system it names. */
  readonly #aliases = new Map<string, SystemIdentity>();
  /** viewer → own system. */
  readonly #ownSystem = new Map<string, SystemIdentity>();
  /** viewer → ids/uuids of members, groups and switches proven to be theirs. */
  readonly #ownEntities = new Map<string, Set<string>>();

  /** Records that `ref` (as sent by `viewer`) names `system`. */
  learnSystem(ref: string, viewer: string | undefined, system: SystemIdentity): void {
    const identity = { id: system.id.toLowerCase(), uuid: system.uuid.toLowerCase() };
    for (const alias of [identity.id, identity.uuid]) this.#aliases.set(alias, identity);
    if (ref === '@me') {
      if (viewer !== undefined) this.#ownSystem.set(viewer, identity);
    } else {
      this.#aliases.set(ref, identity);
    }
  }

  /** Records that entities (member/group/switch ids or uuids) belong to `viewer`'s own system. */
  learnOwnEntities(viewer: string | undefined, refs: Iterable<string>): void {
    if (viewer === undefined) return;
    let own = this.#ownEntities.get(viewer);
    if (own === undefined) this.#ownEntities.set(viewer, (own = new Set()));
    for (const ref of refs) own.add(ref.toLowerCase());
  }

  /** PluralKit counted a request against the viewer's own system: its target is theirs. */
  learnOwnTarget(viewer: string | undefined, target: { readonly system?: string; readonly entity?: string }): void {
    if (viewer === undefined) return;
    if (target.entity !== undefined) this.learnOwnEntities(viewer, [target.entity]);
    const own = this.#ownSystem.get(viewer);
    if (target.system !== undefined && target.system !== '@me' && own !== undefined) this.#aliases.set(target.system, own);
  }

  /** The viewer's own system, once an `@me` answer has shown it. */
  ownSystem(viewer: string | undefined): SystemIdentity | undefined {
    return viewer === undefined ? undefined : this.#ownSystem.get(viewer);
  }

  /** True only when `ref` is proven to be the viewer's own system. */
  isOwnSystem(viewer: string | undefined, ref: string): boolean {
    if (viewer === undefined) return false;
    if (ref === '@me') return true;
    const own = this.#ownSystem.get(viewer);
    const named = this.#aliases.get(ref);
    return own !== undefined && named !== undefined && named.uuid === own.uuid;
  }

  /** True only when a member/group/switch ref is proven to be the viewer's. */
  isOwnEntity(viewer: string | undefined, ref: string): boolean {
    return viewer !== undefined && (this.#ownEntities.get(viewer)?.has(ref) ?? false);
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

  /** Every tag under which data about this system may be cached, for invalidation. */
  everyTagOf(ref: string, viewer?: string): string[] {
    const tags = new Set(this.tagsFor(ref, viewer));
    const identity = ref === '@me' ? this.ownSystem(viewer) : this.#aliases.get(ref);
    if (identity !== undefined) {
      tags.add(identity.id).add(identity.uuid);
      for (const [alias, named] of this.#aliases) if (named.uuid === identity.uuid) tags.add(alias);
      for (const [owner, own] of this.#ownSystem) if (own.uuid === identity.uuid) tags.add(meTag(owner));
    }
    return [...tags];
  }
}
