import { z } from 'zod';

/**
 * Zod schemas for PluralKit API v2 responses, and the types we use everywhere else.
 * Unknown extra keys are tolerated (stripped); wrong types are not.
 * @see https://pluralkit.me/api/models/
 */

const privacyLevel = z.enum(['public', 'private']);
const nullableString = z.string().nullable();
/** ISO-8601 UTC instant ending in `Z`, as PluralKit emits it. */
const instant = z.iso.datetime({ offset: true });

export const ProxyTagSchema = z.object({
  prefix: nullableString,
  suffix: nullableString,
});

export const SystemPrivacySchema = z.object({
  name_privacy: privacyLevel,
  avatar_privacy: privacyLevel,
  description_privacy: privacyLevel,
  banner_privacy: privacyLevel.optional(),
  pronoun_privacy: privacyLevel,
  member_list_privacy: privacyLevel,
  group_list_privacy: privacyLevel,
  front_privacy: privacyLevel,
  front_history_privacy: privacyLevel,
});

export const SystemSchema = z.object({
  id: z.string(),
  uuid: z.uuid(),
  name: nullableString,
  description: nullableString,
  tag: nullableString,
  pronouns: nullableString,
  avatar_url: nullableString,
  banner: nullableString,
  color: nullableString,
  created: instant.nullable(),
  webhook_url: nullableString.optional(),
  /** `null` unless the caller owns the system. */
  privacy: SystemPrivacySchema.nullable(),
});

export const MemberPrivacySchema = z.object({
  visibility: privacyLevel,
  name_privacy: privacyLevel,
  description_privacy: privacyLevel,
  banner_privacy: privacyLevel.optional(),
  birthday_privacy: privacyLevel,
  pronoun_privacy: privacyLevel,
  avatar_privacy: privacyLevel,
  metadata_privacy: privacyLevel,
  proxy_privacy: privacyLevel.optional(),
});

export const MemberSchema = z.object({
  id: z.string(),
  uuid: z.uuid(),
  /** The owning system's short id; absent on `message.member`. */
  system: z.string().optional(),
  name: z.string(),
  display_name: nullableString,
  color: nullableString,
  birthday: nullableString,
  pronouns: nullableString,
  avatar_url: nullableString,
  webhook_avatar_url: nullableString.optional(),
  banner: nullableString,
  description: nullableString,
  created: instant.nullable(),
  keep_proxy: z.boolean(),
  tts: z.boolean().optional(),
  autoproxy_enabled: z.boolean().nullable().optional(),
  message_count: z.number().int().nullable().optional(),
  last_message_timestamp: instant.nullable().optional(),
  proxy_tags: z.array(ProxyTagSchema),
  privacy: MemberPrivacySchema.nullable(),
});

export const GroupPrivacySchema = z.object({
  name_privacy: privacyLevel,
  description_privacy: privacyLevel,
  banner_privacy: privacyLevel.optional(),
  icon_privacy: privacyLevel,
  list_privacy: privacyLevel,
  metadata_privacy: privacyLevel,
  visibility: privacyLevel,
});

export const GroupSchema = z.object({
  id: z.string(),
  uuid: z.uuid(),
  name: z.string(),
  system: z.string().optional(),
  display_name: nullableString,
  description: nullableString,
  icon: nullableString,
  banner: nullableString,
  color: nullableString,
  created: instant.nullable(),
  /** Member UUIDs; only with `?with_members=true`. */
  members: z.array(z.uuid()).optional(),
  privacy: GroupPrivacySchema.nullable(),
});

/** A switch as listed by `GET /systems/{ref}/switches`: members are **short ids**. */
export const SwitchSchema = z.object({
  id: z.uuid(),
  timestamp: instant,
  members: z.array(z.string()),
});

/** A switch with full members: `/fronters`, and GET/POST/PATCH of a single switch. */
export const FrontSwitchSchema = z.object({
  id: z.uuid(),
  timestamp: instant,
  members: z.array(MemberSchema),
});

export const MessageSchema = z.object({
  timestamp: instant,
  id: z.string(),
  /** The trigger message id; `""` when unknown. */
  original: z.string(),
  sender: z.string(),
  channel: z.string(),
  guild: nullableString,
  system: SystemSchema.nullable(),
  member: MemberSchema.nullable(),
});

export const SystemSettingsSchema = z.object({
  timezone: z.string().optional(),
  pings_enabled: z.boolean().optional(),
  latch_timeout: z.number().int().nullable().optional(),
  member_default_private: z.boolean().optional(),
  group_default_private: z.boolean().optional(),
  show_private_info: z.boolean().optional(),
  member_limit: z.number().int().optional(),
  group_limit: z.number().int().optional(),
  case_sensitive_proxy_tags: z.boolean().optional(),
  proxy_error_message_enabled: z.boolean().optional(),
  hid_display_split: z.boolean().optional(),
  hid_display_caps: z.boolean().optional(),
  hid_list_padding: z.string().optional(),
  proxy_switch: z.string().optional(),
  name_format: nullableString.optional(),
});

/** The error body PluralKit sends with JSON errors. */
export const ErrorBodySchema = z.object({
  message: z.string(),
  code: z.number().int(),
  retry_after: z.number().optional(),
  scope: z.string().optional(),
  errors: z.record(z.string(), z.unknown()).optional(),
});

export type ProxyTag = z.infer<typeof ProxyTagSchema>;
export type System = z.infer<typeof SystemSchema>;
export type SystemPrivacy = z.infer<typeof SystemPrivacySchema>;
export type Member = z.infer<typeof MemberSchema>;
export type MemberPrivacy = z.infer<typeof MemberPrivacySchema>;
export type Group = z.infer<typeof GroupSchema>;
export type Switch = z.infer<typeof SwitchSchema>;
export type FrontSwitch = z.infer<typeof FrontSwitchSchema>;
export type Message = z.infer<typeof MessageSchema>;
export type SystemSettings = z.infer<typeof SystemSettingsSchema>;
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
