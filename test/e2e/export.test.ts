import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionHandle, MessageState } from '../../stand-ins/discord/index.js';
import { startHarness, type Harness } from './harness.js';

const HOUR = 3_600_000;
const names = {
  a: 'Ren, the Brave',
  b: '=cmd',
  c: '桜の花びらがひらひらと舞い落ちる春の日の午後に 🌸🏳️‍🌈',
} as const;
type Key = keyof typeof names;

/** Every two hours for 500 hours: [a], then [a, b], then [c], over and over; the latest is [a], an hour ago. */
const cycle: Key[][] = [['a'], ['a', 'b'], ['c']];
const switchCount = 250;

/** What the file must hold, counted straight from the seeded list: runs of consecutive switches per member. */
function expectedStretches(): Record<Key, number> {
  const counts: Record<Key, number> = { a: 0, b: 0, c: 0 };
  for (let i = 0; i < switchCount; i++) {
    for (const key of cycle[i % 3]!) if (i === 0 || !cycle[(i - 1) % 3]!.includes(key)) counts[key]++;
  }
  return counts;
}

/** The answer that replaced the progress line (the first visible reply is "Loading switches…"). */
async function finalReply(handle: InteractionHandle): Promise<MessageState> {
  const record = await handle.waitFor((r) => r.original !== undefined && !r.original.content.startsWith('Loading'));
  return structuredClone(record.original!);
}

/** The file the final answer attached, as the stand-in received it. */
function attachedFile(h: Harness, handle: InteractionHandle): { filename: string; text: string } {
  const upload = h.discord.requests.filter((r) => r.path.includes(handle.token) && r.files.length > 0).at(-1);
  expect(upload, 'a request carrying the file').toBeDefined();
  const file = upload!.files[0]!;
  return { filename: file.filename, text: file.data.toString('utf8') };
}

/** The progress lines the bot edited into the reply, in order. */
function progressEdits(h: Harness, handle: InteractionHandle): string[] {
  return h.discord.requests
    .filter((r) => r.method === 'PATCH' && r.path.includes(handle.token))
    .map((r) => (r.body as { content?: string } | undefined)?.content ?? '')
    .filter((content) => content.startsWith('Loading switches…'));
}

describe('/export', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    const { state } = h.pk;
    const system = state.addSystem({ name: 'Export Test' });
    const members = {
      a: state.addMember(system, { name: names.a }),
      b: state.addMember(system, { name: names.b }),
      c: state.addMember(system, { name: names.c }),
    };
    const now = Date.now();
    for (let i = 0; i < switchCount; i++) {
      const at = now - HOUR - (switchCount - 1 - i) * 2 * HOUR;
      state.addSwitch(
        system,
        cycle[i % 3]!.map((key) => members[key].uuid),
        at,
      );
    }
    await h.link(h.discord.users.alice, system.token);
  });
  afterAll(() => h.finish());

  it('attaches an iCalendar file of every fronting stretch to a private reply, editing a progress line while pages load', async () => {
    const handle = h.command('export', { format: 'ics' });
    const reply = await finalReply(handle);
    expect(reply.ephemeral).toBe(true);
    expect(reply.attachments).toHaveLength(1);
    const expected = expectedStretches();
    const total = expected.a + expected.b + expected.c;
    expect(reply.content).toMatch(
      new RegExp(
        `^Front history of \\*\\*Export Test\\*\\*, <t:\\d+:f> to <t:\\d+:f>: ${total} fronting stretches, as iCalendar`,
      ),
    );
    expect(reply.content).toContain('A stretch still going on has an event that ends at the export time');

    const { filename, text } = attachedFile(h, handle);
    expect(filename).toMatch(/^front-history-[a-z]{5,6}-\d{4}-\d{2}-\d{2}\.ics$/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const unfolded = text.replace(/\r\n /g, '');
    const summaries = [...unfolded.matchAll(/^SUMMARY:(.*)$/gm)].map((m) => m[1]!.trimEnd());
    expect(summaries.filter((s) => s === 'Ren\\, the Brave')).toHaveLength(expected.a);
    expect(summaries.filter((s) => s === names.b)).toHaveLength(expected.b);
    expect(summaries.filter((s) => s === names.c)).toHaveLength(expected.c);
    expect(summaries).toHaveLength(total);
    // Ren fronts in the latest switch, so the last event is theirs and still going on.
    expect(unfolded).toMatch(
      /SUMMARY:Ren\\, the Brave\r\nDESCRIPTION:Still fronting when this was exported\.\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n$/,
    );

    // 250 switches are three PluralKit pages; the line was edited with a count below the total, so
    // before loading was done, and never more than once a page.
    const edits = progressEdits(h, handle);
    expect(edits[0]).toBe('Loading switches… 100 so far');
    expect(edits.length).toBeLessThanOrEqual(3);
  });

  it('writes CSV by default, with the formula guard on a name that starts with =', async () => {
    const handle = h.command('export', { range: 'all' });
    const reply = await finalReply(handle);
    expect(reply.ephemeral).toBe(true);
    const { filename, text } = attachedFile(h, handle);
    expect(filename).toMatch(/\.csv$/);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('member_id,member_uuid,member_name,start_utc,end_utc,duration_seconds,ongoing');
    expect(lines.filter((line) => line.includes(`,"'=cmd",`))).toHaveLength(expectedStretches().b);
    expect(lines.at(-2)).toMatch(/,"Ren, the Brave",\d{4}-\d\d-\d\dT[\d:.]+Z,,\d+,true$/);
  });

  it("exports another system's public history as JSON, with hidden members as ids", async () => {
    const { other } = h.pk.sample;
    const handle = h.command('export', { format: 'json', range: 'all', system: other.systemId });
    const reply = await finalReply(handle);
    expect(reply.ephemeral).toBe(true);
    const parsed = JSON.parse(attachedFile(h, handle).text) as {
      system: { id: string };
      stretches: { member: { id: string; uuid: string | null; name: string } }[];
    };
    expect(parsed.system.id).toBe(other.systemId);
    expect(parsed.stretches.length).toBeGreaterThan(0);
    const hidden = parsed.stretches.filter((s) => other.privateMemberIds.includes(s.member.id));
    expect(hidden.length).toBeGreaterThan(0);
    for (const stretch of hidden)
      expect(stretch.member).toEqual({ id: stretch.member.id, uuid: null, name: stretch.member.id });
  });

  it('explains a bad range privately before loading anything', async () => {
    const reply = await finalReply(h.command('export', { range: 'forever and a day' }));
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/^I couldn't use that range: /);
    expect(reply.attachments).toEqual([]);
  });
});
