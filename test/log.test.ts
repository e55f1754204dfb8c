import { Writable } from 'node:stream';
import { DiscordAPIError, HTTPError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createLogger, looksSecret, scrubSecrets } from '../src/log.js';
import { PluralKitAPIError } from '../src/pluralkit/index.js';

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

describe('logged errors', () => {
  const parse = (line: string | undefined) => JSON.parse(line ?? '{}') as { err?: Record<string, unknown> };

  it('keep type, message and stack, with the cause folded in, and still scrub tokens from them', () => {
    const { lines, log } = capture();
    log.error({ err: new TypeError('cannot read x of undefined') }, 'plain');
    log.error({ err: new Error(`outer ${legacyToken}`, { cause: new RangeError('inner cause') }) }, 'caused');
    log.warn(
      { err: new PluralKitAPIError(404, 20001, 'System not found.', { method: 'GET', route: '/systems/abcde' }) },
      'pk',
    );

    const plain = parse(lines[0]).err;
    expect(plain).toMatchObject({ type: 'TypeError', message: 'cannot read x of undefined' });
    expect(String(plain?.stack)).toMatch(/^TypeError: cannot read x of undefined\n\s+at /);

    const caused = parse(lines[1]).err;
    expect(caused?.type).toBe('Error');
    expect(caused?.message).toBe('outer [redacted]: inner cause');
    expect(String(caused?.stack)).toContain('caused by: RangeError: inner cause');

    const pk = parse(lines[2]).err;
    expect(pk).toMatchObject({ type: 'PluralKitAPIError', status: 404, code: 20001, route: '/systems/abcde' });
    expect(String(pk?.message)).toContain('System not found.');
    expect(String(pk?.stack)).toContain('PluralKitAPIError');
    expect(lines.join('')).not.toContain(legacyToken);
  });
});

describe('a failed Discord request in the log', () => {
  it('shows the route template, status and code, never the body or the callback URL', () => {
    const { lines, log } = capture();
    const interactionToken = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OmFiY2RlZmdo';
    const url = `https://discord.com/api/v10/interactions/123456789012345678/${interactionToken}/callback?with_response=false`;
    const body = {
      files: undefined,
      body: { type: 4, data: { content: 'hidden member Secret Sam, proxy tags sam:' } },
    };
    const rejected = new DiscordAPIError({ code: 50035, message: 'Invalid Form Body' }, 50035, 400, 'POST', url, body);
    const failed = new HTTPError(
      503,
      'Service Unavailable',
      'PATCH',
      url.replace('/callback', '/messages/@original'),
      body,
    );
    log.error({ err: rejected }, 'rejected');
    log.warn({ err: failed }, 'discord down');

    const first = (JSON.parse(lines[0] ?? '{}') as { err: Record<string, unknown> }).err;
    expect(first).toMatchObject({
      method: 'POST',
      route: '/interactions/:id/:token/callback',
      status: 400,
      code: 50035,
    });
    expect(String(first.message)).toContain('Invalid Form Body');
    const second = (JSON.parse(lines[1] ?? '{}') as { err: Record<string, unknown> }).err;
    expect(second).toMatchObject({
      method: 'PATCH',
      route: '/interactions/:id/:token/messages/@original',
      status: 503,
    });
    const output = lines.join('');
    for (const secret of ['Secret Sam', 'sam:', 'aW50ZXJh', 'requestBody', 'discord.com'])
      expect(output).not.toContain(secret);
  });
});
