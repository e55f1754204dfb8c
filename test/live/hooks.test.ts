import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LiveHooks } from '../../src/live/hooks.js';
import { SettingsStore } from '../../src/settings/store.js';
import { Keyring, TokenVault } from '../../src/vault/index.js';

const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

async function hooksWorld(publicUrl?: string) {
  const vault = await TokenVault.open({ keyring: new Keyring(randomBytes(32)), storeUrl: 'memory:' });
  const settings = await SettingsStore.memory();
  closing.push(
    () => vault.close(),
    () => settings.close(),
  );
  return { hooks: new LiveHooks(settings, vault, publicUrl), settings };
}

const system = { id: 'abcde', uuid: '0b7a1c1e-3a4b-4c5d-8e9f-0a1b2c3d4e5f' };
const signing = 'S'.repeat(40) + 'x'.repeat(24);

describe('LiveHooks', () => {
  it('makes an unguessable 128-bit id per setup and the URL under PUBLIC_URL', async () => {
    const { hooks } = await hooksWorld('https://bot.example.org');
    const first = await hooks.prepare('1', system);
    const second = await hooks.prepare('1', system);
    expect(first.id).toMatch(/^[\w-]{22}$/);
    expect(Buffer.from(first.id, 'base64url')).toHaveLength(16);
    expect(second.id).not.toBe(first.id);
    expect(await hooks.byId(first.id)).toBeUndefined();
    expect(hooks.urlOf(second.id)).toBe(`https://bot.example.org/pluralkit/dispatch/${second.id}`);
  });

  it('keeps the signing token sealed, and it verifies only that token', async () => {
    const { hooks, settings } = await hooksWorld();
    const hook = await hooks.prepare('1', system);
    expect(hooks.verify(hook, signing)).toBe(false);
    const saved = (await hooks.saveSigningToken('1', signing))!;
    const stored = await settings.get(`live:hook:${hook.id}`, z.unknown());
    expect(JSON.stringify(stored)).not.toContain(signing);
    expect(hooks.verify(saved, signing)).toBe(true);
    expect(hooks.verify(saved, signing.slice(0, -1) + 'y')).toBe(false);
    expect(hooks.verify(saved, '')).toBe(false);
  });

  it('a sealed token copied to another hook does not open there', async () => {
    const { hooks } = await hooksWorld();
    await hooks.prepare('1', system);
    const mine = (await hooks.saveSigningToken('1', signing))!;
    const other = await hooks.prepare('2', system);
    expect(hooks.verify({ ...other, signing: mine.signing }, signing)).toBe(false);
  });

  it('forgets the hook on off, so its id no longer resolves', async () => {
    const { hooks } = await hooksWorld();
    const hook = await hooks.prepare('1', system);
    expect(await hooks.forget('1')).toBe(true);
    expect(await hooks.byId(hook.id)).toBeUndefined();
    expect(await hooks.forUser('1')).toBeUndefined();
    expect(await hooks.forget('1')).toBe(false);
  });
});
