/** The per-system part of the sample fixture. */
import type { SystemRecord } from './records.js';
import type { StandInState } from './state.js';

/** Credentials and ids of one seeded system. Member and group ids are short ids. */
export interface SampleSystem {
  /** 64-character legacy token (send raw in `Authorization`). */
  token: string;
  systemId: string;
  systemUuid: string;
  /** A Discord user id linked to the system (usable as a system ref). */
  discordUserId: string;
  /** Every member's short id, hidden ones included, in creation order. */
  memberIds: string[];
  memberUuids: string[];
  groupIds: string[];
}

/** A summary of a seeded system for the fixture. */
export function describeSystem(state: StandInState, system: SystemRecord): SampleSystem {
  const members = state.membersOf(system);
  return {
    token: system.token,
    systemId: system.id,
    systemUuid: system.uuid,
    discordUserId: system.discordUserIds[0] ?? '',
    memberIds: members.map((m) => m.id),
    memberUuids: members.map((m) => m.uuid),
    groupIds: state.groupsOf(system).map((g) => g.id),
  };
}
