import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'stand-ins/**/*.test.ts'],
    // End-to-end tests start real servers and a real discord.js client; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', './test/summary-reporter.ts'],
    // Every log line of the run is copied and scanned for secrets once the last test is done.
    globalSetup: ['./test/log-scan/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
  },
});
