import { describe, expect, it } from 'vitest';
import { parseStartOptions, StartOptionsError } from '../src/start-options.js';

function failure(argv: string[]): StartOptionsError {
  try {
    parseStartOptions(argv);
  } catch (error) {
    if (error instanceof StartOptionsError) return error;
    throw error;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
}

describe('npm start options', () => {
  it('runs one process when nothing is asked for', () => {
    expect(parseStartOptions([])).toEqual({ shards: undefined, role: 'all' });
  });

  it('takes --shards auto or a count, in both spellings', () => {
    expect(parseStartOptions(['--shards', 'auto']).shards).toBe('auto');
    expect(parseStartOptions(['--shards', '3']).shards).toBe(3);
    expect(parseStartOptions(['--shards=12']).shards).toBe(12);
  });

  it.each([['0'], ['-1'], ['1.5'], ['two'], ['03'], [''], ['99999999999999999999']])(
    'refuses --shards %j with what it takes, as a usage error (exit 2)',
    (value) => {
      const error = failure([`--shards=${value}`]);
      expect(error.message).toContain('--shards must be "auto" or a whole number of 1 or more');
      expect(error.exitCode).toBe(2);
    },
  );

  it('names an unknown option, a missing value and a stray argument, with the usage', () => {
    expect(failure(['--shard', '2']).message).toMatch(/Unknown option '--shard'[\s\S]*usage: npm start/);
    expect(failure(['--shards']).message).toMatch(/--shards[\s\S]*argument missing[\s\S]*usage/);
    expect(failure(['2']).message).toMatch(/Unexpected argument '2'[\s\S]*usage/);
  });

  it('refuses --shards with --role http, which opens no gateway to split', () => {
    expect(failure(['--shards', '2', '--role', 'http']).message).toContain('--role http opens none');
  });
});
