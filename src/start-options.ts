import { parseArgs } from 'node:util';
import { ConfigError, type Config } from './config.js';

/** Which parts of the bot a process runs. */
export type Role = 'all' | 'gateway' | 'http';

/** The roles `--role` takes. */
export const Roles: readonly Role[] = ['all', 'gateway', 'http'];

/** What `npm start -- …` was asked for. */
export interface StartOptions {
  /**
   * `http`: only the interaction webhooks on `INTERACTIONS_PORT`, no gateway connection at all; `gateway`: only
   * the gateway (DMs for linking, and interactions while no Interactions Endpoint URL is set), with the
   * DirectMessages intent alone; `all`: both (the webhooks only when `INTERACTIONS_PORT` is set).
   * @defaultValue 'all'
   */
  readonly role: Role;
}

/** Raised for command-line arguments `npm start` does not take; the message says what it does take. */
export class StartOptionsError extends Error {
  override readonly name = 'StartOptionsError';
}

/** Parses `npm start` arguments (`process.argv.slice(2)`). @throws {StartOptionsError} */
export function parseStartOptions(argv: readonly string[]): StartOptions {
  let values: { role?: string | undefined };
  try {
    ({ values } = parseArgs({ args: [...argv], options: { role: { type: 'string' } }, strict: true }));
  } catch (error) {
    throw new StartOptionsError(`${(error as Error).message}. Usage: npm start -- [--role ${Roles.join('|')}]`);
  }
  const role = values.role ?? 'all';
  if (!(Roles as readonly string[]).includes(role)) {
    throw new StartOptionsError(`--role must be one of ${Roles.join(', ')} (got "${role}")`);
  }
  return { role: role as Role };
}

/**
 * What the chosen role needs: `--role http` serves interaction webhooks, so it needs their port and the public
 * key that signs them; any process serving webhooks needs the key.
 * @throws {ConfigError} naming each missing variable.
 */
export function assertRoleConfig(config: Config, role: Role): void {
  const problems: string[] = [];
  if (role === 'http' && config.interactionsPort === undefined) {
    problems.push('INTERACTIONS_PORT: required with --role http (the port Discord posts interactions to)');
  }
  const serves = role !== 'gateway' && (role === 'http' || config.interactionsPort !== undefined);
  if (serves && config.discordPublicKey === undefined) {
    problems.push("DISCORD_PUBLIC_KEY: required to check Discord's signature on interaction webhooks");
  }
  if (problems.length > 0) throw new ConfigError(problems);
}
