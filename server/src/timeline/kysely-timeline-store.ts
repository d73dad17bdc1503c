// The timeline store over Kysely: PostgreSQL's. Group commit, as the SQLite store: the appends
// that arrive while a commit is in flight (or in the same turn of the event loop) are written
// by the next one, in ONE statement (`GROUP_INSERT`, one round trip, its own transaction: one
// commit, one WAL flush): the rows of every batch as arrays (`unnest`), and per session the seq
// its rows must start at and the epoch they carry; the statement reads each session's lease
// `FOR SHARE` and its last seq, inserts the rows of the sessions that check out and returns
// them. A session it refused (a gap, a stale epoch, or batches that do not chain in the group)
// goes the slow way: each of its batches in a transaction of its own that says exactly why
// (`writeAll`), so that one bad batch never sinks the others; so does the whole group if the
// statement fails (a primary key collision, a lost connection).
// Fencing (several processes, cluster/): a batch appended with its owner's lease epoch is written
// only if the session's lease row still holds that epoch, read `FOR SHARE` in the same
// transaction: a takeover (which bumps the epoch) waits for this commit, or this commit sees the
// new epoch and refuses the batch (`TimelineFencedError`).
import { CompiledQuery, sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type pg from 'pg';
import type { TimelineEntry } from '@ecoute/engine';
import type { Database, TimelineTable } from '../database/schema.js';
import { postgresPool } from '../database/postgres.js';
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

/** Rows per INSERT statement of the slow path (PostgreSQL binds at most 65,535 parameters). */
const ROWS_PER_INSERT = 1000;

/**
 * Group commits in flight at once: while one waits for its WAL flush the next is already written
 * (a session's batches never share two commits in flight: its next one waits for the next flush).
 */
const COMMITS_IN_FLIGHT = 3;

/** The fewest sessions a group is cut down to when the waiting ones are shared between slots. */
const MIN_GROUP_SESSIONS = 16;

/**
 * A group's rows in one statement. `$1`–`$8`: the rows' columns as arrays; `$9`–`$11`: per
 * session, the seq its first row must have and the epoch it writes with (null: not fenced).
 * Returns the sessions written. The lease rows are locked `FOR SHARE` (a takeover's epoch bump
 * waits for this commit, or this statement reads the bumped epoch), in session order (no
 * deadlock between commits in flight), before the last seqs are read.
 */
const GROUP_INSERT = `
WITH sessions AS MATERIALIZED (
  SELECT * FROM unnest($9::text[], $10::int[], $11::bigint[]) AS s(session_id, first_seq, epoch)
), leases AS MATERIALIZED (
  SELECT l.session_id, l.epoch FROM session_leases l
  WHERE l.session_id IN (SELECT session_id FROM sessions WHERE epoch IS NOT NULL)
  ORDER BY l.session_id FOR SHARE
), accepted AS MATERIALIZED (
  SELECT s.session_id FROM sessions s
  WHERE (s.epoch IS NULL OR (s.session_id, s.epoch) IN (SELECT session_id, epoch FROM leases))
    AND s.first_seq = 1 + coalesce(
      (SELECT max(t.seq) FROM timeline t WHERE t.session_id = s.session_id), 0)
), written AS (
  INSERT INTO timeline (session_id, seq, t, at, source, category, kind, payload)
  SELECT r.session_id, r.seq, r.t, r.at, r.source, r.category, r.kind, r.payload
  FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[],
    $8::text[]) AS r(session_id, seq, t, at, source, category, kind, payload)
  WHERE r.session_id IN (SELECT session_id FROM accepted)
)
SELECT session_id FROM accepted`;

export class KyselyTimelineStore implements TimelineStore {
  private pending: PendingBatch[] = [];
  private scheduled = false;
  private flushing = 0;
  /** Sessions with a batch in a commit in flight. */
  private readonly busy = new Set<string>();
  /** `commits`: transactions committed (a group statement or a slow-path batch). */
  readonly stats: GroupCommitStats = { commits: 0, batches: 0 };
  private readonly pool: pg.Pool | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: { commitsInFlight?: number } = {},
  ) {
    this.pool = postgresPool(db);
  }

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
    if (this.scheduled || this.flushing >= this.commitsInFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.startGroups();
    });
  }

  /**
   * Shares what waits between the free commit slots: a session's batches all in one group, the
   * groups' sessions disjoint from those of the commits in flight. Sessions appending in step
   * (every ack at once) are split into several groups in flight together, so that one is written
   * while another waits for its WAL flush, instead of all of them waiting for one.
   */
  private startGroups(): void {
    while (this.flushing < this.commitsInFlight) {
      const sessions = new Set<string>();
      for (const batch of this.pending) if (!this.busy.has(batch.sessionId)) sessions.add(batch.sessionId);
      if (sessions.size === 0) return;
      const free = this.commitsInFlight - this.flushing;
      const size = Math.max(MIN_GROUP_SESSIONS, Math.ceil(sessions.size / free));
      const chosen = new Set([...sessions].slice(0, size));
      const batches: PendingBatch[] = [];
      const waiting: PendingBatch[] = [];
      for (const batch of this.pending) (chosen.has(batch.sessionId) ? batches : waiting).push(batch);
      this.pending = waiting;
      void this.flush(batches, chosen);
    }
  }

  private get commitsInFlight(): number {
    return this.options.commitsInFlight ?? COMMITS_IN_FLIGHT;
  }

  private async flush(batches: readonly PendingBatch[], sessions: ReadonlySet<string>): Promise<void> {
    for (const id of sessions) this.busy.add(id);
    this.flushing++;
    try {
      const written = await this.writeGroup(batches);
      const outcomes = new Map<PendingBatch, unknown>();
      for (const batch of batches) {
        if (written.has(batch.sessionId)) {
          outcomes.set(batch, undefined);
          continue;
        }
        try {
          await this.db.transaction().execute(async (trx) => {
            const [outcome] = await this.writeAll(trx, [batch]);
            if (outcome !== undefined) throw outcome;
          });
          this.stats.commits += 1;
          outcomes.set(batch, undefined);
        } catch (error) {
          outcomes.set(batch, error);
        }
      }
      this.stats.batches += batches.length;
      for (const [batch, outcome] of outcomes)
        if (outcome === undefined) batch.resolve();
        else batch.reject(outcome);
    } finally {
      this.flushing--;
      for (const id of sessions) this.busy.delete(id);
      if (this.pending.length > 0) this.schedule();
    }
  }

  /**
   * The group in one statement; the sessions it wrote (every batch of theirs). A session whose
   * batches do not chain, or carry different epochs, is left to the slow path; nothing is written
   * if the statement fails.
   */
  private async writeGroup(batches: readonly PendingBatch[]): Promise<Set<string>> {
    const segments = new Map<string, { first: number; next: number; epoch: number | undefined } | null>();
    for (const batch of batches) {
      const first = batch.entries[0]!.seq;
      const next = batch.entries.at(-1)!.seq + 1;
      const segment = segments.get(batch.sessionId);
      if (segment === undefined) segments.set(batch.sessionId, { first, next, epoch: batch.epoch });
      else if (segment !== null && segment.next === first && segment.epoch === batch.epoch)
        segment.next = next;
      else segments.set(batch.sessionId, null);
    }
    const columns: [string[], number[], number[], string[], string[], string[], string[], string[]] = [
      [],
      [],
      [],
      [],
      [],
      [],
      [],
      [],
    ];
    for (const batch of batches) {
      if (!segments.get(batch.sessionId)) continue;
      for (const entry of batch.entries) {
        const row = entryToRow(batch.sessionId, entry);
        columns[0].push(row.session_id);
        columns[1].push(row.seq);
        columns[2].push(row.t);
        columns[3].push(row.at);
        columns[4].push(row.source);
        columns[5].push(row.category);
        columns[6].push(row.kind);
        columns[7].push(row.payload);
      }
    }
    const ids: string[] = [];
    const firsts: number[] = [];
    const epochs: (number | null)[] = [];
    for (const [id, segment] of segments) {
      if (!segment) continue;
      ids.push(id);
      firsts.push(segment.first);
      epochs.push(segment.epoch ?? null);
    }
    if (ids.length === 0) return new Set();
    try {
      const values = [...columns, ids, firsts, epochs];
      // Prepared once per connection when the pool is at hand (no parse nor plan per group).
      const { rows } = this.pool
        ? await this.pool.query<{ session_id: string }>({
            name: 'ecoute_timeline_group',
            text: GROUP_INSERT,
            values,
          })
        : await this.db.executeQuery<{ session_id: string }>(CompiledQuery.raw(GROUP_INSERT, values));
      this.stats.commits += 1;
      return new Set(rows.map((row) => row.session_id));
    } catch {
      return new Set();
    }
  }

  /** Writes the batches that continue their session's seq; the outcome of each (undefined: written). */
  private async writeAll(trx: Transaction<Database>, batches: readonly PendingBatch[]): Promise<unknown[]> {
    const lastRows = await trx
      .selectFrom('timeline')
      .select(['session_id', (eb) => eb.fn.max('seq').as('seq')])
      .where('session_id', 'in', [...new Set(batches.map((batch) => batch.sessionId))])
      .groupBy('session_id')
      .execute();
    const last = new Map(lastRows.map((row) => [row.session_id, Number(row.seq ?? 0)]));
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
