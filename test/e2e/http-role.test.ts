/**
 * `npm start -- --role http` as a real process: with only the usual required variables plus DISCORD_PUBLIC_KEY
 * and INTERACTIONS_PORT, it answers Discord's signed PING (what the Developer Portal sends when the Interactions
 * Endpoint URL is saved) and never opens a gateway connection.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { pingEndpoint, startDiscordStandIn, type DiscordStandIn } from '../../stand-ins/discord/index.js';
import { rememberSecret } from '../../stand-ins/secret-ledger.js';
import { startTypeScriptEntry, type Child } from './child-process.js';

describe('--role http (real entry point)', () => {
  let discord: DiscordStandIn;
  let child: Child | undefined;

  afterEach(async () => {
    if (child !== undefined && child.process.exitCode === null) child.process.kill('SIGKILL');
    await discord.close();
  });

  const start = (env: Record<string, string>, args: string[]): Child => {
    const key = randomBytes(32).toString('base64');
    rememberSecret(key);
    return startTypeScriptEntry(
      'src/main.ts',
      {
        DISCORD_TOKEN: discord.botToken,
        DISCORD_API_URL: discord.apiBase,
        TOKEN_ENCRYPTION_KEY: key,
        ...(process.env.LOG_COPY_DIR === undefined ? {} : { LOG_COPY_DIR: process.env.LOG_COPY_DIR }),
        ...env,
      },
      args,
    );
  };

  it('answers a signed PING with PONG and opens no gateway connection', async () => {
    discord = await startDiscordStandIn();
    child = start({ DISCORD_PUBLIC_KEY: discord.signer.publicKey, INTERACTIONS_PORT: '0' }, ['--role', 'http']);
    const line = await child.waitForLine(/listening for interaction webhooks/);
    const port = (JSON.parse(line) as { port: number }).port;
    const pong = await pingEndpoint(`http://127.0.0.1:${port}/interactions`, discord.signer);
    expect(pong).toEqual({ status: 200, body: { type: 1 } });
    // Not a gateway URL asked for, not one IDENTIFY: nothing at all went to Discord.
    expect(discord.requests).toEqual([]);
    expect(discord.gateway.identifyCount).toBe(0);
    child.process.kill('SIGTERM');
    expect(await child.exited).toBe(0);
  });
});
