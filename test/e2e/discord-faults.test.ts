import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

describe('when Discord itself fails a request', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ restRetries: 1 });
    await h.link(h.discord.users.alice, h.pk.sample.own.token);
  });
  afterAll(() => h.finish());

  it("tells the user it is Discord's trouble, and logs a warning with the route, not the body or the token", async () => {
    // Both attempts (one retry) of the card's callback fail; the error answer after them goes through.
    h.discord.faults.serverError('interactionCallback', { status: 503, times: 2 });
    const handle = h.command('member', { member: 'Ash' });
    const reply = await handle.reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe(
      'Discord is having trouble right now (it failed to take my answer). Please try again in a minute.',
    );
    expect(reply.content).not.toMatch(/error id/);

    const failed = h.logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.msg === 'interaction failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      level: 40,
      err: { status: 503, method: 'POST', route: '/interactions/:id/:token/callback' },
    });
    expect(failed[0]).not.toHaveProperty('errorId');
    const logged = JSON.stringify(failed[0]);
    expect(logged).not.toContain(handle.token);
    expect(logged).not.toContain(handle.token.slice(0, 12));
    // The card's body (Ash's proxy tags and description) stays out of the log.
    expect(logged).not.toContain('a:');
    expect(logged).not.toContain('requestBody');
  });
});
