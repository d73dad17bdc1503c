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
import type { SqliteSynchronous } from '../config/env.js';
import type { Database } from './schema.js';
import { migrate } from './migrate.js';
import { WAL_BACKSTOP_PAGES, startWalCheckpointer } from './wal-checkpointer.js';
import type { WalCheckpointer } from './wal-checkpointer.js';

/** Makes every commit made so far durable, then calls `done` (off the event loop). */
export type WalSync = (done: (error: Error | null) => void) => void;

export interface SqliteHandle {
  db: Kysely<Database>;
  sqlite: SQLite.Database;
  /** Set in `FULL`: the store calls it after its commits and acks once it has returned. */
  walSync: WalSync | undefined;
  /** Checkpoints the WAL off the event loop (`wal-checkpointer.ts`). */
  checkpointer: WalCheckpointer;
  /** Closes the checkpointer, the database (Kysely and the connection) and the WAL's descriptor. */
  close(): Promise<void>;
}

/**
 * fdatasync of `<file>-wal` on the libuv thread pool, through one descriptor opened at the first
 * sync (the WAL keeps its inode while the connection is open: SQLite rewinds it after a
 * checkpoint and deletes it only when the last connection closes). The first sync also fsyncs
 * the folder, so that the WAL's directory entry is durable too. `close` releases the descriptor.
 */
export function walFileSync(file: string): WalSync & { close(): void } {
  let fd: number | undefined;
  const sync = (done: (error: Error | null) => void): void => {
    if (fd === undefined) {
      try {
        const wal = openSync(`${file}-wal`, 'r');
        const dir = openSync(path.dirname(file), 'r');
        try {
          fsyncSync(dir);
        } finally {
          closeSync(dir);
        }
        fd = wal;
      } catch (error) {
        done(error as Error);
        return;
      }
    }
    fdatasync(fd, (error) => done(error));
  };
  return Object.assign(sync, {
    close(): void {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  });
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
  // Deleted means gone: freed content is overwritten with zeros (the WAL is checkpointed and
  // truncated after deletions: SessionStore.delete).
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrate(db);
  const walSync = synchronous === 'FULL' ? walFileSync(file) : undefined;
  // The WAL's checkpoints on a worker thread; the connection's own only as a backstop.
  sqlite.pragma(`wal_autocheckpoint = ${WAL_BACKSTOP_PAGES}`);
  const checkpointer = startWalCheckpointer(file, Number(sqlite.pragma('page_size', { simple: true })), {
    onError: (error) => process.emitWarning(`database/checkpoint_failed ${error}`),
  });
  return {
    db,
    sqlite,
    walSync,
    checkpointer,
    async close() {
      // First: the server's connection, closed last, checkpoints and removes the WAL.
      await checkpointer.close();
      await db.destroy();
      walSync?.close();
    },
  };
}

/** Kysely alone, for code that needs no direct handle (tests, tools). */
export async function openSqliteDatabase(file: string): Promise<Kysely<Database>> {
  return (await openSqlite(file)).db;
}
