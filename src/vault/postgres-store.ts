import { createRequire } from 'node:module';
import KeyvPostgres from '@keyv/postgres';

/** The parts of a `pg.Pool` this adapter uses (`pg` ships no types and `@types/pg` is not installed). */
interface PgPool {
  query(sql: string, values?: unknown): Promise<{ rows: unknown[] }>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  end(): Promise<void>;
}

const pg = createRequire(import.meta.url)('pg') as { Pool: new (config: Record<string, unknown>) => PgPool };

// `super()` calls `connect()` before this subclass's own fields exist, so each instance's pool lives here.
const pools = new WeakMap<object, PgPool>();

/** Options for {@link PooledKeyvPostgres}. */
export interface PooledKeyvPostgresOptions {
  /** `postgres://` or `postgresql://` connection string. */
  uri: string;
  /** How long to wait for a connection before a query fails. */
  connectionTimeoutMillis: number;
}

/**
 * `@keyv/postgres` with a pool per instance that reports its errors.
 *
 * Why: the stock adapter (2.2.x) keeps one module-wide `pg.Pool` per URI with no `error` listener, so a Postgres
 * restart or an idle connection being terminated emits an unhandled `error` and crashes the process, and
 * disconnecting one store ends the pool under every other store with the same URI. Here each store owns its pool,
 * pool errors become the adapter's `error` events (which Keyv forwards), and `disconnect()` ends only this pool.
 */
export class PooledKeyvPostgres extends KeyvPostgres {
  constructor(options: PooledKeyvPostgresOptions) {
    super(options);
  }

  override async connect(): Promise<(sql: string, values?: unknown) => Promise<unknown[]>> {
    const { uri, connectionTimeoutMillis } = this.opts as PooledKeyvPostgresOptions;
    const pool = new pg.Pool({ connectionString: uri, connectionTimeoutMillis });
    pool.on('error', (error) => this.emit('error', error));
    pools.set(this, pool);
    return Promise.resolve(async (sql: string, values?: unknown) => (await pool.query(sql, values)).rows);
  }

  override async disconnect(): Promise<void> {
    const pool = pools.get(this);
    pools.delete(this);
    await pool?.end();
  }
}
