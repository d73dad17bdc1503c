// The embedded timeline store with group commit: appends that arrive in the same turn of the
// event loop are written in ONE transaction. A refused batch does not sink the others: a seq gap
// is found before any of its rows is written; a failed insert rolls the commit back and it is
// written again with a savepoint per batch. At low load a batch is committed on the next turn,
// adding no waiting time.
// Durability (see database/sqlite.ts): with a `walSync` (the default, `FULL`), a committed batch
// is acked only after a WAL fsync that started after its commit; the fsync runs on a libuv
// thread, one at a time, and every batch committed meanwhile waits for the next one (group
// fsync), so the event loop never blocks on the disk. Without it, the commit itself is as
// durable as the connection's `synchronous` makes it.
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { TimelineEntry } from '@ecoute/engine';
import type { Database, TimelineTable } from '../database/schema.js';
import type { SqliteHandle, WalSync } from '../database/sqlite.js';
import type { WalCheckpointer } from '../database/wal-checkpointer.js';
import { TimelineGapError } from './timeline-store.js';
import type { TimelineStore } from './timeline-store.js';
import { entryFromRow } from './rows.js';

interface PendingBatch {
  sessionId: string;
  entries: readonly TimelineEntry[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitStats {
  commits: number;
  batches: number;
}

export class SqliteTimelineStore implements TimelineStore {
  private pending: PendingBatch[] = [];
  private scheduled = false;
  /** Committed batches waiting for a WAL fsync that starts after their commit. */
  private unsynced: PendingBatch[] = [];
  private syncing = false;
  /** Positional parameters: no row object nor named lookup per entry (see `entryToRow` for the columns). */
  private readonly insert: BetterSqlite3.Statement<
    [string, number, number, string, string, string, string, string]
  >;
  private readonly last: BetterSqlite3.Statement<[string], { seq: number | null }>;
  private readonly range: BetterSqlite3.Statement<[string, number, number], TimelineTable>;
  /** `syncs`: WAL fsyncs done by `walSync` (0 without one). */
  readonly stats: GroupCommitStats & { syncs: number } = { commits: 0, batches: 0, syncs: 0 };

  private readonly db: Kysely<Database>;
  private readonly sqlite: BetterSqlite3.Database;
  private readonly walSync: WalSync | undefined;
  private readonly checkpointer: WalCheckpointer | undefined;

  constructor(handle: Omit<SqliteHandle, 'checkpointer'> & { checkpointer?: WalCheckpointer }) {
    ({ db: this.db, sqlite: this.sqlite, walSync: this.walSync, checkpointer: this.checkpointer } = handle);
    const { sqlite } = handle;
    this.insert = sqlite.prepare(
      'INSERT INTO timeline (session_id, seq, t, at, source, category, kind, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.last = sqlite.prepare('SELECT max(seq) AS seq FROM timeline WHERE session_id = ?');
    this.range = sqlite.prepare(
      'SELECT * FROM timeline WHERE session_id = ? AND seq > ? AND seq <= ? ORDER BY seq',
    );
  }

  append(sessionId: string, entries: readonly TimelineEntry[]): Promise<void> {
    const first = entries[0];
    if (!first) return Promise.resolve();
    for (let i = 1; i < entries.length; i++) {
      if (entries[i]!.seq !== first.seq + i) {
        return Promise.reject(new TimelineGapError(sessionId, first.seq + i, entries[i]!.seq));
      }
    }
    return new Promise((resolve, reject) => {
      this.pending.push({ sessionId, entries, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  read(sessionId: string, after = 0, upTo = Number.MAX_SAFE_INTEGER): Promise<TimelineEntry[]> {
    return Promise.resolve(this.range.all(sessionId, after, upTo).map(entryFromRow));
  }

  lastSeq(sessionId: string): Promise<number> {
    return Promise.resolve(Number(this.last.get(sessionId)?.seq ?? 0));
  }

  private async flush(): Promise<void> {
    // The WAL checkpointer copies its last frames (a few ms, once a second at most under load):
    // the batches wait for it, so that the WAL restarts instead of growing (wal-checkpointer.ts).
    if (this.checkpointer?.holding) {
      this.checkpointer.whenReleased(() => void this.flush());
      return;
    }
    this.scheduled = false;
    const batches = this.pending;
    this.pending = [];
    const outcomes: unknown[] = [];
    try {
      // Through Kysely's connection so that no Kysely transaction is open on it meanwhile.
      await this.db.connection().execute(() => {
        this.writeAll(batches, outcomes);
        return Promise.resolve();
      });
    } catch (error) {
      for (const batch of batches) batch.reject(error);
      this.syncNext();
      return;
    }
    this.stats.commits += 1;
    this.stats.batches += batches.length;
    batches.forEach((batch, i) => {
      if (outcomes[i] !== undefined) batch.reject(outcomes[i]);
      else if (this.walSync) this.unsynced.push(batch);
      else batch.resolve();
    });
    this.syncNext();
  }

  /** Starts a WAL fsync for every batch committed so far, unless one is running. */
  private syncNext(): void {
    const walSync = this.walSync;
    if (!walSync || this.syncing || this.unsynced.length === 0) return;
    this.syncing = true;
    const group = this.unsynced;
    this.unsynced = [];
    walSync((error) => {
      this.syncing = false;
      this.stats.syncs += 1;
      for (const batch of group) {
        if (error) batch.reject(error);
        else batch.resolve();
      }
      // A flush is due this turn: let it commit first, its batches then share the next sync.
      if (!this.scheduled) this.syncNext();
    });
  }

  /**
   * The last seq this store committed per session: spares a `max(seq)` query per batch. A hint
   * only: when a batch does not follow it, the table is asked before a gap is declared.
   */
  private readonly committedLast = new Map<string, number>();

  private lastInTable(sessionId: string): number {
    return Number(this.last.get(sessionId)?.seq ?? 0);
  }

  private writeAll(batches: PendingBatch[], outcomes: unknown[]): void {
    // A batch out of sequence is refused before any of its rows is written, so it needs no
    // savepoint: the usual commit is one transaction with no SAVEPOINT/RELEASE per batch. Only if
    // an insert fails (a row the hints did not foresee) is the whole commit rolled back and
    // written again with a savepoint per batch, so that one batch's failure does not sink the rest.
    try {
      this.commitBatches(batches, outcomes, false);
    } catch {
      outcomes.length = 0;
      this.commitBatches(batches, outcomes, true);
    }
  }

  /**
   * One transaction (one fsync) with every batch; with `savepoints`, each batch's rows in a
   * savepoint of their own (a failed insert refuses that batch only), else a failed insert
   * throws and rolls the whole transaction back.
   */
  private commitBatches(batches: PendingBatch[], outcomes: unknown[], savepoints: boolean): void {
    const lastSeqs = new Map<string, number>();
    this.sqlite.transaction(() => {
      for (const batch of batches) {
        const first = batch.entries[0]!;
        let expected =
          (lastSeqs.get(batch.sessionId) ??
            this.committedLast.get(batch.sessionId) ??
            this.lastInTable(batch.sessionId)) + 1;
        if (first.seq !== expected && !lastSeqs.has(batch.sessionId))
          expected = this.lastInTable(batch.sessionId) + 1;
        if (first.seq !== expected) {
          outcomes.push(new TimelineGapError(batch.sessionId, expected, first.seq));
          continue;
        }
        const write = (): void => {
          for (const entry of batch.entries) {
            // The columns of `entryToRow`, written straight from the entry.
            const body = entry.kind === 'input' ? entry.input : entry.observation;
            this.insert.run(
              batch.sessionId,
              entry.seq,
              Math.round(entry.t),
              entry.at,
              entry.source,
              entry.kind,
              body.kind,
              JSON.stringify(body),
            );
          }
        };
        if (!savepoints) write();
        else {
          try {
            this.sqlite.transaction(write)();
          } catch (error) {
            outcomes.push(error);
            continue;
          }
        }
        outcomes.push(undefined);
        lastSeqs.set(batch.sessionId, batch.entries.at(-1)!.seq);
      }
    })();
    // Committed: the hints move on (a long-running server forgets them now and then).
    if (this.committedLast.size > 50_000) this.committedLast.clear();
    for (const [sessionId, seq] of lastSeqs) this.committedLast.set(sessionId, seq);
  }
}
