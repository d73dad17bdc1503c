// PostgreSQL when DATABASE_URL is set: the same tables and migrations as SQLite.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { migrate } from './migrate.js';

/** The pg pool under each database this module opened (for statements prepared by name). */
const pools = new WeakMap<Kysely<Database>, pg.Pool>();

/** The pg pool under `db` if `openPostgresDatabase` opened it. */
export function postgresPool(db: Kysely<Database>): pg.Pool | undefined {
  return pools.get(db);
}

/** Connections of the pool. */
const POOL_SIZE = 10;

/**
 * `idleInTransactionMs` (several processes): PostgreSQL ends a transaction left idle that long, so
 * that a stalled process never holds lease rows (cluster/) past its lease. `warm` (several
 * processes): every connection of the pool opened at boot and kept open, so that a process named
 * successor by a drain just after it started (a rolling restart) does not open them one by one
 * while it takes the calls up.
 */
export async function openPostgresDatabase(
  url: string,
  options: { idleInTransactionMs?: number; warm?: boolean } = {},
): Promise<Kysely<Database>> {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    ...(options.warm ? { min: POOL_SIZE } : {}),
    ...(options.idleInTransactionMs
      ? { idle_in_transaction_session_timeout: options.idleInTransactionMs }
      : {}),
  });
  // A connection the server ends (idle in transaction past the limit, a restart) errs on its
  // client even while checked out between two statements: logged, never an unhandled 'error'
  // that ends the process (the statement after it fails and the connection is dropped).
  pool.on('error', (error) => console.error(`server/storage_failed postgres: ${error.message}`));
  pool.on('connect', (client) =>
    client.on('error', (error) => console.error(`server/storage_failed postgres: ${error.message}`)),
  );
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  await migrate(db);
  if (options.warm) {
    const clients = await Promise.all(Array.from({ length: POOL_SIZE }, () => pool.connect()));
    for (const client of clients) client.release();
  }
  return db;
}
