import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, type Config } from './config.js';

/** How many shards `npm start` runs: Discord's recommendation (`auto`) or a fixed count. */
export type ShardCount = 'auto' | number;

/** Which parts of the bot a process runs. */
export type Role = 'all' | 'gateway' | 'http';

/** The roles `--role` takes. */
export const Roles: readonly Role[] = ['all', 'gateway', 'http'];

/** What `npm start -- …` was asked for. Absent options keep the single-process bot on the gateway. */
export interface StartOptions {
  /** `--shards auto|N`: run discord.js's ShardingManager with this many shard processes; undefined: no manager. */
  readonly shards: ShardCount | undefined;
  /**
   * `http`: only the interaction webhooks on `INTERACTIONS_PORT`, no gateway connection at all; `gateway`: only
   * the gateway (DMs for linking, and interactions while no Interactions Endpoint URL is set); `all`: both (the
   * webhooks only when `INTERACTIONS_PORT` is set).
   * @defaultValue 'all'
   */
  readonly role: Role;
}

/** A command-line mistake: main prints the message and exits with {@link StartOptionsError.exitCode}. */
export class StartOptionsError extends Error {
  override readonly name = 'StartOptionsError';
  /** The conventional exit code for a usage error. */
  readonly exitCode = 2;
}

/** The usage line every error ends with. */
export const StartUsage = `usage: npm start -- [--shards auto|N] [--role ${Roles.join('|')}]`;

// One entry per option; a new option adds a line here and a field in StartOptions.
const optionTable = {
  shards: { type: 'string' },
  role: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

function parseShards(value: string | undefined): ShardCount | undefined {
  if (value === undefined) return undefined;
  if (value === 'auto') return 'auto';
  if (!/^[1-9]\d*$/.test(value) || !Number.isSafeInteger(Number(value)))
    throw new StartOptionsError(
      `--shards must be "auto" or a whole number of 1 or more, not "${value}".\n${StartUsage}`,
    );
  return Number(value);
}

function parseRole(value: string | undefined): Role {
  const role = value ?? 'all';
  if (!(Roles as readonly string[]).includes(role))
    throw new StartOptionsError(`--role must be one of ${Roles.join(', ')}, not "${role}".\n${StartUsage}`);
  return role as Role;
}

/** Reads `npm start`'s own arguments (`process.argv.slice(2)`); throws {@link StartOptionsError} on a bad one. */
export function parseStartOptions(argv: readonly string[]): StartOptions {
  let values: { shards?: string | undefined; role?: string | undefined };
  try {
    ({ values } = parseArgs({ args: [...argv], options: optionTable, strict: true, allowPositionals: false }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartOptionsError(`${reason}\n${StartUsage}`);
  }
  const options = { shards: parseShards(values.shards), role: parseRole(values.role) };
  if (options.shards !== undefined && options.role === 'http')
    throw new StartOptionsError(`--shards splits the gateway, and --role http opens none.\n${StartUsage}`);
  return options;
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
