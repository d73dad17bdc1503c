import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Kysely } from 'kysely';
import { ManualScheduler, compileScenario, parseScenario } from '@ecoute/engine';
import type { CompiledScenario, TrainerView } from '@ecoute/engine';
import { findWorkspaceRoot } from '../config/env.js';
import type { Database } from '../database/schema.js';
import { openSqlite } from '../database/sqlite.js';
import { SessionRuntime } from '../sessions/session-runtime.js';
import type { SessionRuntimeDeps } from '../sessions/session-runtime.js';
import { SessionStore } from '../sessions/session-store.js';
import { SqliteTimelineStore } from '../timeline/sqlite-timeline-store.js';
import { rebuildSession } from './rebuild-session.js';
import { WarmRebuild } from './warm-rebuild.js';

function tutorial(): CompiledScenario {
  const file = path.join(findWorkspaceRoot(), 'scenarios', 'appel-entrainement.yaml');
  const parsed = parseScenario(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return compileScenario(parsed.scenario);
}

describe('rebuildSession', () => {
  let dir: string;
  let db: Kysely<Database>;
  let store: SqliteTimelineStore;
  const compiled = tutorial();
  let logs: string[];
  const logger = { log: (m: string) => logs.push(`log ${m}`), error: (m: string) => logs.push(`error ${m}`) };

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ecoute-recovery-'));
    const handle = await openSqlite(path.join(dir, 'recovery.sqlite'));
    db = handle.db;
    store = new SqliteTimelineStore(handle);
    await new SessionStore(db).create(
      {
        id: 's1',
        scenarioId: 'appel-entrainement',
        scenarioVersion: 1,
        seed: 3,
        createdAt: new Date(0).toISOString(),
        status: 'live',
      },
      { listener: 'a', trainer: 'b', observer: 'c' },
    );
    logs = [];
  });

  afterEach(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const deps = (scheduler: ManualScheduler): SessionRuntimeDeps => ({
    store,
    broadcaster: { toRoles: () => undefined },
    scheduler,
    wallClock: () => new Date(1_700_000_000_000),
  });

  /** A live session played then dropped without a word (the process died). */
  async function playAndCrash(): Promise<void> {
    const scheduler = new ManualScheduler(10_000);
    const live = new SessionRuntime('s1', compiled, 3, 0, deps(scheduler));
    scheduler.advanceBy(1_500);
    await live.apply('listener', { kind: 'pickup' });
    scheduler.advanceBy(20_000); // the greeting's silence timer fires
    await live.apply('listener', { kind: 'move', move: 'se_presenter' });
    await live.apply('trainer', { kind: 'inject', inject: 'sonnette' });
    await live.snapshot('trainer', 0); // every append done
    live.dispose();
  }

  const rebuild = async (scheduler: ManualScheduler, handover = false) =>
    rebuildSession({
      session: { id: 's1', seed: 3, callerActor: false },
      compiled,
      entries: await store.read('s1'),
      runtime: deps(scheduler),
      sessions: new SessionStore(db),
      logger,
      handover,
    });

  it('brings the session back paused at its last moment, records the pause, and goes on when resumed', async () => {
    await playAndCrash();
    const recorded = await store.read('s1');
    const last = recorded.at(-1)!;
    const scheduler = new ManualScheduler(500_000);
    const { runtime, result } = await rebuild(scheduler);
    expect(result.mismatches).toEqual([]);
    expect(logs).toEqual([
      expect.stringMatching(/^log recovery\/rebuilt session=s1 entries=\d+ t=\d+ paused mismatches=0 in/),
    ]);
    const after = await store.read('s1');
    expect(after.slice(0, -1)).toEqual(recorded);
    expect(after.at(-1)).toMatchObject({
      seq: last.seq + 1,
      t: last.t,
      source: 'system',
      input: { kind: 'pause' },
    });
    const snapshot = await runtime.snapshot('trainer', 0);
    expect(snapshot.seq).toBe(last.seq + 1);
    expect(snapshot.view as TrainerView).toMatchObject({ paused: true, t: last.t, phase: 'connected' });
    expect(await runtime.apply('listener', { kind: 'move', move: 'reformuler' })).toMatchObject({
      code: 'session/paused',
    });
    scheduler.advanceBy(60_000);
    expect(await runtime.apply('trainer', { kind: 'resume' })).toEqual({ ok: true, seq: last.seq + 2 });
    scheduler.advanceBy(1_000);
    const ack = await runtime.apply('listener', { kind: 'move', move: 'reformuler' });
    expect(ack).toEqual({ ok: true, seq: last.seq + 3 });
    expect((await store.read('s1')).at(-4)).toMatchObject({ t: last.t + 1_000, input: { kind: 'move' } });
    runtime.dispose();
  });

  it('after a drain (handover) the call goes on at once: no pause nor resume recorded, its timers run, a later replay is exact', async () => {
    await playAndCrash(); // the drain's old owner: every append settled, then its runtime gone
    const recorded = await store.read('s1');
    const last = recorded.at(-1)!;
    const scheduler = new ManualScheduler(500_000);
    const { runtime, result } = await rebuild(scheduler, true);
    expect(result.mismatches).toEqual([]);
    expect(logs).toEqual([
      expect.stringMatching(/^log recovery\/rebuilt session=s1 entries=\d+ t=\d+ resumed mismatches=0 in/),
    ]);
    expect(await store.read('s1')).toEqual(recorded);
    expect(runtime.paused).toBe(false);
    const snapshot = await runtime.snapshot('trainer', 0);
    expect(snapshot.seq).toBe(last.seq);
    expect(snapshot.view as TrainerView).toMatchObject({ paused: false, t: last.t, phase: 'connected' });
    // Inputs are accepted at once, session time going on from the last recorded moment.
    scheduler.advanceBy(1_000);
    expect(await runtime.apply('listener', { kind: 'move', move: 'reformuler' })).toEqual({
      ok: true,
      seq: last.seq + 1,
    });
    const move = (await store.read('s1')).find((e) => e.seq === last.seq + 1);
    expect(move).toMatchObject({ t: last.t + 1_000, kind: 'input', input: { kind: 'move' } });
    // The session's timers still run here (a long silence makes the caller speak again).
    scheduler.advanceBy(60_000);
    await runtime.snapshot('trainer', 0);
    const grown = await store.read('s1');
    expect(grown.length).toBeGreaterThan(last.seq + 1);
    expect(grown.some((e) => e.kind === 'input' && e.source === 'system')).toBe(false);
    runtime.dispose();
    // Replayed again (a crash now), the timeline without a pause gives the same run, entry for entry.
    logs = [];
    const again = await rebuild(new ManualScheduler(900_000));
    expect(again.result.mismatches).toEqual([]);
    expect(again.result.pause).not.toBeNull();
    expect((await store.read('s1')).at(-1)).toMatchObject({ source: 'system', input: { kind: 'pause' } });
    again.runtime.dispose();
  });

  it('a crash takeover (no handover) still records its pause, the trainer resuming', async () => {
    await playAndCrash();
    const count = (await store.read('s1')).length;
    const { runtime } = await rebuild(new ManualScheduler(500_000), false);
    expect(runtime.paused).toBe(true);
    const after = await store.read('s1');
    expect(after).toHaveLength(count + 1);
    expect(after.at(-1)).toMatchObject({ source: 'system', input: { kind: 'pause' } });
    runtime.dispose();
  });

  it('a handover of a call its trainer had paused keeps it paused, nothing recorded', async () => {
    const scheduler = new ManualScheduler(10_000);
    const live = new SessionRuntime('s1', compiled, 3, 0, deps(scheduler));
    await live.apply('listener', { kind: 'pickup' });
    await live.apply('trainer', { kind: 'pause' });
    await live.snapshot('trainer', 0);
    live.dispose();
    const recorded = await store.read('s1');
    const { runtime, result } = await rebuild(new ManualScheduler(), true);
    expect(result.pause).toBeNull();
    expect(runtime.paused).toBe(true);
    expect(await store.read('s1')).toEqual(recorded);
    runtime.dispose();
  });

  it('logs recovery/mismatch with the session id when the record and the rebuild differ', async () => {
    await playAndCrash();
    // A line the scenario would never say at that moment (the record is not what replay gives).
    await db
      .updateTable('timeline')
      .set({ payload: JSON.stringify({ kind: 'line', line: 'rappel', text: 'Autre chose.' }) })
      .where('session_id', '=', 's1')
      .where('seq', '=', 2)
      .execute();
    const { runtime, result } = await rebuild(new ManualScheduler());
    expect(result.mismatches).toHaveLength(1);
    expect(
      logs.filter((l) => l.startsWith('error recovery/mismatch session=s1 observation #0 seq=2')),
    ).toHaveLength(1);
    expect(logs.at(-1)).toMatch(/mismatches=1/);
    runtime.dispose();
  });

  it('marks a call found over as ended, without adding a pause', async () => {
    const scheduler = new ManualScheduler();
    const live = new SessionRuntime('s1', compiled, 3, 0, deps(scheduler));
    await live.apply('listener', { kind: 'pickup' });
    await live.apply('listener', { kind: 'hangup' });
    await live.snapshot('trainer', 0);
    live.dispose();
    const count = (await store.read('s1')).length;
    expect(await new SessionStore(db).item('s1')).toMatchObject({ status: 'live', outcome: null });
    const { runtime, result } = await rebuild(new ManualScheduler());
    expect(result.run.ended).toBe(true);
    expect(result.pause).toBeNull();
    const ending = (await store.read('s1')).find(
      (e) => e.kind === 'observation' && e.observation.kind === 'ending',
    );
    expect(ending).toMatchObject({ observation: { kind: 'ending', reason: 'hangup' } });
    expect(await new SessionStore(db).item('s1')).toMatchObject({ status: 'ended', endedAt: ending?.at });
    expect(await store.read('s1')).toHaveLength(count);
    runtime.dispose();
  });

  it('a warm handover: the head replayed while the old owner still runs, then only the tail; the same run as a cold rebuild', async () => {
    const scheduler = new ManualScheduler(10_000);
    const live = new SessionRuntime('s1', compiled, 3, 0, deps(scheduler));
    await live.apply('listener', { kind: 'pickup' });
    scheduler.advanceBy(20_000); // the greeting's silence timer fires
    await live.snapshot('trainer', 0);
    // The successor reads and replays the head; the call goes on at the old owner meanwhile.
    const warm = new WarmRebuild(
      { id: 's1', seed: 3, callerActor: false },
      compiled,
      new ManualScheduler(500_000),
    );
    warm.feed(await store.read('s1'));
    warm.head = warm.count;
    const head = warm.seq;
    expect(head).toBeGreaterThan(1);
    await live.apply('listener', { kind: 'move', move: 'se_presenter' });
    await live.apply('trainer', { kind: 'inject', inject: 'sonnette' });
    scheduler.advanceBy(30_000);
    await live.apply('listener', { kind: 'move', move: 'reformuler' });
    live.dispose(); // drained: appends settled, lease passed on
    await live.settled();
    const recorded = await store.read('s1');
    const tail = await store.read('s1', warm.seq);
    expect(tail.length).toBeGreaterThan(2);
    expect(tail[0]!.seq).toBe(head + 1);

    const successor = new ManualScheduler(500_000);
    const taken = await rebuildSession({
      session: { id: 's1', seed: 3, callerActor: false },
      compiled,
      entries: tail,
      warm,
      runtime: deps(successor),
      sessions: new SessionStore(db),
      logger,
      handover: true,
    });
    expect(taken.result.mismatches).toEqual([]);
    expect(logs).toEqual([
      expect.stringMatching(
        new RegExp(
          `entries=${recorded.length} t=\\d+ resumed mismatches=0 in .* \\(warm: ${head} replayed before, ${tail.length} after\\)`,
        ),
      ),
    ]);
    expect(await store.read('s1')).toEqual(recorded);
    const warmView = await taken.runtime.snapshot('trainer', 0);
    expect(warmView.seq).toBe(recorded.at(-1)!.seq);
    taken.runtime.dispose();

    // The same timeline rebuilt cold, at once: the same observations and the same view.
    const cold = await rebuild(new ManualScheduler(500_000), true);
    expect(cold.result.observations).toEqual(taken.result.observations);
    expect((await cold.runtime.snapshot('trainer', 0)).view).toEqual(warmView.view);
    cold.runtime.dispose();
  });
});
