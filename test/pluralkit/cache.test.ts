import { describe, expect, it } from 'vitest';
import { setup } from './helpers.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('PluralKit client cache', () => {
  it('serves a repeated GET from the cache until the TTL runs out, and `fresh` skips it', async () => {
    const { pk, client } = await setup(undefined, { cacheTtlMs: 150 });
    const ref = pk.sample.other.systemId;
    await client.getSystem(ref);
    await client.getSystem(ref);
    expect(pk.stats.requests).toBe(1);
    expect(client.stats.cacheHits).toBe(1);

    await client.getSystem(ref, { fresh: true });
    expect(pk.stats.requests).toBe(2);

    await sleep(200);
    await client.getSystem(ref);
    expect(pk.stats.requests).toBe(3);
  });

  it('makes ONE upstream request for 50 concurrent identical GETs', async () => {
    const { pk, client } = await setup(undefined, { cacheTtlMs: 0 });
    pk.setLatency(30);
    const token = pk.sample.own.token;
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => client.getMembers('@me', { token, fresh: true })),
    );
    expect(pk.stats.requests).toBe(1);
    expect(client.stats).toMatchObject({ upstreamRequests: 1, dedupedRequests: 49 });
    expect(new Set(answers.map((members) => members.length))).toEqual(new Set([pk.sample.own.memberIds.length]));
  });

  it('keeps the owner view and the public view apart', async () => {
    const { pk, client } = await setup();
    const own = pk.sample.own;
    const asOwner = await client.getMembers(own.systemId, { token: own.token });
    const asPublic = await client.getMembers(own.systemId);
    expect(pk.stats.requests).toBe(2);
    expect(asOwner.map((m) => m.id)).toContain(own.privateMemberId);
    expect(asPublic.map((m) => m.id)).not.toContain(own.privateMemberId);
  });

  it('drops a system’s cached answers after a write through the client, whichever ref they were read by', async () => {
    const { pk, client } = await setup();
    const own = pk.sample.own;
    const o = { token: own.token };
    await client.getOwnSystem(own.token);
    const before = await client.getFronters('@me', o);
    const publicBefore = await client.getFronters(own.systemId);
    expect(publicBefore?.id).toBe(before?.id);

    const created = await client.createSwitch('@me', { members: [own.memberIds[5]!] }, o);
    expect((await client.getFronters('@me', o))?.id).toBe(created.id);
    expect((await client.getFronters(own.systemId))?.id).toBe(created.id);
  });

  it('invalidateSystem drops every viewer’s entries for that system and no other', async () => {
    const { pk, client } = await setup();
    const { own, other } = pk.sample;
    await client.getOwnSystem(own.token);
    await client.getMembers('@me', { token: own.token });
    await client.getSystem(own.systemUuid);
    await client.getSystem(other.systemId);
    pk.stats.reset();

    client.invalidateSystem(own.systemId);
    await client.getMembers('@me', { token: own.token });
    await client.getSystem(own.systemUuid);
    await client.getSystem(other.systemId);
    expect(pk.requests.map((r) => r.path)).toEqual([`/v2/systems/@me/members`, `/v2/systems/${own.systemUuid}`]);
  });
});
