import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLargeSystem } from '../../stand-ins/pluralkit/index.js';
import { startHarness, type Harness } from './harness.js';
import { click, controlsOf, lines, switchPageRequests } from './switch-support.js';

const Switches = 10_000;

describe('/switches on a 10,000-switch history', () => {
  let h: Harness;
  let switchTimes: number[];
  beforeAll(async () => {
    // PluralKit's own limits would make 100 pages take 10 s; this test is about paging, not pacing.
    h = await startHarness({ pluralkit: { rateLimit: { mode: 'off' } }, env: { PLURALKIT_RATE_PER_SECOND: '100' } });
    const large = generateLargeSystem(h.pk.state, { members: 60, switches: Switches });
    await h.link(h.discord.users.alice, large.token);
    const system = h.pk.state.systemByHid(large.systemId)!;
    switchTimes = [...h.pk.state.switches.values()]
      .filter((sw) => sw.systemUuid === system.uuid)
      .map((sw) => sw.timestamp)
      .sort((a, b) => b - a);
  });
  afterAll(() => h.finish());

  const timeOf = (line: string): number => Number(/<t:(\d+):f>/.exec(line)![1]) * 1000;

  it('loads one PluralKit page at first and the next only when paging past it, with durations across the boundary', async () => {
    const before = switchPageRequests(h);
    let reply = await h.command('switches', {}, { where: 'bot-dm' }).reply();
    expect(switchPageRequests(h) - before).toBe(1);
    expect(reply.embeds[0]!.footer!.text).toBe('Page 1/10+ · 100+ switches');
    expect(lines(reply)[0]).toMatch(/ongoing, 1m( \d+s)? so far$/);
    for (let page = 2; page <= 10; page++) reply = await click(h, reply, 'next');
    expect(switchPageRequests(h) - before).toBe(1); // pages 1-10 are the first PluralKit page
    expect(lines(reply)).toHaveLength(10);
    expect(lines(reply).every((line) => line.endsWith('· for 20m'))).toBe(true);
    expect(timeOf(lines(reply)[9]!)).toBe(Math.floor(switchTimes[99]! / 1000) * 1000);
    reply = await click(h, reply, 'next');
    expect(switchPageRequests(h) - before).toBe(2);
    // Switch 100 (the newest of the second PluralKit page) ends where switch 99 of the first page starts.
    expect(timeOf(lines(reply)[0]!)).toBe(Math.floor(switchTimes[100]! / 1000) * 1000);
    expect(lines(reply)[0]).toMatch(/· for 20m$/);
    expect(reply.embeds[0]!.footer!.text).toBe('Page 11/20+ · 200+ switches');
  });

  it('jumps to the oldest switch, pages back from it, and returns to the newest', async () => {
    let reply = await h.command('switches', {}, { where: 'guild' }).reply();
    reply = await click(h, reply, 'last');
    expect(reply.embeds[0]!.footer!.text).toBe('Page 1000/1000 · 10000 switches');
    const oldest = lines(reply);
    expect(oldest).toHaveLength(10);
    expect(timeOf(oldest[9]!)).toBe(Math.floor(switchTimes[Switches - 1]! / 1000) * 1000);
    expect(oldest.every((line) => line.endsWith('· for 20m'))).toBe(true);
    expect(controlsOf(reply).map((c) => c.disabled ?? false)).toEqual([false, false, true, true]);

    reply = await click(h, reply, 'prev');
    expect(reply.embeds[0]!.footer!.text).toBe('Page 999/1000 · 10000 switches');
    expect(timeOf(lines(reply)[9]!)).toBe(Math.floor(switchTimes[Switches - 11]! / 1000) * 1000);
    expect(lines(reply)[9]).toMatch(/· for 20m$/);

    const requests = switchPageRequests(h);
    reply = await click(h, reply, 'first');
    expect(switchPageRequests(h)).toBe(requests); // everything is loaded: no PluralKit call
    expect(reply.embeds[0]!.footer!.text).toBe('Page 1/1000 · 10000 switches');
    expect(lines(reply)[0]).toMatch(/ongoing/);
  });
});
