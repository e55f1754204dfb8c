import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

describe('/timeline', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.link(h.discord.users.alice, h.pk.sample.own.token);
  });
  afterAll(() => h.finish());

  it('answers with a PNG of the last 7 days in the system time zone, privately', async () => {
    const reply = await h.command('timeline').reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.attachments).toHaveLength(1);
    const [file] = reply.attachments;
    expect(file).toMatchObject({ filename: 'timeline.png', content_type: 'image/png' });
    expect(file!.size).toBeGreaterThan(2000);
    const [embed] = reply.embeds;
    expect(embed?.title).toBe('Front timeline of The Lantern Collective 🏮');
    expect(embed?.image?.url).toBe('attachment://timeline.png');
    expect(embed?.description).toMatch(
      /^\w{3} \d+ \w{3} – \w{3} \d+ \w{3} \(7 days\), times in Europe\/Berlin\.\n\n1\. \*\*/,
    );
  });

  it("shows another system's hidden members as ids, as /switches does", async () => {
    const { other } = h.pk.sample;
    const reply = await h.command('timeline', { system: other.systemId, range: '30d' }).reply();
    expect(reply.attachments.map((a) => a.filename)).toEqual(['timeline.png']);
    const text = reply.embeds[0]?.description ?? '';
    expect(text).toContain('(30 days), times in UTC.');
    expect(text).toContain('**Vega**');
    expect(text).toContain(`\`${other.privateMemberIds[0]}\``);
    for (const hidden of ['Deneb', 'Deb', 'Sirius']) expect(text).not.toContain(hidden);
  });

  it('refuses more than 90 days and private front histories, privately', async () => {
    const long = await h.command('timeline', { range: '91d' }).reply();
    expect(long.ephemeral).toBe(true);
    expect(long.content).toBe("I couldn't use that range: a timeline shows at most 90 days; try `30d`.");
    expect(long.attachments).toEqual([]);
    const hidden = await h.command('timeline', { system: h.pk.sample.frontPrivate.systemId }).reply();
    expect(hidden.content).toBe('That system keeps its front history private.');
  });
});
