import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageState } from '../../stand-ins/discord/index.js';
import { startHarness, type Harness } from './harness.js';

const Warning = (option: string) =>
  `What you put in \`${option}\` looks like a PluralKit token, so I didn't use it and won't repeat it. A token is a password: if anyone else saw it, DM PluralKit \`pk;token refresh\` to get a new one. Tokens go only into \`/link\`.`;

describe('a token pasted into the wrong option', () => {
  let h: Harness;
  let token: string;
  let apiKey: string;
  beforeAll(async () => {
    h = await startHarness();
    await h.link(h.discord.users.alice, h.pk.sample.own.token);
    token = h.pk.sample.own.token;
    // Option values are at most 100 characters: what fits of a real key is still unmistakably one.
    apiKey = h.pk.sample.own.apiKey.slice(0, 100);
  });
  afterAll(() => h.finish());

  const expectWarned = (reply: MessageState, option: string, pasted: string) => {
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe(Warning(option));
    expect(reply.embeds).toEqual([]);
    expect(JSON.stringify(reply)).not.toContain(pasted.slice(6, 30));
  };

  it('is refused, privately and without being repeated, in every free-text option', async () => {
    const cases: [string, Record<string, string | boolean>, string][] = [
      ['members', { search: token }, 'search'],
      ['members', { search: token, public: true }, 'search'],
      ['members', { search: `my token is ${apiKey.slice(0, 80)}` }, 'search'],
      ['member', { member: token }, 'member'],
      ['member', { member: 'Ash', system: token }, 'system'],
      ['group', { group: apiKey }, 'group'],
      ['switch out', { time: token }, 'time'],
      ['switch in', { member: 'Ash', time: apiKey }, 'time'],
      ['switch in', { member: token }, 'member'],
      ['frontstats', { range: token, public: true }, 'range'],
      ['system', { system: token }, 'system'],
      ['fronters', { system: token }, 'system'],
      ['switches', { system: token }, 'system'],
    ];
    for (const [name, options, option] of cases) {
      const reply = await h.command(name, options).reply();
      expectWarned(reply, option, String(options[option]));
    }
  });

  it('is refused in a form field too, naming the field', async () => {
    const editor = await h.command('switch edit').reply();
    const session = JSON.stringify(editor.components).match(/"switch:\w+:([\w-]+):/)?.[1] ?? '';
    const handle = h.dispatch(h.discord.forgeModalSubmit(`switch:move:${session}:0`, { time: token }));
    const record = await handle.waitFor(
      (r) => r.followUps.length > 0 || (r.original !== undefined && r.original.content !== ''),
    );
    const shown = [record.original, ...record.followUps].map((m) => m?.content ?? '').join('\n');
    expect(shown).toContain(Warning('time'));
    expect(shown).not.toContain(token.slice(0, 20));
  });
});
