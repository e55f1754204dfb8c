import type { PluralKitErrorCode } from './error-codes.js';
import {
  PluralKitAPIError,
  PluralKitError,
  PluralKitHTTPError,
  PluralKitInputError,
  PluralKitNetworkError,
  PluralKitRateLimitError,
  PluralKitSchemaError,
  PluralKitTimeoutError,
} from './errors.js';

/** Any error thrown by the PluralKit client. */
export const isPluralKitError = (error: unknown): error is PluralKitError => error instanceof PluralKitError;

/** A JSON error from PluralKit; with `code`, only that code (e.g. `PluralKitErrorCode.SystemNotFound`). */
export function isPluralKitAPIError(error: unknown, code?: PluralKitErrorCode): error is PluralKitAPIError {
  return error instanceof PluralKitAPIError && (code === undefined || error.code === code);
}

/** An HTTP failure without a usable body (5xx after retries, empty 404...). */
export const isPluralKitHTTPError = (error: unknown): error is PluralKitHTTPError =>
  error instanceof PluralKitHTTPError;

/** Still rate limited after every retry. */
export const isPluralKitRateLimitError = (error: unknown): error is PluralKitRateLimitError =>
  error instanceof PluralKitRateLimitError;

/** PluralKit did not answer in time. */
export const isPluralKitTimeoutError = (error: unknown): error is PluralKitTimeoutError =>
  error instanceof PluralKitTimeoutError;

/** PluralKit could not be reached at all. */
export const isPluralKitNetworkError = (error: unknown): error is PluralKitNetworkError =>
  error instanceof PluralKitNetworkError;

/** A successful answer whose body did not match its schema. */
export const isPluralKitSchemaError = (error: unknown): error is PluralKitSchemaError =>
  error instanceof PluralKitSchemaError;

/** An argument rejected before any request. */
export const isPluralKitInputError = (error: unknown): error is PluralKitInputError =>
  error instanceof PluralKitInputError;

/**
 * Upstream trouble the user can only wait out: 5xx, exhausted 429, timeouts, network failures,
 * malformed bodies. Lets an error boundary say "PluralKit is having trouble" without listing classes.
 */
export const isPluralKitUnavailable = (error: unknown): boolean =>
  error instanceof PluralKitHTTPError ||
  error instanceof PluralKitRateLimitError ||
  error instanceof PluralKitTimeoutError ||
  error instanceof PluralKitNetworkError ||
  error instanceof PluralKitSchemaError ||
  (error instanceof PluralKitAPIError && error.status >= 500);
