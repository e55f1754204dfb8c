/** The non-own sample systems: `other`, `frontPrivate` and `noSwitches`. */
import type { MemberRecord } from './records.js';
import { describeSystem, type SampleSystem } from './seed-fixture.js';
import { seedHistory, seedMessages } from './seed-history.js';
import { longDescription } from './seed-text.js';
import type { MemberInput, StandInState } from './state.js';

/** The `other` system: mixed public and private data. */
export interface OtherSampleSystem extends SampleSystem {
  /** Members visible in its member list. */
  publicMemberIds: string[];
  /** Hidden members (`visibility: private`): missing from lists, still fetchable by id and in fronters. */
  privateMemberIds: string[];
  /** A group whose member list is private (→ 30003 for non-owners). */
  privateListGroupId: string;
  messageIds: string[];
}

const DAY = 86_400_000;

/** Seeds `other`: public profile, member list and front; hidden members; its latest switch includes one. */
export function seedOther(state: StandInState, now: number): OtherSampleSystem {
  const system = state.addSystem({
    name: 'The Starlight Crew ⭐',
    description: longDescription(420, 3),
    tag: '⭐ Starlight',
    pronouns: 'we/us',
    // As typed into PluralKit: wrapped in <…>, which Discord refuses in an embed.
    avatar_url: '<https://images.example.org/pk/avatars/starlight.png>',
    color: 'FDE68A',
    created: Date.UTC(2022, 9, 30, 9, 0, 0, 250),
  });
  state.linkAccount(system, state.ids.snowflake(Date.UTC(2019, 1, 20)));
  const add = (name: string, extra: Omit<MemberInput, 'name'> = {}): MemberRecord =>
    state.addMember(system, { name, created: Date.UTC(2022, 10, 1), ...extra });
  const vega = add('Vega', {
    pronouns: 'she/her',
    color: '60a5fa',
    proxy_tags: [{ prefix: 'v:', suffix: null }],
    description: 'Navigator.',
  });
  const altair = add('Altair', { display_name: 'Al', pronouns: 'he/him', privacy: { name_privacy: 'private' } });
  const lyra = add('Lyra', {
    pronouns: 'they/them',
    description: 'Private notes.',
    birthday: '1999-08-12',
    privacy: { description_privacy: 'private', birthday_privacy: 'private', proxy_privacy: 'private' },
    proxy_tags: [{ prefix: 'l;', suffix: null }],
  });
  const deneb = add('Deneb', {
    display_name: 'Deb',
    pronouns: 'she/they',
    color: 'c084fc',
    privacy: {
      visibility: 'private',
      name_privacy: 'private',
      pronoun_privacy: 'private',
      metadata_privacy: 'private',
    },
  });
  const sirius = add('Sirius', { pronouns: 'he/it', privacy: { visibility: 'private' } });
  state.addGroup(system, {
    name: 'Navigators',
    color: '2563eb',
    created: Date.UTC(2022, 11, 1),
    memberUuids: [vega.uuid, lyra.uuid, deneb.uuid],
  });
  const inner = state.addGroup(system, {
    name: 'Inner Circle',
    created: Date.UTC(2023, 0, 5),
    memberUuids: [altair.uuid, sirius.uuid],
    privacy: { list_privacy: 'private', description_privacy: 'private' },
    description: 'Ask first.',
  });
  seedHistory(state, system, {
    pool: [vega, altair, lyra, deneb, sirius],
    from: now - 10 * DAY,
    to: now - 2 * 3_600_000,
    gapHours: [6, 20],
    latest: [vega, deneb],
    seed: 0x07e2,
  });
  const messageIds = seedMessages(state, system, [vega, lyra], now);
  return {
    ...describeSystem(state, system),
    publicMemberIds: [vega.id, altair.id, lyra.id],
    privateMemberIds: [deneb.id, sirius.id],
    privateListGroupId: inner.id,
    messageIds,
  };
}

/** Seeds `frontPrivate`: front, front history, member list, group list and description private. */
export function seedFrontPrivate(state: StandInState, now: number): SampleSystem {
  const system = state.addSystem({
    name: 'Quiet Harbor',
    description: 'We keep to ourselves.',
    color: '334155',
    created: Date.UTC(2020, 3, 1),
    privacy: {
      front_privacy: 'private',
      front_history_privacy: 'private',
      member_list_privacy: 'private',
      group_list_privacy: 'private',
      description_privacy: 'private',
    },
  });
  state.linkAccount(system, state.ids.snowflake(Date.UTC(2017, 8, 1)));
  const members = ['Harbor', 'Tide', 'Gull'].map((name, i) =>
    state.addMember(system, {
      name,
      created: Date.UTC(2020, 3, 2 + i),
      color: ['0f766e', '0369a1', '64748b'][i] ?? null,
    }),
  );
  state.addGroup(system, { name: 'Crew', created: Date.UTC(2020, 4, 1), memberUuids: members.map((m) => m.uuid) });
  seedHistory(state, system, {
    pool: members,
    from: now - 5 * DAY,
    to: now - 3 * 3_600_000,
    gapHours: [8, 16],
    latest: members.slice(0, 1),
    seed: 0xf20,
  });
  return describeSystem(state, system);
}

/** Seeds `noSwitches`: a new public system with members and no switches. */
export function seedNoSwitches(state: StandInState): SampleSystem {
  const system = state.addSystem({ name: 'Fresh Start', pronouns: 'she/her', created: Date.UTC(2025, 0, 10) });
  state.linkAccount(system, state.ids.snowflake(Date.UTC(2021, 1, 1)));
  state.addMember(system, { name: 'Robin', created: Date.UTC(2025, 0, 10, 1) });
  state.addMember(system, { name: 'Sky', color: '38bdf8', created: Date.UTC(2025, 0, 10, 2) });
  return describeSystem(state, system);
}
