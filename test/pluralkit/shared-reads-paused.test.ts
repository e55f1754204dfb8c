/**
 * A public read while the shared Redis is paused (`CLIENT PAUSE`: connected, but every command waits) is
 * answered at once by the process itself, as without Redis, with one warning for the outage.
 */
import { describe, expect, it } from 'vitest';
import { PluralKitClient } from '../../src/pluralkit/index.js';
import { connectSharedRedis } from '../../src/redis/connection.js';
import { sharePluralKitCache } from '../../src/redis/pluralkit-sharing.js';
import { captureLog } from '../vault/capture-log.js';
import { startPrivateRedis } from '../support/private-redis.js';
import { onCleanup, setup } from './helpers.js';

describe('public reads with the shared Redis paused', () => {
  it('are fetched by the process itself, not held until Redis answers', async () => {
    const redisServer = await startPrivateRedis();
    onCleanup(() => redisServer.stop());
    const { pk } = await setup();
    const { log, lines } = captureLog();
    const redis = connectSharedRedis(redisServer.url, log);
    const sharing = sharePluralKitCache(redis, log, { waitMs: 60_000 });
    onCleanup(async () => {
      await sharing.close();
      redis.destroy();
    });
    const client = new PluralKitClient({ baseUrl: pk.url, ratePerSecond: 100 }, { shared: sharing.shared });
    onCleanup(() => client.close());
    const other = pk.sample.other;
    await client.getSystem(other.systemId);

    // Longer than the test may run: a read that waited for Redis would fail it. The server is killed after.
    await redisServer.command('CLIENT PAUSE 60000 ALL');
    const [members, groups] = await Promise.all([client.getMembers(other.systemId), client.getGroups(other.systemId)]);

    expect(members.map((member) => member.id)).toContain(other.memberIds[0]);
    expect(groups.length).toBeGreaterThan(0);
    const warnings = lines.filter((line) => line.includes('public reads are shared within this process only'));
    expect(warnings).toHaveLength(1);
  });
});
