/**
 * The PluralKit API client. Everything other parts of the bot use comes from here.
 * Internals (transport, budgets, cache, directory) are deliberately not exported.
 */
export { PluralKitClient, type CallOptions, type WriteOptions, type PluralKitClientParts } from './client.js';
export { RedisRateModel, type RedisRateModelOptions } from './redis-rate-model.js';
export type { RateModel } from './rate-model.js';
export {
  DefaultPluralKitClientOptions,
  pluralKitClientOptionsFromConfig,
  type PluralKitClientOptions,
} from './options.js';
export type { Priority, LimiterState } from './request-queue.js';
export type { PluralKitObserver, ObservedRequest, CacheResult } from './observer.js';
export type { PluralKitClientStats } from './requester.js';
export { tokenKind, authorizationHeader, tokenHash, type TokenKind } from './auth.js';
export {
  parseApiKey,
  scopesAllow,
  credentialAllows,
  credentialScopes,
  describeCredential,
  neededScope,
  type ApiKeyClaims,
  type ApiKeyParse,
  type KeyArea,
  type KeyLevel,
} from './api-key.js';
export { PluralKitErrorCode } from './error-codes.js';
export {
  PluralKitError,
  PluralKitAPIError,
  PluralKitHTTPError,
  PluralKitRateLimitError,
  PluralKitTimeoutError,
  PluralKitNetworkError,
  PluralKitSchemaError,
  PluralKitInputError,
  PluralKitRequestError,
  isPluralKitAPIError,
  type HttpMethod,
  type RequestLocation,
  type SchemaIssue,
} from './errors.js';
export { MaxSwitchMembers, MaxSwitchPageSize, MaxRefLength, normalizeSystemRef, normalizeMemberRef } from './refs.js';
export type {
  System,
  SystemPrivacy,
  SystemSettings,
  Member,
  MemberPrivacy,
  Group,
  Switch,
  FrontSwitch,
  Message,
  ProxyTag,
} from './schemas.js';
