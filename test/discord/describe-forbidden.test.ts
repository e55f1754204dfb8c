import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/discord/describe-error.js';
import { PluralKitAPIError } from '../../src/pluralkit/index.js';

function forbidden(code: number, message: string): PluralKitAPIError {
  return new PluralKitAPIError(403, code, message, { method: 'POST', route: '/systems/{ref}/switches' });
}

describe('a 403 says why', () => {
  it('explains a privacy refusal, a "not part of your system" and a plain refusal differently', () => {
    expect(describeError(forbidden(30005, 'Unauthorized to view front history.')).message).toMatch(
      /keeps its front history private/,
    );
    expect(describeError(forbidden(30006, 'Target member is not part of your system.')).message).toMatch(
      /only change your own system/,
    );
    const plain = describeError(forbidden(0, '403: Missing permissions to access this resource')).message;
    expect(plain).toMatch(/with a token or key that allows it/);
    expect(plain).not.toMatch(/only change your own system/);
  });
});
