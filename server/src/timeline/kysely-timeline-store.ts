// The timeline store over Kysely: PostgreSQL's. Group commit, as the SQLite store: the appends
// that arrive while a commit is in flight (or in the same turn of the event loop) are written
// by the next one, in ONE transaction: one query reads the sessions' last seqs, one multi-row
// insert writes every accepted batch, one commit (one WAL flush) makes them all durable. A
// batch that does not continue its session's seq is refused alone; if the group's transaction
// fails, each of its batches is retried in a transaction of its own, so that one bad batch
// never sinks the others.
// Fencing (several processes, cluster/): a batch appended with its owner's lease epoch is written
// only if the session's lease row still holds that epoch, read `FOR SHARE` in the same
// transaction: a takeover (which bumps the epoch) waits for this commit, or this commit sees the
// new epoch and refuses the batch (`TimelineFencedError`).
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { TimelineEntry } from '@ecoute/engine';
import type { Database, TimelineTable } from '../database/schema.js';
import { entryFromRow, entryToRow } from './rows.js';
import { TimelineFencedError, TimelineGapError } from './timeline-store.js';
import type { TimelineStore } from './timeline-store.js';
import type { GroupCommitStats } from './sqlite-timeline-store.js';

interface PendingBatch {
  sessionId: string;
  entries: readonly TimelineEntry[];
  epoch: number | undefined;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Rows per INSERT statement (PostgreSQL binds at most 65,535 parameters; 8 per row). */
const ROWS_PER_INSERT = 1000;

/**
 * Group commits in flight at once: while one waits for its WAL flush the next is already written
 * (a session's batches never share two commits in flight: its next one waits for the next flush).
 */
const COMMITS_IN_FLIGHT = 3;

export class KyselyTimelineStore implements TimelineStore {
  private pending: PendingBatch[] = [];
  private scheduled = false;
  private flushing = 0;
  /** Sessions with a batch in a commit in flight. */
  private readonly busy = new Set<string>();
  /**
   * The last seq this store committed per session: spares the `max(seq)` query of a batch that
   * follows it. A hint only: if another process wrote since, the insert collides with the primary
   * key and the batches are retried one by one, asking the table.
   */
  private readonly committedLast = new Map<string, number>();
  readonly stats: GroupCommitStats = { commits: 0, batches: 0 };

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: { commitsInFlight?: number } = {},
  ) {}

  append(sessionId: string, entries: readonly TimelineEntry[], epoch?: number): Promise<void> {
    const first = entries[0];
    if (!first) return Promise.resolve();
    for (let i = 1; i < entries.length; i++) {
      if (entries[i]!.seq !== first.seq + i)
        return Promise.reject(new TimelineGapError(sessionId, first.seq + i, entries[i]!.seq));
    }
    return new Promise((resolve, reject) => {
      this.pending.push({ sessionId, entries, epoch, resolve, reject });
      this.schedule();
    });
  }

  async read(sessionId: string, after = 0, upTo?: number): Promise<TimelineEntry[]> {
    const rows = await this.db
      .selectFrom('timeline')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('seq', '>', after)
      .$if(upTo !== undefined, (q) => q.where('seq', '<=', upTo!))
      .orderBy('seq')
      .execute();
    return rows.map(entryFromRow);
  }

  async lastSeq(sessionId: string): Promise<number> {
    const last = await this.db
      .selectFrom('timeline')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    return Number(last?.seq ?? 0);
  }

