// Leases in PostgreSQL (several processes). Each process keeps a heartbeat row (`cluster_nodes`,
// renewed every third of ECOUTE_LEASE_MS); each live session has a lease row (`session_leases`)
// naming its owner and a fencing epoch. A session's lease holds while its owner's heartbeat
// does: one row renewed per process rather than one per session. Taking a session bumps its
// epoch in one statement, only if it has no owner or its owner's heartbeat has expired; every
// append of the owner carries the epoch and is refused once it is stale
// (`KyselyTimelineStore`, `TimelineFencedError`). Times are the database's clock. A draining
// process marks its row (`drain`): it is not among the `alive` a drain picks successors from,
// and a lease is never passed to it (`release`), so two processes draining at once never hand
// their calls to each other.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../database/schema.js';

const NOW_MS = sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`;

/** An acquire waits at most this long for a lease row locked by an append in flight. */
const LOCK_TIMEOUT = '500ms';

/** `handedOver`: taken from a draining process (the row had no owner), not from a dead one. */
export type LeaseAnswer =
  { epoch: number; handedOver: boolean } | { owner: string | null; expiresInMs: number };

export class LeaseStore {
  /**
   * `beatDb`: where heartbeats go — a connection of their own, so that a heartbeat never waits in
   * the pool behind this process's appends and acquires (a busy process lost its leases to
   * another while it was alive: its calls came back paused).
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly beatDb: Kysely<Database> = db,
  ) {}

  /** This process is alive for `leaseMs` more. */
  async heartbeat(node: string, leaseMs: number): Promise<void> {
    await sql`
      INSERT INTO cluster_nodes (id, expires_at) VALUES (${node}, ${NOW_MS} + ${leaseMs})
      ON CONFLICT (id) DO UPDATE SET expires_at = EXCLUDED.expires_at`.execute(this.beatDb);
  }

  /**
   * This process drains: from now on no drain names it successor, nor passes it a lease. A lease
   * passed to it before is committed by the time this resolves (`release` locks the successor's
   * row): `owned` read afterwards lists it, so the drain hands it on too.
   */
  async drain(node: string): Promise<void> {
    // FOR UPDATE: the one lock a `release`'s FOR KEY SHARE waits for (a heartbeat's update does
    // not: heartbeats never wait for the drains that name this process successor). One statement
    // (the row locked, then updated): one round trip, not four.
    await sql`
      WITH locked AS (SELECT id FROM cluster_nodes WHERE id = ${node} FOR UPDATE)
      UPDATE cluster_nodes SET draining = true WHERE id IN (SELECT id FROM locked)`.execute(this.beatDb);
  }

  /** This process leaves: its remaining leases (if any) expire at once. */
  async leave(node: string): Promise<void> {
    await sql`DELETE FROM cluster_nodes WHERE id = ${node}`.execute(this.db);
  }

  /**
   * Takes the session for `node` if nobody holds it (no row, no owner, an owner whose heartbeat
   * expired, or `node` itself), bumping the epoch; else who holds it and for how long. One
   * statement, one round trip (it was five: BEGIN, SET LOCAL, read, write, COMMIT — on a busy
   * machine each one waits its turn, and a successor takes a drain's calls up one acquire each):
   * `timeout` sets the lock timeout for this statement's transaction before `before` locks the row
   * (LockRows sits above the join, so the volatile CTE has run first); `before` reads the row as
   * locked — its owner says whether a drain released it or passed it to `node` (`handedOver`); the
   * insert is made of `before`'s count, so it runs after that lock; the holder's answer when the
   * lease is not free comes from the same locked row.
   */
  async acquire(sessionId: string, node: string): Promise<LeaseAnswer> {
    try {
      const { rows } = await sql<{
        epoch: string | number | null;
        existed: boolean;
        owner: string | null;
        remaining: string | number | null;
      }>`
        WITH timeout AS (SELECT set_config('lock_timeout', ${LOCK_TIMEOUT}, true) AS lock_timeout),
        before AS (
          SELECT l.owner FROM session_leases l, timeout
          WHERE l.session_id = ${sessionId} FOR UPDATE OF l),
        taken AS (
          INSERT INTO session_leases AS l (session_id, owner, epoch)
          SELECT ${sessionId}, ${node}, 1 FROM (SELECT count(*) FROM before) AS locked
          ON CONFLICT (session_id) DO UPDATE SET owner = EXCLUDED.owner, epoch = l.epoch + 1
          WHERE l.owner IS NULL OR l.owner = EXCLUDED.owner OR NOT EXISTS (
            SELECT 1 FROM cluster_nodes n WHERE n.id = l.owner AND n.expires_at > ${NOW_MS})
          RETURNING epoch)
        SELECT (SELECT epoch FROM taken) AS epoch,
          EXISTS (SELECT 1 FROM before) AS existed,
          (SELECT owner FROM before) AS owner,
          (SELECT n.expires_at - ${NOW_MS} FROM before b JOIN cluster_nodes n ON n.id = b.owner) AS remaining
      `.execute(this.db);
      const row = rows[0]!;
      // No owner: released by a drain. This process itself, with no runtime of it here (else it
      // would not ask): a draining process passed the lease to it (`release`'s successor).
      if (row.epoch !== null)
        return {
          epoch: Number(row.epoch),
          handedOver: row.existed && (row.owner === null || row.owner === node),
        };
      return { owner: row.owner, expiresInMs: Number(row.remaining ?? 0) };
    } catch (error) {
      // An append of the owner holds the row (lock_timeout): someone holds it; ask again soon.
      if ((error as { code?: unknown }).code === '55P03') return { owner: null, expiresInMs: 50 };
      throw error;
    }
  }

  /** Who holds the session now, without taking it (a draining process). */
  async holder(sessionId: string): Promise<{ owner: string | null; expiresInMs: number }> {
    const held = await sql<{ owner: string | null; remaining: string | number | null }>`
      SELECT l.owner, n.expires_at - ${NOW_MS} AS remaining
      FROM session_leases l LEFT JOIN cluster_nodes n ON n.id = l.owner
      WHERE l.session_id = ${sessionId}`.execute(this.db);
    const holder = held.rows[0];
    return { owner: holder?.owner ?? null, expiresInMs: Number(holder?.remaining ?? 0) };
  }

  /**
   * Gives the session up if `node` still holds it at `epoch`: `handover` passes it to `successor`
   * if that process is alive and not draining (the epoch bumped: `node` can write no more;
   * resolves true), else leaves the row without an owner (another process takes it now);
   * otherwise the row goes (nobody needs it until someone connects). The successor's row is
   * locked `FOR KEY SHARE` while it is read: a `drain` of it (FOR UPDATE) waits, or is seen; its
   * heartbeats do not wait.
   */
  async release(
    sessionId: string,
    node: string,
    epoch: number,
    handover: boolean,
    successor?: string,
  ): Promise<boolean> {
    if (handover && successor) {
      const { rows } = await sql<{ owner: string | null }>`
        WITH heir AS (
          SELECT id FROM cluster_nodes
          WHERE id = ${successor} AND expires_at > ${NOW_MS} AND NOT draining FOR KEY SHARE)
        UPDATE session_leases SET epoch = epoch + 1, owner = (SELECT id FROM heir)
        WHERE session_id = ${sessionId} AND owner = ${node} AND epoch = ${epoch}
        RETURNING owner`.execute(this.db);
      return rows[0]?.owner === successor;
    }
    if (handover)
      await sql`UPDATE session_leases SET owner = NULL
        WHERE session_id = ${sessionId} AND owner = ${node} AND epoch = ${epoch}`.execute(this.db);
    else
      await sql`DELETE FROM session_leases
        WHERE session_id = ${sessionId} AND owner = ${node} AND epoch = ${epoch}`.execute(this.db);
    return false;
  }

  /** The processes alive now (heartbeat not expired) and not draining, but `node`, by name. */
  async alive(node: string): Promise<string[]> {
    const { rows } = await sql<{ id: string }>`
      SELECT id FROM cluster_nodes
      WHERE id <> ${node} AND expires_at > ${NOW_MS} AND NOT draining
      ORDER BY id`.execute(this.db);
    return rows.map((row) => row.id);
  }

  /** The sessions `node` holds, with their epochs. */
  async owned(node: string): Promise<Map<string, number>> {
    const { rows } = await sql<{ session_id: string; epoch: string | number }>`
      SELECT session_id, epoch FROM session_leases WHERE owner = ${node}`.execute(this.db);
    return new Map(rows.map((row) => [row.session_id, Number(row.epoch)]));
  }

  /**
   * Live sessions whose lease nobody holds: `handover` when a draining process released it (no
   * owner), else its owner died (heartbeat expired).
   */
  async orphans(limit: number): Promise<{ sessionId: string; handover: boolean }[]> {
    const { rows } = await sql<{ session_id: string; handover: boolean }>`
      SELECT l.session_id, l.owner IS NULL AS handover
      FROM session_leases l JOIN sessions s ON s.id = l.session_id
      WHERE s.status = 'live' AND (l.owner IS NULL OR NOT EXISTS (
        SELECT 1 FROM cluster_nodes n WHERE n.id = l.owner AND n.expires_at > ${NOW_MS}))
      LIMIT ${limit}`.execute(this.db);
    return rows.map((row) => ({ sessionId: row.session_id, handover: row.handover }));
  }
}
