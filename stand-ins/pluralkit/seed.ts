/**
 * The `'sample'` seed: an own system with a rich profile, members, groups, ~6 weeks of switches and
 * messages, plus `other`, `frontPrivate` and `noSwitches` systems (see {@link SampleFixture}).
 */
import type { MemberRecord } from './records.js';
import { seedHistory, seedMessages } from './seed-history.js';
import { describeSystem, type SampleSystem } from './seed-fixture.js';
import { seedFrontPrivate, seedNoSwitches, seedOther, type OtherSampleSystem } from './seed-others.js';
import { avatar, OWN_MEMBERS } from './seed-own-members.js';
import { longDescription, OWN_SYSTEM_DESCRIPTION } from './seed-text.js';
import { RESERVED_SYSTEM_IDS, type StandInState } from './state.js';

export type { OtherSampleSystem } from './seed-others.js';
export type { SampleSystem } from './seed-fixture.js';

/** The caller's own system in tests. */
export interface OwnSampleSystem extends SampleSystem {
  /** A `pkapi:` key (send as `Authorization: Bearer <key>`). */
  apiKey: string;
  /** The hidden member (`visibility: private`). */
  privateMemberId: string;
  /** A member whose `name_privacy` is private (its display name stands in for the name). */
  namePrivateMemberId: string;
  /** A hidden group (`visibility: private`). */
  hiddenGroupId: string;
  switchCount: number;
  /** Proxied message ids, oldest first; the newest is ~10 minutes old (its `original` resolves too). */
  messageIds: string[];
}

/** Everything the `'sample'` seed created. */
export interface SampleFixture {
  own: OwnSampleSystem;
  /** Public profile, public member list and front; some hidden members; one group with a private list. */
  other: OtherSampleSystem;
  /** front, front history, member list and group list private; has switches. */
  frontPrivate: SampleSystem;
  /** A public system with members but no switches (`/fronters` → 204). */
  noSwitches: SampleSystem;
  /** A short id no system has. */
  unknownSystemId: string;
}

const DAY = 86_400_000;
function seedOwn(state: StandInState, now: number): OwnSampleSystem {
  const system = state.addSystem({
    id: state.ids.shortId(5, (id) => state.systemByHid(id) !== undefined || RESERVED_SYSTEM_IDS.has(id)),
    name: 'The Lantern Collective 🏮',
    description: OWN_SYSTEM_DESCRIPTION,
    tag: '| 🏮 Lantern',
    pronouns: 'they/them (ask the fronter)',
    avatar_url: avatar('lantern-collective'),
    banner: 'https://images.example.org/pk/banners/lantern-collective.png',
    color: '7c3aed',
    created: Date.UTC(2021, 2, 14, 18, 22, 5),
    settings: { timezone: 'Europe/Berlin', hid_display_caps: true },
  });
  state.linkAccount(system, state.ids.snowflake(Date.UTC(2018, 6, 9)));
  const apiKey = state.issueApiKey(system);
  const members = OWN_MEMBERS.map((input, i) =>
    state.addMember(system, {
      ...input,
      // The first two are legacy 5-letter ids, as members created before 2024 have.
      ...(i < 2 ? { id: state.ids.shortId(5, (id) => state.memberByHid(id) !== undefined) } : {}),
      created: Date.UTC(2021, 2, 14) + i * 37 * DAY,
      last_message_timestamp: input.message_count === undefined ? null : now - (i + 1) * 3 * 3_600_000,
    }),
  );
  const named = (name: string): MemberRecord => {
    const member = members.find((m) => m.name === name);
    if (member === undefined) throw new Error(`sample member ${name} missing`);
    return member;
  };
  const [ash, emile, kai, mina, rowan, soren, juniper, theo, nova, cipher] = [
    'Ash',
    'Émile',
    'Kai 🌊',
    'ミナ',
    'Rowan',
    'Søren',
    'Juniper',
    'Theo',
    'Nova ✨',
    'Cipher',
  ].map(named) as [
    MemberRecord,
    MemberRecord,
    MemberRecord,
    MemberRecord,
    MemberRecord,
    MemberRecord,
    MemberRecord,
    MemberRecord,
    MemberRecord,
    MemberRecord,
  ];
  const pick = (...list: MemberRecord[]): string[] => list.map((m) => m.uuid);
  state.addGroup(system, {
    name: 'Protectors',
    display_name: 'Protectors 🛡️',
    color: 'dc2626',
    description: 'Handles the hard days.',
    created: Date.UTC(2021, 5, 1),
    memberUuids: pick(ash, kai, cipher, theo),
  });
  state.addGroup(system, {
    name: 'Night Shift 🌙',
    color: '1e3a8a',
    icon: 'https://images.example.org/pk/icons/moon.png',
    created: Date.UTC(2021, 8, 12),
    memberUuids: pick(kai, mina, nova, rowan),
  });
  state.addGroup(system, {
    name: 'Creatives',
    display_name: 'Creatives 🎨',
    description: longDescription(300, 7),
    created: Date.UTC(2022, 0, 3),
    memberUuids: pick(emile, juniper, nova, ash),
  });
  const hidden = state.addGroup(system, {
    name: 'Core',
    icon: '<https://images.example.org/pk/icons/core icon.png>',
    banner: 'ftp://images.example.org/core.png',
    created: Date.UTC(2022, 3, 9),
    memberUuids: pick(ash, cipher, soren),
    privacy: { visibility: 'private' },
  });
  const switchCount = seedHistory(state, system, {
    pool: members,
    from: now - 42 * DAY,
    to: now - 25 * 60_000,
    gapHours: [3, 14],
    latest: [ash, cipher, kai],
    seed: 0x5eed,
  });
  const messageIds = seedMessages(state, system, [emile, ash, kai, mina, ash], now);
  return {
    ...describeSystem(state, system),
    apiKey,
    privateMemberId: cipher.id,
    namePrivateMemberId: rowan.id,
    hiddenGroupId: hidden.id,
    switchCount,
    messageIds,
  };
}

/** Seeds the sample systems into `state` and returns their fixture. */
export function seedSample(state: StandInState, now: number = Date.now()): SampleFixture {
  return {
    own: seedOwn(state, now),
    other: seedOther(state, now),
    frontPrivate: seedFrontPrivate(state, now),
    noSwitches: seedNoSwitches(state),
    unknownSystemId: 'zzzzz',
  };
}
