// PostgreSQL when DATABASE_URL is set: the same tables and migrations as SQLite.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { migrate } from './migrate.js';

export async function openPostgresDatabase(url: string): Promise<Kysely<Database>> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrate(db);
  return db;
}
