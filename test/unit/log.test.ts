import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, looksSecret, scrubSecrets } from '../../src/log.js';

const legacyToken = 'Ab+/'.repeat(16);
const apiKey = 'pkapi:eyJ0aWQiOiIxMjMifQ==:MEUCIQDx';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, log: createLogger({ level: 'debug', destination }) };
}

describe('scrubSecrets', () => {
  it('hides legacy tokens, API keys and Discord bot tokens inside any text', () => {
    const text = `token=${legacyToken} key ${apiKey} bot MTA1NjQ4OTc2MzI5NzE2NTQ0Mg.GhT5aB.abcdefghijklmnopqrstuvwxyz0123456`;
    const scrubbed = scrubSecrets(text);
    expect(scrubbed).not.toContain(legacyToken);
    expect(scrubbed).not.toContain('eyJ0aWQiOiIxMjMifQ');
    expect(scrubbed).not.toContain('GhT5aB');
    expect(scrubbed).toBe('token=[redacted] key pkapi:[redacted] bot [redacted-discord-token]');
  });

  it('leaves ordinary text, ids and short hashes alone', () => {
    const text = 'system abcde member 123456789012345678 hash 0123456789abcdef';
    expect(scrubSecrets(text)).toBe(text);
    expect(looksSecret(text)).toBe(false);
    expect(looksSecret(legacyToken)).toBe(true);
  });
});

describe('createLogger', () => {
  it('never writes a token, whether in the message, a field, a nested object or an error', () => {
    const { lines, log } = capture();
    log.info(`linking ${legacyToken}`);
    log.info({ token: legacyToken, nested: { note: `key ${apiKey}` } }, 'fields');
    log.error({ err: new Error(`boom ${legacyToken}`) }, 'failure');
    log.debug({ headers: { authorization: legacyToken } }, 'request');
    const output = lines.join('');
    expect(lines).toHaveLength(4);
    expect(output).not.toContain(legacyToken);
    expect(output).not.toContain('eyJ0aWQiOiIxMjMifQ');
    expect(output).toContain('[redacted]');
  });
});
