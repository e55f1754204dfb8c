/**
 * PluralKit's `pkapi:` API keys, read locally: `pkapi:<base64 JSON>:<signature>`, where the JSON is
 * `{tid, sid, type, scopes}` (see docs/pluralkit-api-keys.md). Nothing here ever returns or quotes the key.
 */

/** What a key's scopes are about: one PluralKit endpoint family each. */
export type KeyArea = 'system' | 'members' | 'groups' | 'fronters' | 'switches';

/** How much a key may do in an area: see anything (`read`) or also change it (`write`). */
export type KeyLevel = 'read' | 'write';

/** The decoded JSON part of a key. */
export interface ApiKeyClaims {
  /** The key's own id (a UUID). */
  readonly tid: string;
  /** The UUID of the system the key belongs to. */
  readonly sid: string;
  readonly type: 'user_created' | 'external_app' | 'dashboard';
  readonly scopes: readonly string[];
}

/** A key that decodes, or what is wrong with it in words a user can act on. */
export type ApiKeyParse =
  { readonly ok: true; readonly claims: ApiKeyClaims } | { readonly ok: false; readonly problem: string };

const Areas: readonly KeyArea[] = ['system', 'members', 'groups', 'fronters', 'switches'];
const Types = ['user_created', 'external_app', 'dashboard'] as const;
const Scope = /^(?:identify|(?:publicread|read|write):(?:system|members|groups|fronters|switches|all))$/;
const Uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const Base64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const Shape = 'A key looks like `pkapi:`, a base64 part, `:`, and a signature.';

function decodeJson(part: string): unknown {
  if (!Base64.test(part)) return undefined;
  try {
    return JSON.parse(Buffer.from(part, 'base64').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Decodes a `pkapi:` key's JSON part and checks every field, without any request. */
export function parseApiKey(key: string): ApiKeyParse {
  const parts = key.split(':');
  if (parts[0] !== 'pkapi' || parts.length !== 3) {
    return { ok: false, problem: `it doesn't have the three parts of an API key. ${Shape}` };
  }
  const [, payload = '', signature = ''] = parts;
  if (signature === '' || !Base64.test(signature))
    return { ok: false, problem: `its signature part is missing or not base64. ${Shape}` };
  const json = decodeJson(payload);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return {
      ok: false,
      problem: "the part after `pkapi:` isn't base64-encoded JSON, so it was cut or changed while copying.",
    };
  }
  const { tid, sid, type, scopes } = json as Record<string, unknown>;
  if (typeof tid !== 'string' || !Uuid.test(tid))
    return { ok: false, problem: 'its `tid` (the key id) is missing or not a UUID.' };
  if (typeof sid !== 'string' || !Uuid.test(sid))
    return { ok: false, problem: 'its `sid` (the system id) is missing or not a UUID.' };
  if (typeof type !== 'string' || !(Types as readonly string[]).includes(type)) {
    return { ok: false, problem: `its \`type\` is missing or not one of ${Types.join(', ')}.` };
  }
  if (!Array.isArray(scopes) || scopes.length === 0)
    return { ok: false, problem: 'its `scopes` list is missing or empty.' };
  if (!scopes.every((scope): scope is string => typeof scope === 'string' && Scope.test(scope))) {
    return { ok: false, problem: 'its `scopes` list holds a scope PluralKit does not define.' };
  }
  return { ok: true, claims: { tid, sid, type: type as ApiKeyClaims['type'], scopes } };
}

/**
 * Whether the scopes grant `level` in `area` at the owner's (private) level; `publicread` never does.
 * `write` implies `read`; `<X>:switches` covers the current fronters too, as PluralKit's branch does.
 */
export function scopesAllow(scopes: readonly string[], level: KeyLevel, area: KeyArea): boolean {
  const levels = level === 'write' ? ['write'] : ['read', 'write'];
  const areas = area === 'fronters' ? ['fronters', 'switches', 'all'] : [area, 'all'];
  return scopes.some((scope) => {
    const [have, on] = scope.split(':');
    return have !== undefined && on !== undefined && levels.includes(have) && areas.includes(on);
  });
}

/**
 * The scopes of a stored credential: `undefined` for a legacy token (it can do everything), the key's
 * scopes for a `pkapi:` key (none when it no longer decodes).
 */
export function credentialScopes(token: string): readonly string[] | undefined {
  if (!token.startsWith('pkapi:')) return undefined;
  const parsed = parseApiKey(token);
  return parsed.ok ? parsed.claims.scopes : [];
}

/** Whether a stored credential (legacy token or key) allows `level` in `area`. */
export function credentialAllows(token: string, level: KeyLevel, area: KeyArea): boolean {
  const scopes = credentialScopes(token);
  return scopes === undefined || scopesAllow(scopes, level, area);
}

const AreaWords: Record<KeyArea, string> = {
  system: 'system profile and settings (time zone included)',
  members: 'members',
  groups: 'groups',
  fronters: 'current fronters',
  switches: 'front history',
};

/** The scope a key would need for `level` in `area`, in PluralKit's spelling. */
export function neededScope(level: KeyLevel, area: KeyArea): string {
  return `${level}:${area}`;
}

/** Names areas in a sentence: "members, groups and front history". */
export function listAreas(areas: readonly KeyArea[]): string {
  const words = areas.map((area) => AreaWords[area]);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** One line on what a credential allows, in plain words. */
export function describeCredential(token: string): string {
  const scopes = credentialScopes(token);
  if (scopes === undefined)
    return 'This is your full PluralKit token: it can see and change everything in your system.';
  const writes = scopesAllow(scopes, 'write', 'switches');
  const hidden = Areas.filter((area) => !scopesAllow(scopes, 'read', area));
  const head = writes
    ? 'This API key can log, edit and delete switches'
    : 'This API key is read-only: you can look, not log switches';
  if (hidden.length === 0) return `${head}, and see everything private in your system.`;
  if (hidden.length === Areas.length) return `${head}, and it only shows what anyone can see of your system.`;
  return `${head}; of your ${listAreas(hidden)} it only shows what anyone can see.`;
}
