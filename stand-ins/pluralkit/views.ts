/**
 * Stored rows → API JSON, in PluralKit's key order and with its privacy rules (https://pluralkit.me/api/models/).
 * `owner` means the caller is authenticated as the system that owns the entity.
 */
import type { Group, Member, System, SystemSettings } from '../../src/pluralkit/schemas.js';
import type { GroupRecord, MemberRecord, PrivacyLevel, SystemRecord, SystemSettingsRecord } from './records.js';

/**
 * ISO-8601 UTC with `Z`, at Postgres' microsecond precision; fractional seconds only when non-zero,
 * trailing zeros trimmed (NodaTime ExtendedIso), e.g. `2024-05-01T12:00:00Z`, `...:00.12345Z`.
 */
export function formatInstant(ms: number): string {
  const micros = Math.round(ms * 1000);
  const seconds = Math.floor(micros / 1_000_000);
  const fraction = String(micros - seconds * 1_000_000)
    .padStart(6, '0')
    .replace(/0+$/, '');
  const base = new Date(seconds * 1000).toISOString().slice(0, 19);
  return fraction === '' ? `${base}Z` : `${base}.${fraction}Z`;
}

function shown<T>(level: PrivacyLevel, owner: boolean, value: T): T | null {
  return owner || level === 'public' ? value : null;
}

/** A system as `GET /systems/{ref}` shows it; `webhook_url` appears for the owner only. */
export function systemView(system: SystemRecord, owner: boolean): System {
  const p = system.privacy;
  const view: System = {
    id: system.id,
    uuid: system.uuid,
    name: shown(p.name_privacy, owner, system.name),
    description: shown(p.description_privacy, owner, system.description),
    tag: system.tag,
    pronouns: shown(p.pronoun_privacy, owner, system.pronouns),
    avatar_url: shown(p.avatar_privacy, owner, system.avatar_url),
    banner: shown(p.banner_privacy, owner, system.banner),
    color: system.color,
    created: formatInstant(system.created),
    ...(owner ? { webhook_url: system.webhook_url } : {}),
    privacy: owner ? { ...p } : null,
  };
  return view;
}

/**
 * A member. `systemHid` adds the `system` key (every member output except `message.member`).
 * Non-owners get `name` = display_name ?? name when the name is private, `proxy_tags: []`, and nulls.
 */
export function memberView(member: MemberRecord, owner: boolean, systemHid?: string): Member {
  const p = member.privacy;
  const namePrivate = !owner && p.name_privacy === 'private';
  const meta = owner || p.metadata_privacy === 'public';
  return {
    id: member.id,
    uuid: member.uuid,
    ...(systemHid !== undefined ? { system: systemHid } : {}),
    name: namePrivate ? (member.display_name ?? member.name) : member.name,
    display_name: namePrivate ? null : member.display_name,
    color: member.color,
    birthday: shown(p.birthday_privacy, owner, member.birthday),
    pronouns: shown(p.pronoun_privacy, owner, member.pronouns),
    avatar_url: shown(p.avatar_privacy, owner, member.avatar_url),
    webhook_avatar_url: shown(p.avatar_privacy, owner, member.webhook_avatar_url),
    banner: shown(p.banner_privacy, owner, member.banner),
    description: shown(p.description_privacy, owner, member.description),
    created: meta ? formatInstant(member.created) : null,
    keep_proxy: member.keep_proxy,
    tts: member.tts,
    autoproxy_enabled: owner ? member.autoproxy_enabled : null,
    message_count: meta ? member.message_count : null,
    last_message_timestamp:
      meta && member.last_message_timestamp !== null ? formatInstant(member.last_message_timestamp) : null,
    proxy_tags: owner || p.proxy_privacy === 'public' ? member.proxy_tags.map((tag) => ({ ...tag })) : [],
    privacy: owner ? { ...p } : null,
  };
}

/** A group; `memberUuids` (only with `?with_members=true`) adds the `members` key. */
export function groupView(group: GroupRecord, owner: boolean, systemHid: string, memberUuids?: string[]): Group {
  const p = group.privacy;
  const namePrivate = !owner && p.name_privacy === 'private';
  return {
    id: group.id,
    uuid: group.uuid,
    name: namePrivate ? (group.display_name ?? group.name) : group.name,
    system: systemHid,
    display_name: namePrivate ? null : group.display_name,
    description: shown(p.description_privacy, owner, group.description),
    icon: shown(p.icon_privacy, owner, group.icon),
    banner: shown(p.banner_privacy, owner, group.banner),
    color: group.color,
    created: owner || p.metadata_privacy === 'public' ? formatInstant(group.created) : null,
    ...(memberUuids !== undefined ? { members: memberUuids } : {}),
    privacy: owner ? { ...p } : null,
  };
}

/** The gateway's `GET /systems/{ref}/settings`: everything for the owner, the public subset otherwise. */
export function settingsView(settings: SystemSettingsRecord, owner: boolean): SystemSettings {
  const nameFormat = settings.name_format ?? '{name} {tag}';
  if (owner) {
    const full: SystemSettings & { description_templates: string[] } = {
      ...settings,
      name_format: nameFormat,
      description_templates: [...settings.description_templates],
    };
    return full;
  }
  return {
    pings_enabled: settings.pings_enabled,
    latch_timeout: settings.latch_timeout,
    case_sensitive_proxy_tags: settings.case_sensitive_proxy_tags,
    proxy_error_message_enabled: settings.proxy_error_message_enabled,
    hid_display_split: settings.hid_display_split,
    hid_display_caps: settings.hid_display_caps,
    hid_list_padding: settings.hid_list_padding,
    proxy_switch: settings.proxy_switch,
    name_format: nameFormat,
  };
}
