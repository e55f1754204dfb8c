import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

/** The parts of a `pg.Client` the tests use (`pg` ships no types). */
export interface PgClient {
  connect(): Promise<void>;
  query(sql: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  end(): Promise<void>;
}
const pg = createRequire(import.meta.url)('pg') as { Client: new (config: Record<string, unknown>) => PgClient };

/** The test Postgres (`TEST_DATABASE_URL`, or this machine's default test database). */
export const TestDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A database of one test suite's own on the test server: its connections are the suite's alone to terminate. */
export interface PrivateDatabase {
  readonly url: string;
  /** Runs one statement on a connection of its own (not one of the bot's) and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<Row[]>;
  /** A connection of its own, held open (for a transaction that keeps a lock). */
  connect(): Promise<PgClient>;
  /** Drops the database, ending whatever is still connected to it. */
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function once<T>(url: string, run: (client: PgClient) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database named after a random id on the test server. */
export async function createPrivateDatabase(): Promise<PrivateDatabase> {
  const name = `pkc_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await once(TestDatabaseUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = withDatabase(TestDatabaseUrl, name);
  return {
    url,
    query: <Row>(sql: string, values?: unknown[]) =>
      once(url, async (client) => (await client.query(sql, values)).rows as Row[]),
    async connect() {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
      await client.connect();
      return client;
    },
    drop: () =>
      once(TestDatabaseUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
