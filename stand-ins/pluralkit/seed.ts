/**
 * The `'sample'` seed: an own system with a rich profile, members, groups, ~6 weeks of switches and
 * messages, plus `other`, `frontPrivate` and `noSwitches` systems (see {@link SampleFixture}).
 */
import type { MemberRecord } from './records.js';
import { seedHistory, seedMessages } from './seed-history.js';
import { describeSystem, type SampleSystem } from './seed-fixture.js';
import { seedFrontPrivate, seedNoSwitches, seedOther, type OtherSampleSystem } from './seed-others.js';
import { longDescription, OWN_SYSTEM_DESCRIPTION } from './seed-text.js';
import { RESERVED_SYSTEM_IDS, type MemberInput, type StandInState } from './state.js';

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
const avatar = (slug: string): string => `https://images.example.org/pk/avatars/${slug}.png`;

const OWN_MEMBERS: MemberInput[] = [
  {
    name: 'Ash',
    display_name: 'Ash 🔥',
    pronouns: 'they/them',
    color: 'E4572E',
    birthday: '1998-03-14',
    avatar_url: avatar('ash'),
    proxy_tags: [{ prefix: 'a:', suffix: null }],
    description: longDescription(640, 0),
    message_count: 2841,
  },
  {
    name: 'Émile',
    pronouns: 'he/him',
    color: '3b82f6',
    birthday: '0004-07-19',
    avatar_url: avatar('emile'),
    proxy_tags: [{ prefix: '[', suffix: ']' }],
    description: longDescription(1000, 2),
    message_count: 977,
  },
  {
    name: 'Kai 🌊',
    pronouns: 'she/they',
    color: '0EA5E9',
    avatar_url: avatar('kai'),
    proxy_tags: [{ prefix: null, suffix: '-k' }],
    description: longDescription(220, 4),
    message_count: 1530,
  },
  {
    name: 'ミナ',
    display_name: 'Mina (ミナ)',
    pronouns: 'she/her',
    color: 'f472b6',
    birthday: '2000-12-01',
    avatar_url: avatar('mina'),
    proxy_tags: [
      { prefix: 'm;', suffix: null },
      { prefix: 'ミナ:', suffix: null },
    ],
    description: longDescription(480, 6),
  },
  {
    name: 'Rowan',
    display_name: 'Ro 🌿',
    pronouns: 'it/its',
    color: '22C55E',
    avatar_url: avatar('rowan'),
    proxy_tags: [{ prefix: 'r>', suffix: null }],
    description: longDescription(150, 8),
    privacy: { name_privacy: 'private' },
  },
  {
    name: 'Søren',
    pronouns: 'he/they',
    color: 'a16207',
    birthday: '2001-11-02',
    proxy_tags: [{ prefix: 's.', suffix: null }],
    description: longDescription(330, 1),
    privacy: { description_privacy: 'private', birthday_privacy: 'private' },
  },
  // PluralKit keeps URLs as typed (see docs/cards.md): raw spaces, <…> wrapping, other schemes.
  {
    name: 'Juniper',
    pronouns: 'she/her',
    color: '10B981',
    avatar_url: 'https://images.example.org/pk/avatars/juniper and co.png',
    banner: '<https://images.example.org/pk/banners/juniper.png>',
    keep_proxy: true,
    proxy_tags: [{ prefix: '{', suffix: '}' }],
    description: longDescription(90, 3),
  },
  {
    name: 'Theo',
    avatar_url: '<https://images.example.org/pk/avatars/theo.png>',
    webhook_avatar_url: 'ftp://images.example.org/theo.png',
  },
  {
    name: 'Nova ✨',
    pronouns: 'xe/xem',
    color: 'FACC15',
    avatar_url: avatar('nova'),
    webhook_avatar_url: avatar('nova-proxy'),
    banner: 'https://images.example.org/pk/banners/nova.png',
    proxy_tags: [
      { prefix: 'n:', suffix: null },
      { prefix: null, suffix: '✨' },
    ],
    description: longDescription(760, 5),
  },
  {
    name: 'Cipher',
    display_name: '???',
    pronouns: 'any',
    color: '111827',
    avatar_url: avatar('cipher'),
    proxy_tags: [{ prefix: 'c/', suffix: null }],
    description: 'Prefers to stay in the background.',
    privacy: {
      visibility: 'private',
      metadata_privacy: 'private',
      proxy_privacy: 'private',
      avatar_privacy: 'private',
    },
  },
  {
    name: 'Wren',
    pronouns: 'she/it',
    color: '7C3AED',
    avatar_url: avatar('wren'),
    tts: true,
    proxy_tags: [{ prefix: 'w!', suffix: null }],
    privacy: { avatar_privacy: 'private', pronoun_privacy: 'private' },
  },
  {
    name: 'Li Wei 李伟',
    pronouns: 'he/him',
    color: 'a855f7',
    avatar_url: 'ftp://images.example.org/pk/avatars/liwei.png',
    banner: 'images.example.org/pk/banners/liwei.png',
    birthday: '1996-02-29',
    proxy_tags: [{ prefix: 'lw:', suffix: null }],
    description: longDescription(400, 9),
  },
];

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
