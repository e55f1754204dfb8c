import { createHash } from 'node:crypto';

/** Which kind of credential a string is: a legacy system token, a `pkapi:` API key, or neither. */
export type TokenKind = 'legacy' | 'apikey';

const legacyToken = /^[A-Za-z0-9+/=]{64}$/;
const apiKeyPrefix = 'pkapi:';
/** API keys carry base64 JSON plus a signature; anything past this length is not a key. */
const maxApiKeyLength = 4096;

/**
 * Classifies a credential without ever echoing it.
 * Legacy tokens are exactly 64 characters of the base64 alphabet; API keys start with `pkapi:`.
 */
export function tokenKind(token: string): TokenKind | null {
  if (legacyToken.test(token)) return 'legacy';
  if (
    token.startsWith(apiKeyPrefix) &&
    token.length > apiKeyPrefix.length &&
    token.length <= maxApiKeyLength &&
    // Anything outside printable ASCII (spaces, newlines) would corrupt the header.
    /^[\x21-\x7e]+$/.test(token)
  ) {
    return 'apikey';
  }
  return null;
}

/**
 * The `Authorization` header value for a credential: legacy tokens are sent raw (PluralKit looks the
 * whole header up), API keys as `Bearer pkapi:…`. Returns `null` for anything else.
 * @see https://pluralkit.me/api/reference/#authentication
 */
export function authorizationHeader(token: string): string | null {
  switch (tokenKind(token)) {
    case 'legacy':
      return token;
    case 'apikey':
      return `Bearer ${token}`;
    default:
      return null;
  }
}

/**
 * A short, stable, one-way name for a credential, safe to use in cache and limiter keys and logs.
 */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16);
}
