/**
 * The bot's Postgres connections terminated while `/link` is in flight (what a Postgres restart or failover does),
 * in a database of this suite's own so no other suite's connections are hit. What a user notices: a clear answer,
 * never an internal error; the store holds a whole record or none; and linking again works.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UserErrorMessages } from '../../src/errors.js';
import { createPrivateDatabase, type PrivateDatabase } from '../support/private-postgres.js';
import { startHarness, type Harness } from './harness.js';

const TerminateOthers =
  'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()';

describe('Postgres backend terminated mid-/link', () => {
  let h: Harness;
  let database: PrivateDatabase;
  beforeAll(async () => {
    database = await createPrivateDatabase();
    h = await startHarness({ storeUrl: database.url });
  }, 60_000);
  afterAll(async () => {
    await h.finish();
    await database.drop();
  });

  const submit = (token: string) => {
    const shown = h.command('link');
    return shown.firstResponse().then(() => h.dispatch(h.discord.modalSubmit(shown.modal!.custom_id, { token })));
  };
  const expectLinked = (content: string) => {
    expect(content).toMatch(/^✅ Linked/);
    expect(content).toContain(`(\`${h.pk.sample.own.systemId}\`)`);
  };
  const bounded = { timeout: 30_000, interval: 20 };

  it('links anyway when the connections die while PluralKit checks the token, and the record is whole', async () => {
    const { alice } = h.discord.users;
    h.pk.setLatency(1_500);
    const link = await submit(h.pk.sample.own.token);
    // The check is in flight once PluralKit has seen it (its answer is held back by the latency).
    await vi.waitFor(() => expect(h.pk.requests.some((r) => r.path === '/v2/systems/@me')).toBe(true), bounded);
    const killed = await database.query<{ pg_terminate_backend: boolean }>(TerminateOthers);
    expect(killed.filter((row) => row.pg_terminate_backend).length).toBeGreaterThan(0);
    h.pk.setLatency(0);
    const reply = await link.reply(30_000);
    expectLinked(reply.content);
    expect((await h.bot.vault.get(alice.id))?.token).toBe(h.pk.sample.own.token);
  }, 60_000);

  it('says the store is unreachable when its write is cut, keeps the earlier record whole, and a retry links', async () => {
    const { alice } = h.discord.users;
    const before = (await h.bot.vault.get(alice.id))!;
    // A second connection holds alice's row, so the bot's write waits inside Postgres, where it is terminated.
    const holder = await database.connect();
    await holder.query('BEGIN');
    const held = await holder.query('SELECT key FROM keyv WHERE key LIKE $1 FOR UPDATE', [`%${alice.id}%`]);
    expect(held.rows).toHaveLength(1);
    const link = await submit(h.pk.sample.own.token);
    const waiting = async (): Promise<number> =>
      (
        await holder.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'",
        )
      ).rows.length;
    await vi.waitFor(async () => expect(await waiting()).toBeGreaterThan(0), bounded);
    const reply = await link.reply(30_000);
    await holder.query('ROLLBACK');
    await holder.end();
    expect(reply.content).toBe(UserErrorMessages.StoreUnavailable());
    const after = (await h.bot.vault.get(alice.id))!;
    expect({ token: after.token, linkedAt: after.linkedAt }).toEqual({
      token: before.token,
      linkedAt: before.linkedAt,
    });

    const retry = await (await submit(h.pk.sample.own.token)).reply(30_000);
    expectLinked(retry.content);
    expect((await h.bot.vault.get(alice.id))!.linkedAt.getTime()).toBeGreaterThan(before.linkedAt.getTime());
  }, 60_000);
});
