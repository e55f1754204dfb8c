import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPluralKitStandIn, type PluralKitStandIn } from './index.js';
import { call } from './test-client.js';

type Listed = { id: string; members: string[] };

describe('switch member order: GET /switches has none, /fronters keeps the logged one', () => {
  let pk: PluralKitStandIn;
  let stored: PluralKitStandIn;
  let logged: string[];
  const list = async (on: PluralKitStandIn): Promise<Listed> =>
    (await call(on.url, '/systems/@me/switches?limit=1', { auth: on.sample.own.token })).json[0];

  beforeAll(async () => {
    [pk, stored] = await Promise.all([
      startPluralKitStandIn({ rateLimit: { mode: 'off' } }),
      startPluralKitStandIn({ rateLimit: { mode: 'off' }, switchMemberOrder: 'stored' }),
    ]);
    logged = pk.sample.own.memberIds.slice(0, 4);
    for (const on of [pk, stored]) {
      const created = await call(on.url, '/systems/@me/switches', {
        method: 'POST',
        auth: on.sample.own.token,
        body: { members: logged },
      });
      expect(created.status).toBe(200);
    }
  });
  afterAll(async () => {
    await Promise.all([pk.close(), stored.close()]);
  });

  it('lists the same members, never in the logged order, and not in one fixed order', async () => {
    const reads = await Promise.all(Array.from({ length: 6 }, () => list(pk)));
    for (const read of reads) {
      expect([...read.members].sort()).toEqual([...logged].sort());
      expect(read.members).not.toEqual(logged);
    }
    expect(new Set(reads.map((read) => read.members.join())).size).toBeGreaterThan(1);
  });

  it('keeps the logged order in /fronters and the single-switch route', async () => {
    const auth = pk.sample.own.token;
    const { id } = await list(pk);
    const fronters = await call(pk.url, '/systems/@me/fronters', { auth });
    const single = await call(pk.url, `/systems/@me/switches/${id}`, { auth });
    for (const body of [fronters.json, single.json])
      expect(body.members.map((m: { id: string }) => m.id)).toEqual(logged);
  });

  it('gives the same orders for the same seed and reads, and the logged order when asked to', async () => {
    const again = await startPluralKitStandIn({ rateLimit: { mode: 'off' } });
    try {
      await call(again.url, '/systems/@me/switches', {
        method: 'POST',
        auth: again.sample.own.token,
        body: { members: logged },
      });
      const fresh = await startPluralKitStandIn({ rateLimit: { mode: 'off' } });
      await call(fresh.url, '/systems/@me/switches', {
        method: 'POST',
        auth: fresh.sample.own.token,
        body: { members: logged },
      });
      expect((await list(again)).members).toEqual((await list(fresh)).members);
      await fresh.close();
    } finally {
      await again.close();
    }
    expect((await list(stored)).members).toEqual(logged);
  });
});
