import type { KeyvStoreAdapter } from 'keyv';
import type { TokenStore } from '../../src/vault/index.js';

/**
 * Reads exactly what the backend holds under a vault key (the serialised string Keyv wrote), bypassing Keyv's
 * deserialisation, so tests can scan the bytes at rest.
 */
export async function readRaw(store: TokenStore, key: string): Promise<unknown> {
  const adapter = store.store as KeyvStoreAdapter;
  // Keyv prefixes keys itself unless the adapter does (Redis: useKeyPrefix is off and the adapter adds `ns::`).
  const backendKey = store.useKeyPrefix && store.namespace !== undefined ? `${store.namespace}:${key}` : key;
  return adapter.get(backendKey);
}