  /** A few commits in flight at most: what arrives meanwhile waits for the next, together. */
  private schedule(): void {
    if (this.scheduled || this.flushing >= (this.options.commitsInFlight ?? COMMITS_IN_FLIGHT)) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batches: PendingBatch[] = [];
    const waiting: PendingBatch[] = [];
    for (const batch of this.pending) (this.busy.has(batch.sessionId) ? waiting : batches).push(batch);
    this.pending = waiting;
    if (batches.length === 0) return;
    const sessions = new Set(batches.map((b) => b.sessionId));
    for (const id of sessions) this.busy.add(id);
    this.flushing++;
    try {
      let outcomes: unknown[];
      try {
        outcomes = await this.db.transaction().execute((trx) => this.writeAll(trx, batches, true));
        this.stats.commits += 1;
      } catch {
        outcomes = [];
        for (const batch of batches) {
          try {
            await this.db.transaction().execute(async (trx) => {
              const [outcome] = await this.writeAll(trx, [batch], false);
              if (outcome !== undefined) throw outcome;
            });
            this.stats.commits += 1;
            outcomes.push(undefined);
          } catch (error) {
            outcomes.push(error);
          }
        }
      }
      this.stats.batches += batches.length;
      if (this.committedLast.size > 50_000) this.committedLast.clear();
      batches.forEach((batch, i) => {
        if (outcomes[i] === undefined) this.committedLast.set(batch.sessionId, batch.entries.at(-1)!.seq);
        else this.committedLast.delete(batch.sessionId);
      });
      batches.forEach((batch, i) =>
        outcomes[i] === undefined ? batch.resolve() : batch.reject(outcomes[i]),
      );
    } finally {
      this.flushing--;
      for (const id of sessions) this.busy.delete(id);
      if (this.pending.length > 0) this.schedule();
    }
  }

  /** Writes the batches that continue their session's seq; the outcome of each (undefined: written). */
  private async writeAll(
    trx: Transaction<Database>,
    batches: readonly PendingBatch[],
    trustHints: boolean,
  ): Promise<unknown[]> {
    const last = new Map<string, number>();
    const ask = new Set<string>();
    for (const batch of batches) {
      if (last.has(batch.sessionId) || ask.has(batch.sessionId)) continue;
      const hint = trustHints ? this.committedLast.get(batch.sessionId) : undefined;
      if (hint !== undefined && batch.entries[0]!.seq === hint + 1) last.set(batch.sessionId, hint);
      else ask.add(batch.sessionId);
    }
    if (ask.size > 0) {
      const lastRows = await trx
        .selectFrom('timeline')
        .select(['session_id', (eb) => eb.fn.max('seq').as('seq')])
        .where('session_id', 'in', [...ask])
        .groupBy('session_id')
        .execute();
      for (const row of lastRows) last.set(row.session_id, Number(row.seq ?? 0));
    }
    const epochs = await this.leaseEpochs(trx, batches);
    const rows: TimelineTable[] = [];
    const outcomes = batches.map((batch) => {
      if (batch.epoch !== undefined && epochs.get(batch.sessionId) !== batch.epoch)
        return new TimelineFencedError(batch.sessionId, batch.epoch, epochs.get(batch.sessionId) ?? null);
      const expected = (last.get(batch.sessionId) ?? 0) + 1;
      const first = batch.entries[0]!;
      if (first.seq !== expected) return new TimelineGapError(batch.sessionId, expected, first.seq);
      for (const entry of batch.entries) rows.push(entryToRow(batch.sessionId, entry));
      last.set(batch.sessionId, batch.entries.at(-1)!.seq);
      return undefined;
    });
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
      await trx
        .insertInto('timeline')
        .values(rows.slice(i, i + ROWS_PER_INSERT))
        .execute();
    return outcomes;
  }

  /** The lease epochs of the fenced batches' sessions, locked until this transaction ends. */
  private async leaseEpochs(
    trx: Transaction<Database>,
    batches: readonly PendingBatch[],
  ): Promise<Map<string, number>> {
    const fenced = [...new Set(batches.filter((b) => b.epoch !== undefined).map((b) => b.sessionId))].sort();
    if (fenced.length === 0) return new Map();
    const { rows } = await sql<{ session_id: string; epoch: string | number }>`
      SELECT session_id, epoch FROM session_leases WHERE session_id IN (${sql.join(fenced)})
      ORDER BY session_id FOR SHARE`.execute(trx);
    return new Map(rows.map((row) => [row.session_id, Number(row.epoch)]));
  }
}
