import { isPluralKitAPIError, type PluralKitErrorCode } from '../pluralkit/index.js';

/**
 * The answer of `call`, or `fallback` when PluralKit refuses it with error code `code` (e.g. a private
 * list, for the optional parts of a view: privacy leaves them out instead of failing). Any other
 * failure is thrown on.
 */
export async function orOnCode<T, F>(call: Promise<T>, code: PluralKitErrorCode, fallback: F): Promise<T | F> {
  try {
    return await call;
  } catch (error) {
    if (isPluralKitAPIError(error, code)) return fallback;
    throw error;
  }
}
