import type { DispatchEventType } from './dispatch.js';
import { IdFactory, SeededRandom } from './ids.js';
import {
  newGroupRecord,
  newMemberRecord,
  newSystemRecord,
  type GroupInput,
  type MemberInput,
  type SystemInput,
} from './new-records.js';
import type { GroupRecord, MemberRecord, MessageRecord, SwitchRecord, SystemRecord } from './records.js';
import { SwitchTimeline } from './switch-timeline.js';

export type { GroupInput, MemberInput, SystemInput } from './new-records.js';

/** Short ids that are never handed out, so tests can rely on them being unknown. */
export const RESERVED_SYSTEM_IDS: ReadonlySet<string> = new Set(['zzzzz']);

/**
 * The stand-in's in-memory database: systems, members, groups, switches and messages, with
 * lookups by every reference form the gateway resolves and helpers to add data from tests.
 */
export class StandInState {
  /** Deterministic id source shared by the seed, generators and new switches. */
  readonly ids: IdFactory;
  readonly systems = new Map<string, SystemRecord>();
  readonly members = new Map<string, MemberRecord>();
  readonly groups = new Map<string, GroupRecord>();
  readonly switches = new Map<string, SwitchRecord>();
  readonly messages = new Map<string, MessageRecord>();
  readonly #systemsByHid = new Map<string, SystemRecord>();
  readonly #systemsByToken = new Map<string, SystemRecord>();
  readonly #systemsByApiKey = new Map<string, SystemRecord>();
  readonly #systemsByAccount = new Map<string, SystemRecord>();
  readonly #membersByHid = new Map<string, MemberRecord>();
  readonly #groupsByHid = new Map<string, GroupRecord>();
  readonly #membersOf = new Map<string, MemberRecord[]>();
  readonly #groupsOf = new Map<string, GroupRecord[]>();
  readonly #timelines = new Map<string, SwitchTimeline>();

  /** Where API writes announce their dispatch event; the running stand-in points it at its `Dispatcher`. */
  announce: (systemUuid: string, type: DispatchEventType, id: string | null, data?: Record<string, unknown>) => void =
    () => undefined;

  constructor(seed = 0x504b) {
    this.ids = new IdFactory(new SeededRandom(seed));
  }

