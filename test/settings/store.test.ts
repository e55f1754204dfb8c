import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UserFacingError } from '../../src/errors.js';
import { SettingsStore } from '../../src/settings/store.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';

const Channel = z.object({ channelId: z.string() });

describe('SettingsStore', () => {
  let redis: PrivateRedis | undefined;
  afterEach(async () => {
    await redis?.stop();
    redis = undefined;
  });

  it('keeps a value, reads it back checked, and forgets it', async () => {
    const settings = await SettingsStore.memory();
    await settings.set('announce:1', { channelId: '42' });
    expect(await settings.get('announce:1', Channel)).toEqual({ channelId: '42' });
    expect(await settings.delete('announce:1')).toBe(true);
    expect(await settings.get('announce:1', Channel)).toBeUndefined();
  });

  it('treats a value of another shape as absent instead of throwing', async () => {
    const settings = await SettingsStore.memory();
    await settings.set('announce:1', { channel: 42 });
    expect(await settings.get('announce:1', Channel)).toBeUndefined();
  });

  it('says storage is unavailable, in words a user can read, when the store is gone', async () => {
    redis = await startPrivateRedis();
    const settings = await SettingsStore.open(redis.url);
    await settings.set('remind:1', { channelId: '1' });
    await redis.kill();
    const failure = await settings.get('remind:1', Channel).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UserFacingError);
    expect((failure as UserFacingError).identifier).toBe('SettingsUnavailable');
    expect(await settings.reachable()).toBe(false);
    await settings.close();
  });
});
