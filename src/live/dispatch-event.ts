import { z } from 'zod';

/** Events that may change who is fronting: the front is re-read (once per burst) after any of them. */
export const SwitchEventTypes: ReadonlySet<string> = new Set([
  'CREATE_SWITCH',
  'UPDATE_SWITCH',
  'DELETE_SWITCH',
  'DELETE_ALL_SWITCHES',
]);

/**
 * Events that only drop the system's cached answers. Anything else (`CREATE_MESSAGE` on every proxied message,
 * `UPDATE_GROUP_MEMBERS`, which PluralKit sends without a token, and types added later) is answered and ignored.
 */
export const CacheEventTypes: ReadonlySet<string> = new Set([
  'UPDATE_SYSTEM',
  'UPDATE_SETTINGS',
  'CREATE_MEMBER',
  'UPDATE_MEMBER',
  'DELETE_MEMBER',
  'CREATE_GROUP',
  'UPDATE_GROUP',
  'DELETE_GROUP',
  'LINK_ACCOUNT',
  'UNLINK_ACCOUNT',
  'UPDATE_SYSTEM_GUILD',
  'UPDATE_MEMBER_GUILD',
  'SUCCESSFUL_IMPORT',
  'UPDATE_AUTOPROXY',
  ...SwitchEventTypes,
]);

/**
 * A dispatch body as PluralKit sends it (crates/dispatch): `system_id` is the system's UUID, `id` the entity's
 * UUID or a Discord user id, `data` the changed fields. `PING` has no `id` or `data`.
 */
export const dispatchEventSchema = z.object({
  type: z.string().max(64),
  signing_token: z.string().max(256).nullable(),
  system_id: z.uuid(),
  id: z.string().max(64).nullable().optional(),
  data: z.unknown().optional(),
});

/** A parsed dispatch body. */
export type DispatchEvent = z.infer<typeof dispatchEventSchema>;

/** What the endpoint does with a body of this type. */
export function eventHandling(type: string): 'ping' | 'switch' | 'cache' | 'ignore' {
  if (type === 'PING') return 'ping';
  if (SwitchEventTypes.has(type)) return 'switch';
  return CacheEventTypes.has(type) ? 'cache' : 'ignore';
}
