import { parseArgs, type ParseArgsConfig } from 'node:util';

/** How many shards `npm start` runs: Discord's recommendation (`auto`) or a fixed count. */
export type ShardCount = 'auto' | number;

/** What `npm start -- …` was asked for. Absent options keep today's single-process bot. */
export interface StartOptions {
  /** `--shards auto|N`: run discord.js's ShardingManager with this many shard processes; undefined: no manager. */
  shards: ShardCount | undefined;
}

/** A command-line mistake: main prints the message and exits with {@link StartOptionsError.exitCode}. */
export class StartOptionsError extends Error {
  /** The conventional exit code for a usage error. */
  readonly exitCode = 2;
}

/** The usage line every error ends with. */
export const StartUsage = 'usage: npm start -- [--shards auto|N]';

// One entry per option; a new option adds a line here and a field in StartOptions.
const optionTable = {
  shards: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

function parseShards(value: string | undefined): ShardCount | undefined {
  if (value === undefined) return undefined;
  if (value === 'auto') return 'auto';
  if (!/^[1-9]\d*$/.test(value) || !Number.isSafeInteger(Number(value)))
    throw new StartOptionsError(`--shards must be "auto" or a whole number of 1 or more, not "${value}".`);
  return Number(value);
}

/** Reads `npm start`'s own arguments (`process.argv.slice(2)`); throws {@link StartOptionsError} on a bad one. */
export function parseStartOptions(argv: readonly string[]): StartOptions {
  let values: { shards?: string | undefined };
  try {
    ({ values } = parseArgs({ args: [...argv], options: optionTable, strict: true, allowPositionals: false }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartOptionsError(`${reason}\n${StartUsage}`);
  }
  return { shards: parseShards(values.shards) };
}
