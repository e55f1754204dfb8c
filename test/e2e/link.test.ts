import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

describe('linking a PluralKit token', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    h.assertNoTokenLeaked();
    await h.close();
  });

  it('opens a private form, checks the token with PluralKit and names the linked system', async () => {
    const { alice } = h.discord.users;
    const shown = h.command('link');
    const first = await shown.firstResponse();
    expect(first.type).toBe(9);
    expect(shown.modal?.title).toBe('Link your PluralKit system');

    const modalId = shown.modal!.custom_id;
    const submitted = h.dispatch(h.discord.modalSubmit(modalId, { token: h.pk.sample.own.token }));
    const reply = await submitted.reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain(`(\`${h.pk.sample.own.systemId}\`)`);
    expect(await h.bot.vault.has(alice.id)).toBe(true);
  });
});
