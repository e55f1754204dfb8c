import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createStore } from '../../src/vault/index.js';
import { describeVaultContract } from './vault-contract.js';

const sqliteDir = mkdtempSync(join(tmpdir(), 'pk-vault-'));
afterAll(() => rmSync(sqliteDir, { recursive: true, force: true }));

const quiet = { connectTimeoutMs: 2_000 };

describeVaultContract('memory', (namespace) => createStore('memory:', { namespace }), { singleConnection: true });
describeVaultContract('sqlite', (namespace) =>
  createStore(`sqlite://${join(sqliteDir, 'nested', 'vault.sqlite')}`, { namespace, ...quiet }),
);
describeVaultContract('redis', (namespace) => createStore(process.env.TEST_REDIS_URL ?? '', { namespace, ...quiet }), {
  skip: !process.env.TEST_REDIS_URL,
});
describeVaultContract(
  'postgres',
  (namespace) => createStore(process.env.TEST_DATABASE_URL ?? '', { namespace, ...quiet }),
  {
    skip: !process.env.TEST_DATABASE_URL,
  },
);
