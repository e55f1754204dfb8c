import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/discord/describe-error.js';
import { loadConfig } from '../../src/config.js';

describe('describeError for our own bugs', () => {
  it('gives an error id and says where to report it when SUPPORT_URL is set', () => {
    const supportUrl = loadConfig({ SUPPORT_URL: 'https://example.org/pk-companion/issues' }).supportUrl;
    const described = describeError(new TypeError('boom'), { supportUrl });
    expect(described.level).toBe('error');
    expect(described.message).toBe(
      `Something went wrong on my side. If it keeps happening, please report the error id \`${described.errorId!}\` at <https://example.org/pk-companion/issues>.`,
    );
  });

  it('says whom to tell when no support place is configured, and never shows the error itself', () => {
    const described = describeError(new Error('secret detail'));
    expect(described.message).toBe(
      `Something went wrong on my side. If it keeps happening, tell whoever runs this bot the error id \`${described.errorId!}\`, so they can find what happened in my log.`,
    );
    expect(loadConfig({}).supportUrl).toBeUndefined();
    expect(() => loadConfig({ SUPPORT_URL: 'javascript:alert(1)' })).toThrow(/SUPPORT_URL/);
  });
});
