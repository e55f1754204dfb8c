import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemorySessionStore } from '../../src/discord/memory-sessions.js';
import type { InteractionHandle, MessageState } from '../../stand-ins/discord/index.js';
import { startHarness, type Harness } from './harness.js';
import { selectOf } from './profiles-helpers.js';

const Expired = /^This menu has expired\. Run `\/\w+` again\.$/;
const Invalid = /^That control isn't valid/;

/** Everything the user was shown for one interaction: the reply or update, then any follow-ups. */
async function answerOf(handle: InteractionHandle): Promise<string[]> {
  const record = await handle.waitFor(
    (r) => r.followUps.length > 0 || (r.original !== undefined && !r.original.loading && r.original.content !== ''),
  );
  return [record.original?.content ?? '', ...record.followUps.map((m) => m.content)].filter((text) => text !== '');
}

describe('forged and stale custom ids', () => {
  let h: Harness;
  let menu: MessageState;
  beforeAll(async () => {
    h = await startHarness();
    await h.link(h.discord.users.alice, h.pk.sample.own.token);
    menu = await h.command('members').reply();
  });
  afterAll(() => h.finish());

  const click = (customId: string) => h.dispatch(h.discord.forgeClick(customId, menu));

  it('answers a control with no session where its command needs one', async () => {
    for (const id of ['switch:confirm:-:', 'switches:next:-:1', 'frontstats:next:-:1', 'switch:move:-:']) {
      const answer = await answerOf(click(id));
      expect(answer, id).toHaveLength(1);
      expect(answer[0], id).toMatch(new RegExp(`${Expired.source}|${Invalid.source}`));
      expect(answer[0], id).not.toMatch(/error id/);
    }
  });

  it('says a form for a session that does not exist has expired, and answers one with no session', async () => {
    const answer = await answerOf(
      h.dispatch(h.discord.forgeModalSubmit('switch:move:nosuchsess0:', { time: '10 minutes ago' })),
    );
    expect(answer).toEqual(['This menu has expired. Run `/switch` again.']);
    const fromMenu = await answerOf(
      h.dispatch(h.discord.forgeModalSubmit('switch:move:nosuchsess0:', { time: 'now' }, undefined, menu)),
    );
    expect(fromMenu).toEqual(['This menu has expired. Run `/switch` again.']);
    const sessionless = await answerOf(
      h.dispatch(h.discord.forgeModalSubmit('switch:move:-:', { time: '10 minutes ago' })),
    );
    expect(sessionless[0]).toMatch(Invalid);
  });

  it("refuses a real session under another command's id instead of failing inside it", async () => {
    const session = selectOf(menu).custom_id.split(':')[2] ?? '';
    for (const id of [
      `switches:next:${session}:1`,
      `frontstats:next:${session}:1`,
      `switch:confirm:${session}:`,
      `group:next:${session}:1`,
    ]) {
      const answer = await answerOf(click(id));
      expect(answer, id).toHaveLength(1);
      expect(answer[0], id).toMatch(Invalid);
    }
  });

  it('says a menu pushed out of the full session store has expired, and keeps the store bounded', async () => {
    const pushedOut = await h.command('members').reply();
    const open = selectOf(pushedOut).custom_id;
    for (let i = 0; i < 10_000; i++) await h.bot.ctx.sessions.create('someone-else', { page: i });
    // Without REDIS_URL the bot's sessions are the bounded in-memory store.
    expect((h.bot.ctx.sessions as MemorySessionStore).size).toBe(10_000);
    const handle = h.dispatch(h.discord.select(open, [selectOf(pushedOut).options[0]?.value ?? 'x'], pushedOut));
    const record = await handle.waitFor((r) => r.followUps.length > 0);
    expect(record.followUps[0]?.content).toBe('This menu has expired. Run `/members` again.');
  });

  it('answers ids that are not ours at all', async () => {
    for (const id of ['nonsense', 'nosuchcommand:next:-:1', 'members::-:']) {
      const answer = await answerOf(click(id));
      expect(answer[0], id).toMatch(Invalid);
    }
    expect(h.logs.filter((line) => line.includes('"level":50'))).toEqual([]);
  });
});
