import {
  defaultSettings,
  groupPrivacy,
  memberPrivacy,
  systemPrivacy,
  type GroupPrivacyRecord,
  type GroupRecord,
  type MemberPrivacyRecord,
  type MemberRecord,
  type SystemPrivacyRecord,
  type SystemRecord,
  type SystemSettingsRecord,
} from './records.js';

/** Fields for {@link StandInState.addSystem}; anything left out gets a default or a fresh id. */
export type SystemInput = Partial<Omit<SystemRecord, 'privacy' | 'settings'>> & {
  privacy?: Partial<SystemPrivacyRecord>;
  settings?: Partial<SystemSettingsRecord>;
};
/** Fields for {@link StandInState.addMember}; `name` is required like in PluralKit. */
export type MemberInput = Partial<Omit<MemberRecord, 'systemUuid' | 'privacy'>> & {
  name: string;
  privacy?: Partial<MemberPrivacyRecord>;
};
/** Fields for {@link StandInState.addGroup}; `memberUuids` may hold member UUIDs. */
export type GroupInput = Partial<Omit<GroupRecord, 'systemUuid' | 'privacy'>> & {
  name: string;
  privacy?: Partial<GroupPrivacyRecord>;
};

/** The identifiers a new record is given by the state (fresh and unique there). */
export interface FreshIds {
  readonly id: string;
  readonly uuid: string;
}

/** A new system record: PluralKit's defaults, then `fields`, privacy and settings merged over theirs. */
export function newSystemRecord(
  fields: Omit<SystemInput, 'privacy' | 'settings'>,
  privacy: SystemInput['privacy'],
  settings: SystemInput['settings'],
  fresh: FreshIds & { readonly token: string },
): SystemRecord {
  return {
    id: fresh.id,
    uuid: fresh.uuid,
    name: null,
    description: null,
    tag: null,
    pronouns: null,
    avatar_url: null,
    banner: null,
    color: null,
    created: Date.now(),
    webhook_url: null,
    token: fresh.token,
    apiKeys: [],
    discordUserIds: [],
    ...fields,
    privacy: { ...systemPrivacy(), ...privacy },
    settings: { ...defaultSettings(), ...settings },
  };
}

/** A new member record of `system`: PluralKit's defaults, then `fields` and privacy merged over them. */
export function newMemberRecord(
  system: SystemRecord,
  fields: Omit<MemberInput, 'privacy'>,
  privacy: MemberInput['privacy'],
  fresh: FreshIds,
): MemberRecord {
  return {
    id: fresh.id,
    uuid: fresh.uuid,
    display_name: null,
    color: null,
    birthday: null,
    pronouns: null,
    avatar_url: null,
    webhook_avatar_url: null,
    banner: null,
    description: null,
    created: Date.now(),
    keep_proxy: false,
    tts: false,
    autoproxy_enabled: true,
    message_count: 0,
    last_message_timestamp: null,
    proxy_tags: [],
    ...fields,
    systemUuid: system.uuid,
    privacy: { ...memberPrivacy(), ...privacy },
  };
}

/** A new group record of `system`: PluralKit's defaults, then `fields` and privacy merged over them. */
export function newGroupRecord(
  system: SystemRecord,
  fields: Omit<GroupInput, 'privacy'>,
  privacy: GroupInput['privacy'],
  fresh: FreshIds,
): GroupRecord {
  return {
    id: fresh.id,
    uuid: fresh.uuid,
    display_name: null,
    description: null,
    icon: null,
    banner: null,
    color: null,
    created: Date.now(),
    memberUuids: [],
    ...fields,
    systemUuid: system.uuid,
    privacy: { ...groupPrivacy(), ...privacy },
  };
}
