/**
 * The token vault: users' PluralKit tokens, sealed at rest.
 * @packageDocumentation
 */
export * from './errors.js';
export * from './keyring.js';
export * from './linked-account.js';
export * from './sealing.js';
export * from './store.js';
export * from './token-vault.js';
