// Leases and fencing on a real PostgreSQL: a session taken by one process, taken over by another
// once the first one's heartbeat expired; the first one's late append is refused in the store's
// own transaction, the new owner's goes through.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { TimelineEntry } from '@ecoute/engine';
import { startPostgres } from '@ecoute/test/support/postgres.js';
import type { PostgresServer } from '@ecoute/test/support/postgres.js';
import { openPostgresDatabase } from '../database/postgres.js';
import type { Database } from '../database/schema.js';
import { SessionStore } from '../sessions/session-store.js';
import { KyselyTimelineStore } from '../timeline/kysely-timeline-store.js';
import { LeaseStore } from './lease-store.js';

const entry = (seq: number, text: string): TimelineEntry => ({
  seq,
  t: seq * 100,
  at: new Date(0).toISOString(),
  source: 'listener',
  kind: 'input',
  input: { kind: 'say', text },
});

describe('session leases (PostgreSQL)', () => {
  let postgres: PostgresServer;
  let db: Kysely<Database>;
  let leases: LeaseStore;
  let timeline: KyselyTimelineStore;

  beforeAll(async () => {
    postgres = await startPostgres();
    db = await openPostgresDatabase(postgres.url);
    leases = new LeaseStore(db);
    timeline = new KyselyTimelineStore(db);
    await new SessionStore(db).create(
      {
        id: 's1',
        scenarioId: 'x',
        scenarioVersion: 1,
        seed: 1,
        createdAt: new Date(0).toISOString(),
        status: 'live',
      },
      { listener: 'l', trainer: 't', observer: 'o' },
    );
  }, 120_000);

  /** A live session row (its tokens: its id and the role's initial). */
  const liveSession = (id: string): Promise<void> =>
    new SessionStore(db).create(
      {
        id,
        scenarioId: 'x',
        scenarioVersion: 1,
        seed: 1,
        createdAt: new Date(0).toISOString(),
        status: 'live',
      },
      { listener: `${id}l`, trainer: `${id}t`, observer: `${id}o` },
    );

  afterAll(async () => {
    await db?.destroy();
    await postgres?.stop();
  });

  it('takes a free session, refuses it to another while the owner lives, hands it over when it dies', async () => {
    await leases.heartbeat('a', 60_000);
    await leases.heartbeat('b', 60_000);
    expect(await leases.acquire('s1', 'a')).toMatchObject({ epoch: 1 });
    const held = await leases.acquire('s1', 'b');
    expect(held).toMatchObject({ owner: 'a' });
    expect((held as { expiresInMs: number }).expiresInMs).toBeGreaterThan(50_000);
    await timeline.append('s1', [entry(1, 'un')], 1);

    // a stalls: its heartbeat runs out; b takes the session, the epoch moves on.
    await leases.heartbeat('a', -1);
    expect(await leases.orphans(10)).toEqual([{ sessionId: 's1', handover: false }]);
    expect(await leases.acquire('s1', 'b')).toMatchObject({ epoch: 2, handedOver: false });
    expect(await leases.orphans(10)).toEqual([]);

    // a wakes up and writes with its old epoch: refused, nothing written.
    await expect(timeline.append('s1', [entry(2, 'tard')], 1)).rejects.toMatchObject({
      code: 'timeline/fenced',
    });
    await timeline.append('s1', [entry(2, 'deux')], 2);
    expect(
      (await timeline.read('s1')).map((e) =>
        e.kind === 'input' && e.input.kind === 'say' ? e.input.text : '',
      ),
    ).toEqual(['un', 'deux']);
    expect(await leases.owned('a')).toEqual(new Map());
    expect(await leases.owned('b')).toEqual(new Map([['s1', 2]]));
  });

  it('a handover leaves the session ownerless for the next process; an idle release removes it', async () => {
    await leases.release('s1', 'a', 2, true); // not a's: nothing happens
    expect(await leases.orphans(10)).toEqual([]);
    await leases.release('s1', 'b', 2, true);
    expect(await leases.orphans(10)).toEqual([{ sessionId: 's1', handover: true }]);
    expect(await leases.acquire('s1', 'a')).toEqual({ epoch: 3, handedOver: true });
    await expect(timeline.append('s1', [entry(3, 'vieux')], 2)).rejects.toMatchObject({
      code: 'timeline/fenced',
    });
    await leases.release('s1', 'a', 3, false);
    expect(await leases.orphans(10)).toEqual([]);
    expect(await leases.acquire('s1', 'b')).toMatchObject({ epoch: 1 });
  });

  it('one group commit writes the sessions whose epoch holds and nothing of a stale one', async () => {
    await Promise.all(['g1', 'g2', 'g3'].map(liveSession));
    await leases.heartbeat('a', 60_000);
    await leases.heartbeat('b', 60_000);
    expect(await leases.acquire('g1', 'a')).toMatchObject({ epoch: 1 });
    expect(await leases.acquire('g2', 'a')).toMatchObject({ epoch: 1 });
    await leases.release('g2', 'a', 1, true);
    expect(await leases.acquire('g2', 'b')).toMatchObject({ epoch: 2 });

    // Appended in the same turn: one group. g1 (epoch holds) and g3 (not fenced) in one commit,
    // g2's stale epoch refused with the reason, none of its rows written.
    const before = timeline.stats.commits;
    const outcomes = await Promise.allSettled([
      timeline.append('g1', [entry(1, 'un'), entry(2, 'deux')], 1),
      timeline.append('g2', [entry(1, 'périmé')], 1),
      timeline.append('g3', [entry(1, 'libre')]),
      timeline.append('g1', [entry(3, 'trois')], 1),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'timeline/fenced' });
    expect(timeline.stats.commits - before).toBe(1);
    expect((await timeline.read('g1')).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(await timeline.read('g2')).toEqual([]);
    expect(await timeline.lastSeq('g3')).toBe(1);

    // A gap in one session of the group: refused with the expected seq, the others written.
    const gap = await Promise.allSettled([
      timeline.append('g1', [entry(5, 'cinq')], 1),
      timeline.append('g3', [entry(2, 'deux')]),
    ]);
    expect(gap[0]).toMatchObject({ status: 'rejected', reason: { code: 'timeline/gap' } });
    expect(gap[1].status).toBe('fulfilled');
    expect(await timeline.lastSeq('g1')).toBe(3);
  });

  it('a drain passes the lease to a live successor (next epoch, the old owner fenced), else leaves it free', async () => {
    await liveSession('w1');
    for (const node of ['a', 'b', 'c']) await leases.heartbeat(node, 60_000);
    expect(await leases.alive('a')).toEqual(['b', 'c']);
    expect(await leases.acquire('w1', 'a')).toMatchObject({ epoch: 1 });
    await timeline.append('w1', [entry(1, 'un')], 1);

    expect(await leases.release('w1', 'b', 1, true, 'c')).toBe(false); // not b's: nothing happens
    expect(await leases.release('w1', 'a', 1, true, 'b')).toBe(true);
    expect((await leases.owned('b')).get('w1')).toBe(2);
    expect((await leases.orphans(10)).map((o) => o.sessionId)).not.toContain('w1');
    // Another process is sent to the successor; the old owner can write no more.
    expect(await leases.acquire('w1', 'c')).toMatchObject({ owner: 'b' });
    await expect(timeline.append('w1', [entry(2, 'tard')], 1)).rejects.toMatchObject({
      code: 'timeline/fenced',
    });
    // The successor takes it up as a handover (no pause to record), at the next epoch.
    expect(await leases.acquire('w1', 'b')).toEqual({ epoch: 3, handedOver: true });
    await timeline.append('w1', [entry(2, 'deux')], 3);

    // A successor that died meanwhile: the lease is left free for whoever comes first.
    await leases.heartbeat('c', -1);
    expect(await leases.alive('a')).toEqual(['b']);
    expect(await leases.release('w1', 'b', 3, true, 'c')).toBe(false);
    expect((await leases.orphans(10)).filter((o) => o.sessionId === 'w1')).toEqual([
      { sessionId: 'w1', handover: true },
    ]);
    expect(await leases.acquire('w1', 'a')).toEqual({ epoch: 5, handedOver: true });
  });

  it('a draining process is never named successor, nor passed a lease, even by a drain that began first', async () => {
    await liveSession('d1');
    for (const node of ['p', 'q', 'r']) await leases.heartbeat(node, 60_000);
    expect(await leases.acquire('d1', 'p')).toMatchObject({ epoch: 1 });
    await leases.drain('q');
    // q drains: p's drain does not see it among the live ones; its heartbeat keeps the mark.
    await leases.heartbeat('q', 60_000);
    expect((await leases.alive('p')).filter((n) => 'pqr'.includes(n))).toEqual(['r']);
    expect((await leases.alive('r')).filter((n) => 'pqr'.includes(n))).toEqual(['p']);
    // Named before it drained: the lease is not passed to it, but left for whoever takes it.
    expect(await leases.release('d1', 'p', 1, true, 'q')).toBe(false);
    expect((await leases.orphans(100)).filter((o) => o.sessionId === 'd1')).toEqual([
      { sessionId: 'd1', handover: true },
    ]);
    expect(await leases.acquire('d1', 'r')).toEqual({ epoch: 3, handedOver: true });

    // r passes it to p while p's drain mark is being written (not yet committed): the pass waits
    // for the mark, then sees it — never a lease committed to a process after it began draining.
    await leases.heartbeat('p', 60_000);
    let passed: boolean | undefined;
    await db.transaction().execute(async (trx) => {
      // (The locks `drain` takes: the row FOR UPDATE, then the mark.)
      await sql`SELECT 1 FROM cluster_nodes WHERE id = 'p' FOR UPDATE`.execute(trx);
      await trx.updateTable('cluster_nodes').set({ draining: true }).where('id', '=', 'p').execute();
      void leases.release('d1', 'r', 3, true, 'p').then((answer) => (passed = answer));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(passed).toBeUndefined();
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(passed).toBe(false);
    // Heartbeats never wait for a pass's lock on their row (only a drain's mark does).
    await db.transaction().execute(async (trx) => {
      await sql`SELECT 1 FROM cluster_nodes WHERE id = 'r' FOR KEY SHARE`.execute(trx);
      let beaten = false;
      const beat = leases.heartbeat('r', 60_000).then(() => (beaten = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(beaten).toBe(true);
      await beat;
    });
    expect(await leases.owned('p')).toEqual(new Map());
    expect((await leases.orphans(100)).filter((o) => o.sessionId === 'd1')).toEqual([
      { sessionId: 'd1', handover: true },
    ]);
  });

  it('an acquire waits at most its lock timeout behind an append holding the row, then says ask again', async () => {
    await liveSession('timeout1');
    for (const node of ['wa', 'wb']) await leases.heartbeat(node, 60_000);
    expect(await leases.acquire('timeout1', 'wa')).toEqual({ epoch: 1, handedOver: false });
    // wa's heartbeat runs out while its group commit holds the lease row (FOR SHARE, its
    // transaction open: a stalled owner until PostgreSQL ends it): wb's acquire does not wait for it.
    await leases.heartbeat('wa', -1);
    await db.transaction().execute(async (trx) => {
      await sql`SELECT 1 FROM session_leases WHERE session_id = 'timeout1' FOR SHARE`.execute(trx);
      // (The 10 s are a hang guard: past them the lock timeout did not apply.)
      const answer = await Promise.race([
        leases.acquire('timeout1', 'wb'),
        new Promise((resolve) => setTimeout(() => resolve('still waiting'), 10_000)),
      ]);
      expect(answer).toEqual({ owner: null, expiresInMs: 50 });
    });
    // The row free again: taken, from a dead owner (not a handover).
    expect(await leases.acquire('timeout1', 'wb')).toEqual({ epoch: 2, handedOver: false });
    // Held by a live owner: who, and for how long — from the same statement.
    const held = await leases.acquire('timeout1', 'wa');
    expect(held).toMatchObject({ owner: 'wb' });
    expect((held as { expiresInMs: number }).expiresInMs).toBeGreaterThan(50_000);
  });
});
