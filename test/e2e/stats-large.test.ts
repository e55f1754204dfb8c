import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWithinDiscordLimits } from '../render/limits-check.js';
import { generateLargeSystem } from '../../stand-ins/pluralkit/index.js';
import { startHarness, type Harness } from './harness.js';

describe('/frontstats over a large history', () => {
  let h: Harness;
  let large: { token: string; systemId: string };
  beforeAll(async () => {
    // PluralKit's limit (10 pages a second, which our client keeps to) would make this 10 s of waiting; the
    // limiter has its own tests. Here only our side is measured.
    h = await startHarness({ pluralkit: { rateLimit: { mode: 'off' } }, env: { PLURALKIT_RATE_PER_SECOND: '100' } });
    large = generateLargeSystem(h.pk.state, { members: 300, switches: 10_000 });
    await h.link(h.discord.users.alice, large.token);
  });
  afterAll(() => h.finish());

  it('reads all 10,000 switches of a year once, then pages every member without asking PluralKit again', async () => {
    h.pk.stats.reset();
    const reply = await h.command('frontstats', { range: '1y' }, { where: 'user-dm' }).reply(20_000);
    const pages = h.pk.requests.filter((r) => r.path.startsWith('/v2/systems/@me/switches'));
    // 100 full pages, then an empty one that says the history ended.
    expect(pages).toHaveLength(101);
    const footer = reply.embeds.at(-1)?.footer?.text ?? '';
    const total = Number(/Page 1 of (\d+)\./.exec(footer)?.[1]);
    // 300 members, of which 294 visible (every 50th is hidden but still fronts): all fronted at some point.
    expect(total).toBe(Math.ceil(300 / 24));
    assertWithinDiscordLimits(reply);

    const before = h.pk.stats.requests;
    const last = (reply.components[0] as { components: { custom_id: string; label: string }[] }).components.find(
      (c) => c.label === 'Last',
    )!;
    const end = await h.dispatch(h.discord.button(last.custom_id, reply, { where: 'user-dm' })).reply();
    expect(end.embeds.at(-1)?.footer?.text).toContain(`Page ${total} of ${total}.`);
    const lines = [...(end.embeds[0]?.description ?? '').matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
    expect(lines.at(-1)).toBe(300);
    expect(h.pk.stats.requests).toBe(before);
    assertWithinDiscordLimits(end);
  });
});
