import type { FrontSwitch, System } from '../pluralkit/index.js';

/**
 * A linked system's front after its switch events settled: read once from PluralKit (with the linked user's
 * token, inside the limiter) after the events of one burst were coalesced. Events are only hints (PluralKit
 * sends each once and may lose or reorder them), so a change always carries what PluralKit says *now*.
 */
export interface FrontChange {
  /** The Discord user who linked the system; reminders DM them, nicknames and roles are theirs. */
  readonly userId: string;
  /** The system as its owner sees it (name, colour, tag, privacy). */
  readonly system: System;
  /** The switch in effect now, members in PluralKit's order; undefined when the system has no switch yet. */
  readonly current: FrontSwitch | undefined;
  /** UUIDs of the members fronting before, as last seen; undefined when nothing was seen before (first read). */
  readonly previousMemberUuids: readonly string[] | undefined;
  /**
   * True when the front list is private (`system.privacy.front_privacy`): then nothing is shown where other
   * people can see it (no announcement, and no nickname or roles, which everyone in a server sees); the
   * owner's own reminders, sent by DM, still follow.
   */
  readonly frontIsPrivate: boolean;
  /** When the bot read the new front. */
  readonly at: Date;
}

/** Members that switched in with this change: in `current` but not in `previousMemberUuids`. */
export function switchedIn(change: FrontChange): FrontSwitch['members'] {
  const before = new Set(change.previousMemberUuids ?? []);
  return (change.current?.members ?? []).filter((member) => !before.has(member.uuid));
}

/**
 * Something that follows the front: announcements, reminders, nicknames and roles. Called once per
 * change, in the process that read it; a listener's failure is logged and never reaches the others.
 */
export interface FrontChangeListener {
  /** For logs and metrics: `announce`, `remind`, `front-sync`. */
  readonly name: string;
  onFrontChange(change: FrontChange): Promise<void>;
}