  /** Adds a system with its token, links its Discord accounts and indexes it. */
  addSystem(input: SystemInput = {}): SystemRecord {
    const { privacy, settings, ...fields } = input;
    const system = newSystemRecord(fields, privacy, settings, {
      id: this.ids.shortId(6, (id) => this.#systemsByHid.has(id) || RESERVED_SYSTEM_IDS.has(id)),
      uuid: this.ids.uuid(),
      token: this.ids.legacyToken(),
    });
    this.systems.set(system.uuid, system);
    this.#systemsByHid.set(system.id, system);
    this.#systemsByToken.set(system.token, system);
    for (const key of system.apiKeys) this.#systemsByApiKey.set(key, system);
    for (const account of system.discordUserIds) this.#systemsByAccount.set(account, system);
    this.#membersOf.set(system.uuid, []);
    this.#groupsOf.set(system.uuid, []);
    this.#timelines.set(system.uuid, new SwitchTimeline());
    return system;
  }

  /** Issues a new `pkapi:` key with `scopes` (default `write:all`) for the system and returns it. */
  issueApiKey(system: SystemRecord, scopes?: readonly string[]): string {
    const key = this.ids.apiKey(system.uuid, scopes);
    system.apiKeys.push(key);
    this.#systemsByApiKey.set(key, system);
    return key;
  }

  /** Replaces the system's legacy token, as `pk;token refresh` does: the old one stops working at once. */
  refreshToken(system: SystemRecord): string {
    this.#systemsByToken.delete(system.token);
    system.token = this.ids.legacyToken();
    this.#systemsByToken.set(system.token, system);
    return system.token;
  }

  /** Links a Discord account to the system (systems can then be looked up by that user id). */
  linkAccount(system: SystemRecord, discordUserId: string): void {
    system.discordUserIds.push(discordUserId);
    this.#systemsByAccount.set(discordUserId, system);
  }

  /** Adds a member to a system. */
  addMember(system: SystemRecord, input: MemberInput): MemberRecord {
    const { privacy, ...fields } = input;
    const member = newMemberRecord(system, fields, privacy, {
      id: this.ids.shortId(6, (id) => this.#membersByHid.has(id)),
      uuid: this.ids.uuid(),
    });
    this.members.set(member.uuid, member);
    this.#membersByHid.set(member.id, member);
    this.#membersOf.get(system.uuid)?.push(member);
    return member;
  }

  /** Adds a group to a system. */
  addGroup(system: SystemRecord, input: GroupInput): GroupRecord {
    const { privacy, ...fields } = input;
    const group = newGroupRecord(system, fields, privacy, {
      id: this.ids.shortId(6, (id) => this.#groupsByHid.has(id)),
      uuid: this.ids.uuid(),
    });
    this.groups.set(group.uuid, group);
    this.#groupsByHid.set(group.id, group);
    this.#groupsOf.get(system.uuid)?.push(group);
    return group;
  }

  /** Records a switch (members in the given order; `[]` is a switch-out). */
  addSwitch(system: SystemRecord, memberUuids: string[], timestamp: number = Date.now()): SwitchRecord {
    const sw: SwitchRecord = { id: this.ids.uuid(), systemUuid: system.uuid, timestamp, memberUuids };
    this.switches.set(sw.id, sw);
    this.timeline(system).insert(sw);
    return sw;
  }

  /** Moves a switch to a new time, keeping the timeline sorted. */
  moveSwitch(sw: SwitchRecord, timestamp: number): void {
    const timeline = this.#timelines.get(sw.systemUuid);
    timeline?.remove(sw);
    sw.timestamp = timestamp;
    timeline?.insert(sw);
  }

  /** Deletes a switch. */
  deleteSwitch(sw: SwitchRecord): void {
    this.switches.delete(sw.id);
    this.#timelines.get(sw.systemUuid)?.remove(sw);
  }

  /** Stores a proxied message. */
  addMessage(message: MessageRecord): MessageRecord {
    this.messages.set(message.id, message);
    return message;
  }

  /** The system whose legacy token is exactly `token`. */
  systemByToken(token: string): SystemRecord | undefined {
    return this.#systemsByToken.get(token);
  }

  /** The system that an issued `pkapi:` key belongs to. */
  systemByApiKey(key: string): SystemRecord | undefined {
    return this.#systemsByApiKey.get(key);
  }

  /** The system linked to a Discord user id. */
  systemByAccount(discordUserId: string): SystemRecord | undefined {
    return this.#systemsByAccount.get(discordUserId);
  }

  /** Exact (already normalised) short id lookups. */
  systemByHid(hid: string): SystemRecord | undefined {
    return this.#systemsByHid.get(hid);
  }
  /** @see systemByHid */
  memberByHid(hid: string): MemberRecord | undefined {
    return this.#membersByHid.get(hid);
  }
  /** @see systemByHid */
  groupByHid(hid: string): GroupRecord | undefined {
    return this.#groupsByHid.get(hid);
  }

  /** A system's members in creation order. */
  membersOf(system: SystemRecord): readonly MemberRecord[] {
    return this.#membersOf.get(system.uuid) ?? [];
  }

  /** A system's groups in creation order. */
  groupsOf(system: SystemRecord): readonly GroupRecord[] {
    return this.#groupsOf.get(system.uuid) ?? [];
  }

  /** A system's switch timeline. */
  timeline(system: SystemRecord): SwitchTimeline {
    let timeline = this.#timelines.get(system.uuid);
    if (timeline === undefined) {
      timeline = new SwitchTimeline();
      this.#timelines.set(system.uuid, timeline);
    }
    return timeline;
  }

  /** Members by UUID, skipping any that no longer exist. */
  membersByUuid(uuids: readonly string[]): MemberRecord[] {
    return uuids.flatMap((uuid) => this.members.get(uuid) ?? []);
  }
}
