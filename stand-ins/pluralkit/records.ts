/**
 * The stand-in's stored rows. They hold every value unfiltered (like PluralKit's database);
 * `views.ts` turns them into API JSON with the privacy rules applied.
 */

/** A privacy setting as stored and emitted. */
export type PrivacyLevel = 'public' | 'private';

/** System privacy, in the key order PluralKit emits. */
export interface SystemPrivacyRecord {
  name_privacy: PrivacyLevel;
  avatar_privacy: PrivacyLevel;
  description_privacy: PrivacyLevel;
  banner_privacy: PrivacyLevel;
  pronoun_privacy: PrivacyLevel;
  member_list_privacy: PrivacyLevel;
  group_list_privacy: PrivacyLevel;
  front_privacy: PrivacyLevel;
  front_history_privacy: PrivacyLevel;
}

/** Member privacy, in the key order PluralKit emits. */
export interface MemberPrivacyRecord {
  visibility: PrivacyLevel;
  name_privacy: PrivacyLevel;
  description_privacy: PrivacyLevel;
  banner_privacy: PrivacyLevel;
  birthday_privacy: PrivacyLevel;
  pronoun_privacy: PrivacyLevel;
  avatar_privacy: PrivacyLevel;
  metadata_privacy: PrivacyLevel;
  proxy_privacy: PrivacyLevel;
}

/** Group privacy, in the key order PluralKit emits. */
export interface GroupPrivacyRecord {
  name_privacy: PrivacyLevel;
  description_privacy: PrivacyLevel;
  banner_privacy: PrivacyLevel;
  icon_privacy: PrivacyLevel;
  list_privacy: PrivacyLevel;
  metadata_privacy: PrivacyLevel;
  visibility: PrivacyLevel;
}

/** System settings (https://pluralkit.me/api/models/#system-settings-model). `name_format: null` is shown as `"{name} {tag}"` on GET. */
export interface SystemSettingsRecord {
  timezone: string;
  pings_enabled: boolean;
  latch_timeout: number | null;
  member_default_private: boolean;
  group_default_private: boolean;
  show_private_info: boolean;
  member_limit: number;
  group_limit: number;
  case_sensitive_proxy_tags: boolean;
  proxy_error_message_enabled: boolean;
  hid_display_split: boolean;
  hid_display_caps: boolean;
  hid_list_padding: 'off' | 'left' | 'right';
  proxy_switch: 'off' | 'new' | 'add';
  name_format: string | null;
  description_templates: string[];
}

/** A stored system, including its credentials and linked Discord accounts. Times are epoch ms. */
export interface SystemRecord {
  id: string;
  uuid: string;
  name: string | null;
  description: string | null;
  tag: string | null;
  pronouns: string | null;
  avatar_url: string | null;
  banner: string | null;
  color: string | null;
  created: number;
  webhook_url: string | null;
  privacy: SystemPrivacyRecord;
  settings: SystemSettingsRecord;
  /** The 64-character legacy token, sent raw in `Authorization`. */
  token: string;
  /** Issued `pkapi:` keys, sent as `Authorization: Bearer <key>`. */
  apiKeys: string[];
  discordUserIds: string[];
}

/** A proxy tag; an empty part is stored as null. */
export interface ProxyTagRecord {
  prefix: string | null;
  suffix: string | null;
}

/** A stored member. Times are epoch ms. */
export interface MemberRecord {
  id: string;
  uuid: string;
  systemUuid: string;
  name: string;
  display_name: string | null;
  color: string | null;
  birthday: string | null;
  pronouns: string | null;
  avatar_url: string | null;
  webhook_avatar_url: string | null;
  banner: string | null;
  description: string | null;
  created: number;
  keep_proxy: boolean;
  tts: boolean;
  autoproxy_enabled: boolean;
  message_count: number;
  last_message_timestamp: number | null;
  proxy_tags: ProxyTagRecord[];
  privacy: MemberPrivacyRecord;
}

/** A stored group; `memberUuids` keeps insertion order. */
export interface GroupRecord {
  id: string;
  uuid: string;
  systemUuid: string;
  name: string;
  display_name: string | null;
  description: string | null;
  icon: string | null;
  banner: string | null;
  color: string | null;
  created: number;
  privacy: GroupPrivacyRecord;
  memberUuids: string[];
}

/** A stored switch: member order is the order they were given in. */
export interface SwitchRecord {
  id: string;
  systemUuid: string;
  timestamp: number;
  memberUuids: string[];
}

/** A stored proxied message. `systemUuid`/`memberUuid` are null when deleted. */
export interface MessageRecord {
  id: string;
  /** The trigger message id, `''` when unknown. */
  original: string;
  sender: string;
  channel: string;
  guild: string | null;
  systemUuid: string | null;
  memberUuid: string | null;
}

/** Every system privacy key set to `level`. */
export function systemPrivacy(level: PrivacyLevel = 'public'): SystemPrivacyRecord {
  return {
    name_privacy: level,
    avatar_privacy: level,
    description_privacy: level,
    banner_privacy: level,
    pronoun_privacy: level,
    member_list_privacy: level,
    group_list_privacy: level,
    front_privacy: level,
    front_history_privacy: level,
  };
}

/** Every member privacy key set to `level`. */
export function memberPrivacy(level: PrivacyLevel = 'public'): MemberPrivacyRecord {
  return {
    visibility: level,
    name_privacy: level,
    description_privacy: level,
    banner_privacy: level,
    birthday_privacy: level,
    pronoun_privacy: level,
    avatar_privacy: level,
    metadata_privacy: level,
    proxy_privacy: level,
  };
}

/** Every group privacy key set to `level`. */
export function groupPrivacy(level: PrivacyLevel = 'public'): GroupPrivacyRecord {
  return {
    name_privacy: level,
    description_privacy: level,
    banner_privacy: level,
    icon_privacy: level,
    list_privacy: level,
    metadata_privacy: level,
    visibility: level,
  };
}

/** PluralKit's defaults for a new system's settings. */
export function defaultSettings(): SystemSettingsRecord {
  return {
    timezone: 'UTC',
    pings_enabled: true,
    latch_timeout: null,
    member_default_private: false,
    group_default_private: false,
    show_private_info: true,
    member_limit: 1000,
    group_limit: 250,
    case_sensitive_proxy_tags: true,
    proxy_error_message_enabled: true,
    hid_display_split: false,
    hid_display_caps: false,
    hid_list_padding: 'off',
    proxy_switch: 'off',
    name_format: null,
    description_templates: [],
  };
}
