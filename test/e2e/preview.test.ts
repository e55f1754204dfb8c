import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { runPreview } from '../../scripts/preview/run.js';
import { startPluralKitStandIn } from '../../stand-ins/pluralkit/index.js';

describe('npm run preview', () => {
  it('plays every command the bot has, prints readable replies, and writes a transcript', async () => {
    const printed: string[] = [];
    const transcript = join(mkdtempSync(join(tmpdir(), 'pk-preview-')), 'transcript.jsonl');
    const code = await runPreview({ print: (text) => printed.push(text), transcript });
    const output = printed.join('\n');

    expect(output).not.toMatch(/no answer:/);
    expect(output).toContain(`Shown ${commands.length} of ${commands.length} commands.`);
    expect(output).toContain('0 had a body Discord would reject');
    expect(output).toMatch(/Linked your PluralKit system/);
    expect(output).toMatch(/┌─ embed/);
    expect(code).toBe(0);

    const lines = readFileSync(transcript, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { method: string; path: string });
    expect(lines.length).toBeGreaterThan(commands.length);
    expect(lines.every((line) => typeof line.method === 'string' && line.path.startsWith('/api/v10/'))).toBe(true);
  }, 90_000);

  it('shows the changed cards: fronters on the system card, PluralKit layout, sample texts in whole sentences', async () => {
    const printed: string[] = [];
    await runPreview({ print: (text) => printed.push(text) });
    const output = printed.join('\n');
    const step = (title: string) => output.slice(output.indexOf(title), output.indexOf('\n━━', output.indexOf(title)));
    expect(step('Your system card')).toMatch(/▸ Fronters\n│ {5}\*\*\?\?\?\*\*, \*\*Ash 🔥\*\*, \*\*Kai 🌊\*\*/);
    expect(step('Your system card')).toContain('— System ID: ');
    const card = step('Your system card').split('\n');
    const description = card
      .slice(
        card.findIndex((line) => line.startsWith('│ ## ')) + 1,
        card.findIndex((line) => line.startsWith('│ ▸')),
      )
      .join(' ')
      .trim();
    expect(description.length).toBeGreaterThan(500);
    // The sample description ends on a whole sentence, not mid-word.
    expect(description).toMatch(/(\.|!|\?|💜|✨)$/);
    expect(step('Who is fronting right now?')).not.toContain('[avatar]');
    expect(step('What can this bot do?')).toContain('**Switches**');
  }, 90_000);

  it('shows live events: /live setup, the two setup PINGs, a switch in PluralKit, its event, the DM and the announcement', async () => {
    const printed: string[] = [];
    expect(await runPreview({ print: (text) => printed.push(text) })).toBe(0);
    const output = printed.join('\n');
    const step = (title: string) => {
      const start = output.indexOf(title);
      expect(start, title).toBeGreaterThan(-1);
      return output.slice(start, output.indexOf('\n━━', start));
    };
    expect(step('Turn on live events')).toMatch(
      /pk;system webhook https:\/\/\S+\/pluralkit\/dispatch\/[\w-]{22}\n[\s\S]*→ PluralKit would post to https:\/\/\S+; here on loopback, to http:\/\/127\.0\.0\.1:\d+\/pluralkit\/dispatch\//,
    );
    const pings = step('paste it in the form, then PluralKit tests the URL');
    expect(pings).toContain('Signing token kept, sealed');
    expect(pings).toContain("PluralKit's PING with the signing token got 200 (it needs 200)");
    expect(pings).toContain("PluralKit's PING with a random token got 401 (it needs 401)");
    expect(step('Whether PluralKit sends live events')).toMatch(/are \*\*on\*\*\. Last event:/);
    expect(step('A switch logged in PluralKit')).toMatch(
      /POST \/systems\/@me\/switches .* logged switch [\w-]{36}: Ash 🔥/,
    );
    expect(step('PluralKit delivers the switch event')).toContain(
      'PluralKit POSTed CREATE_SWITCH for your system and got 200 (delivered)',
    );
    expect(step('The reminder DM')).toContain('🔔 **Ash 🔥** switched in:\n• Take your meds 💊');
    expect(step('The announcement posted in the channel')).toMatch(/## Current fronter\n│ \*\*Ash 🔥\*\*/);
    // The signing token is shown by PluralKit only: the preview prints neither it nor a 64-character secret.
    expect(output).not.toMatch(/[A-Za-z0-9+/]{64}/);
  }, 90_000);

  it('skips what its data cannot show against another PluralKit (no proxied message, no other system)', async () => {
    const pk = await startPluralKitStandIn();
    try {
      const printed: string[] = [];
      const code = await runPreview({
        pluralkitUrl: pk.url,
        pkToken: pk.sample.own.token,
        print: (text) => printed.push(text),
      });
      const output = printed.join('\n');
      expect(output).toContain(
        'Who was fronting?\n(skipped: this PluralKit has no proxied message of yours to point at)',
      );
      expect(output).toContain(
        "Someone else's fronters (public view)\n(skipped: no other system to look at on this PluralKit)",
      );
      expect(output).toContain(
        "PluralKit delivers the switch event to the bot, signed with the token\n(skipped: only the built-in PluralKit stand-in can post events to this preview's loopback listener)",
      );
      expect(output).not.toMatch(/no answer:/);
      expect(code).toBe(0);
    } finally {
      await pk.close();
    }
  }, 120_000);

  it('draws no 429 from a server holding 2 requests per second in every 1,000 ms window, without headers', async () => {
    const printed: string[] = [];
    const code = await runPreview({
      print: (text) => printed.push(text),
      pluralkit: { rateLimit: { mode: 'sliding', perSecond: 2 } },
    });
    const output = printed.join('\n');
    expect(output).not.toMatch(/no answer:/);
    const counted = /PluralKit answered (\d+) requests; (\d+) of them 429/.exec(output);
    expect(Number(counted?.[1])).toBeGreaterThan(commands.length);
    expect(counted?.[2]).toBe('0');
    expect(code).toBe(0);
  }, 180_000);

  it('refuses --pluralkit-url without a token to link', async () => {
    const printed: string[] = [];
    expect(await runPreview({ pluralkitUrl: 'http://127.0.0.1:1/v2', print: (text) => printed.push(text) })).toBe(2);
    expect(printed.join('\n')).toMatch(/needs --pk-token/);
  });
});
