/**
 * How the stand-in treats `Bearer pkapi:…` keys (docs/pluralkit-api-keys.md). `'production'` is PluralKit's
 * `main` today: the whole header is compared with legacy tokens, so a key is anonymous. `'branch'` is the
 * unmerged key branch: a key authenticates, a read its scopes do not cover at the private level is served the
 * public view, and a write outside its scopes is 403 code 0.
 */
import { missingPermissions } from './errors.js';

/** Which PluralKit the stand-in plays for API keys. */
export type ApiKeyMode = 'production' | 'branch';

/** A key's scope family, by path. */
type Area = 'system' | 'members' | 'groups' | 'fronters' | 'switches' | 'messages';

/** The scopes written into a key the stand-in issued (it trusts its own keys; the signature is not checked). */
export function scopesOfKey(key: string): readonly string[] {
  const payload = key.split(':')[1] ?? '';
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { scopes?: unknown };
    return Array.isArray(claims.scopes)
      ? claims.scopes.filter((scope): scope is string => typeof scope === 'string')
      : [];
  } catch {
    return [];
  }
}

function areaOf(pathname: string): Area {
  const path = pathname.replace(/^\/v2/, '');
  if (/^\/members\/[^/]+\/groups/.test(path) || /^\/systems\/[^/]+\/groups/.test(path) || path.startsWith('/groups'))
    return 'groups';
  if (/^\/systems\/[^/]+\/members/.test(path) || path.startsWith('/members')) return 'members';
  if (/^\/systems\/[^/]+\/fronters/.test(path)) return 'fronters';
  if (/^\/systems\/[^/]+\/switches/.test(path)) return 'switches';
  if (path.startsWith('/messages')) return 'messages';
  return 'system';
}

function covers(scopes: readonly string[], levels: readonly string[], area: Area): boolean {
  const areas = area === 'fronters' ? ['fronters', 'switches', 'all'] : [area, 'all'];
  return scopes.some((scope) => {
    const [level, on] = scope.split(':');
    return level !== undefined && on !== undefined && levels.includes(level) && areas.includes(on);
  });
}

/**
 * Whether a key's caller keeps the owner's view for this request: `false` means the public view.
 * @throws {ApiError} 403 code 0 for a write outside the key's scopes.
 */
export function keyKeepsOwnerView(scopes: readonly string[], method: string, pathname: string): boolean {
  const area = areaOf(pathname);
  if (area === 'messages') return true;
  if (method !== 'GET') {
    if (!covers(scopes, ['write'], area)) throw missingPermissions();
    return true;
  }
  return covers(scopes, ['read', 'write'], area);
}
