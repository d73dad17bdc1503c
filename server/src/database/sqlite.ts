// The embedded store: one SQLite file in WAL mode. `synchronous = FULL` by default so that an
// acked input survives a power cut (DESIGN: an input is acknowledged only once it is durable).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';
import { migrate } from './migrate.js';

export type SqliteSynchronous = 'FULL' | 'NORMAL';

export interface SqliteHandle {
  db: Kysely<Database>;
  sqlite: SQLite.Database;
}

export async function openSqlite(
  file: string,
  synchronous: SqliteSynchronous = 'FULL',
): Promise<SqliteHandle> {
  mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${synchronous}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrate(db);
  return { db, sqlite };
}

/** Kysely alone, for code that needs no direct handle (tests, tools). */
export async function openSqliteDatabase(file: string): Promise<Kysely<Database>> {
  return (await openSqlite(file)).db;
}
