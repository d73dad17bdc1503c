// The embedded store: one SQLite file in WAL mode. Durability (DESIGN: an input is acknowledged
// only once it is durable) comes in three settings (`ECOUTE_SQLITE_SYNCHRONOUS`):
// - `FULL` (default): the WAL is fsynced before any append in it is acked, as SQLite's FULL does
//   at each commit, but by a libuv thread after the commit (`walSync`), so the event loop never
//   waits on the disk; appends committed while one sync runs share the next one. The connection
//   runs `synchronous=NORMAL` (SQLite then syncs the WAL itself only before a checkpoint).
// - `FULL_IN_COMMIT`: SQLite's own `synchronous=FULL`, the fsync inside the commit, on the
//   event loop (the default until the load benchmark showed it, kept to compare).
// - `NORMAL`: no fsync before the ack; an acked input can be lost on a power cut (never on a
//   process crash).
import { closeSync, fdatasync, fsyncSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';
import { migrate } from './migrate.js';

export type SqliteSynchronous = 'FULL' | 'FULL_IN_COMMIT' | 'NORMAL';

/** Makes every commit made so far durable, then calls `done` (off the event loop). */
export type WalSync = (done: (error: Error | null) => void) => void;

export interface SqliteHandle {
  db: Kysely<Database>;
  sqlite: SQLite.Database;
  /** Set in `FULL`: the store calls it after its commits and acks once it has returned. */
  walSync: WalSync | undefined;
}

/**
 * fdatasync of `<file>-wal` on the libuv thread pool. The WAL is opened for each sync (a few
 * microseconds), so no descriptor outlives the database and a re-created WAL is the one synced.
 * The first call also fsyncs the folder, once, so that the WAL's directory entry is durable too.
 */
export function walFileSync(file: string): WalSync {
  let folderSynced = false;
  return (done) => {
    let fd: number;
    try {
      fd = openSync(`${file}-wal`, 'r');
      if (!folderSynced) {
        const dir = openSync(path.dirname(file), 'r');
        try {
          fsyncSync(dir);
        } finally {
          closeSync(dir);
        }
        folderSynced = true;
      }
    } catch (error) {
      done(error as Error);
      return;
    }
    fdatasync(fd, (error) => {
      closeSync(fd);
      done(error);
    });
  };
}

export async function openSqlite(
  file: string,
  synchronous: SqliteSynchronous = 'FULL',
): Promise<SqliteHandle> {
  mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${synchronous === 'FULL_IN_COMMIT' ? 'FULL' : 'NORMAL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrate(db);
  return { db, sqlite, walSync: synchronous === 'FULL' ? walFileSync(file) : undefined };
}

/** Kysely alone, for code that needs no direct handle (tests, tools). */
export async function openSqliteDatabase(file: string): Promise<Kysely<Database>> {
  return (await openSqlite(file)).db;
}
