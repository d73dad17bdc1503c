import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Kysely } from 'kysely';
import { ManualScheduler, compileScenario, parseScenario } from '@ecoute/engine';
import type { CompiledScenario, Role, TimelineEntry } from '@ecoute/engine';
import type { RoleUpdate } from '@ecoute/protocol';
import { findWorkspaceRoot } from '../config/env.js';
import type { Database } from '../database/schema.js';
import { openSqlite } from '../database/sqlite.js';
import { SqliteTimelineStore } from '../timeline/sqlite-timeline-store.js';
import type { TimelineStore } from '../timeline/timeline-store.js';
import { SessionStore } from './session-store.js';
import { SessionRuntime } from './session-runtime.js';

function tutorial(): CompiledScenario {
  const file = path.join(findWorkspaceRoot(), 'scenarios', 'appel-entrainement.yaml');
  const parsed = parseScenario(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return compileScenario(parsed.scenario);
}

/** The real store, with appends that can be held back or made to fail (fault injection). */
class ControlledStore implements TimelineStore {
  failNext = false;
  private held: (() => void)[] = [];
  hold = false;
  constructor(private readonly inner: TimelineStore) {}
  async append(sessionId: string, entries: readonly TimelineEntry[]): Promise<void> {
    if (this.hold) await new Promise<void>((resolve) => this.held.push(resolve));
    if (this.failNext) {
      this.failNext = false;
      throw new Error('disk full');
    }
    return this.inner.append(sessionId, entries);
  }
  release(): void {
    this.hold = false;
    for (const go of this.held.splice(0)) go();
  }
  read(sessionId: string, after?: number, upTo?: number): Promise<TimelineEntry[]> {
    return this.inner.read(sessionId, after, upTo);
  }
  lastSeq(sessionId: string): Promise<number> {
    return this.inner.lastSeq(sessionId);
  }
}

describe('SessionRuntime', () => {
  let dir: string;
  let db: Kysely<Database>;
  let store: ControlledStore;
  let published: { role: Role; update: RoleUpdate }[];
  /** Each broadcast: the roles it went to (one encoding for all of them). */
  let broadcasts: Role[][];
  let events: string[];
  let scheduler: ManualScheduler;
  let runtime: SessionRuntime;
  let storageErrors: unknown[];

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ecoute-runtime-'));
    const handle = await openSqlite(path.join(dir, 'runtime.sqlite'));
    db = handle.db;
    await new SessionStore(db).create(
      {
        id: 's1',
        scenarioId: 'appel-entrainement',
        scenarioVersion: 1,
        seed: 1,
        createdAt: new Date(0).toISOString(),
        status: 'live',
      },
      { listener: 'a', trainer: 'b', observer: 'c' },
    );
    store = new ControlledStore(new SqliteTimelineStore(handle));
    // This test's runtime pushes into this test's arrays (a late push of the previous one cannot).
    const pushed: typeof published = (published = []);
    const seen: string[] = (events = []);
    const sent: Role[][] = (broadcasts = []);
    storageErrors = [];
    scheduler = new ManualScheduler();
    runtime = new SessionRuntime('s1', tutorial(), 1, 0, {
      store,
      broadcaster: {
        toRoles: (_id, roles, update) => {
          sent.push([...roles]);
          for (const role of roles) {
            pushed.push({ role, update });
            seen.push('push');
          }
        },
      },
      scheduler,
      wallClock: () => new Date(1_700_000_000_000),
      onStorageError: (error) => storageErrors.push(error),
    });
  });

  afterEach(async () => {
    runtime.dispose();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('acks an input only once it is durable, then pushes each role its visible entries', async () => {
    store.hold = true;
    let acked = false;
    const ack = runtime.apply('listener', { kind: 'pickup' }).then((result) => {
      acked = true;
      return result;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(acked).toBe(false);
    expect(published).toEqual([]);
    expect(await store.lastSeq('s1')).toBe(0);
    void ack.then(() => events.push('ack'));
    store.release();
    expect(await ack).toEqual({ ok: true, seq: 1 });
    // DESIGN's order: durable, then the ack, then the pushes.
    await new Promise((resolve) => setImmediate(resolve));
    expect(events[0]).toBe('ack');
    expect(events.slice(1)).toEqual(['push', 'push', 'push']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(published.map((p) => p.role)).toEqual(['listener', 'trainer', 'observer']);
    const listener = published.find((p) => p.role === 'listener')!.update;
    const trainer = published.find((p) => p.role === 'trainer')!.update;
    expect(listener.from).toBe(0);
    expect(listener.to).toBe(trainer.to);
    expect(trainer.entries.length).toBeGreaterThan(listener.entries.length);
    expect(
      listener.entries.every(
        (e) => e.kind === 'input' || ['line', 'cue', 'ending'].includes(e.observation.kind),
      ),
    ).toBe(true);
    expect((await store.read('s1')).map((e) => e.seq)).toEqual(trainer.entries.map((e) => e.seq));
  });

  it("records a bookmark's moment within the call so far: a page clock ahead is kept at now", async () => {
    scheduler.advanceBy(5_000);
    expect((await runtime.apply('trainer', { kind: 'bookmark', comment: 'Là', moment: 3_200 })).ok).toBe(
      true,
    );
    expect((await runtime.apply('trainer', { kind: 'bookmark', comment: 'Ici', moment: 9_000 })).ok).toBe(
      true,
    );
    expect((await runtime.apply('trainer', { kind: 'bookmark', comment: 'Sans' })).ok).toBe(true);
    const bookmarks = (await store.read('s1')).flatMap((e) =>
      e.kind === 'input' && e.input.kind === 'bookmark' ? [{ t: e.t, input: e.input }] : [],
    );
    expect(bookmarks).toEqual([
      { t: 5_000, input: { kind: 'bookmark', comment: 'Là', moment: 3_200 } },
      { t: 5_000, input: { kind: 'bookmark', comment: 'Ici', moment: 5_000 } },
      { t: 5_000, input: { kind: 'bookmark', comment: 'Sans' } },
    ]);
  });

  it('keeps arrival order across concurrent inputs and timer batches, with no gap', async () => {
    await runtime.apply('listener', { kind: 'pickup' });
    const acks = [
      runtime.apply('listener', { kind: 'move', move: 'se_presenter' }),
      runtime.apply('listener', { kind: 'say', text: 'Je vous écoute.' }),
      runtime.apply('trainer', { kind: 'inject', inject: 'sonnette' }),
    ];
    scheduler.advanceBy(20_000);
    const results = await Promise.all(acks);
    expect(results.every((r) => r.ok)).toBe(true);
    const seqs = results.map((r) => (r.ok ? r.seq : -1));
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    await runtime.snapshot('trainer', 0);
    const rows = await store.read('s1');
    expect(rows.map((e) => e.seq)).toEqual(rows.map((_, i) => i + 1));
    const updates = published.filter((p) => p.role === 'trainer').map((p) => p.update);
    updates.forEach((u, i) => expect(u.from).toBe(i === 0 ? 0 : updates[i - 1]!.to));
    expect(
      rows.some(
        (e) =>
          e.kind === 'observation' &&
          e.observation.kind === 'line' &&
          e.observation.line === 'toujours_la' &&
          e.t === 20_000,
      ),
    ).toBe(true);
  });

  it('leaves out a view that changed only by its time; the page rebuilds it from the update', async () => {
    await runtime.apply('listener', { kind: 'pickup' });
    await runtime.apply('listener', { kind: 'move', move: 'se_presenter' });
    scheduler.advanceBy(3_000);
    await runtime.apply('listener', { kind: 'say', text: 'Je vous écoute.' });
    const atSay = {
      listener: await runtime.snapshot('listener', 0),
      trainer: await runtime.snapshot('trainer', 0),
      observer: await runtime.snapshot('observer', 0),
    };
    await runtime.apply('trainer', { kind: 'pause' });
    await runtime.snapshot('trainer', 0);
    await new Promise((resolve) => setImmediate(resolve));
    const of = (role: string) => published.filter((p) => p.role === role).map((p) => p.update);
    for (const role of ['listener', 'trainer', 'observer'] as const) {
      const [pickup, move, say, pause] = of(role);
      // The call starts and the caller's state changes: the view travels.
      expect(pickup?.view?.phase).toBe('connected');
      expect(move?.view).toBeDefined();
      // A sentence said changes nothing of the view but its time: entries and t only.
      expect(say).not.toHaveProperty('view');
      expect(say?.t).toBe(3_000);
      // Paused: the view travels again.
      expect(pause?.view?.paused).toBe(true);
      // The last view plus the update's time is exactly what a sync gave at that seq.
      expect({ ...move!.view!, t: say!.t }).toEqual(atSay[role].view);
      expect((await runtime.snapshot(role, 0)).view).toEqual(pause!.view);
    }
  });

  it('sends one update to every role when they would get the same (a sentence said), apart otherwise', async () => {
    await runtime.apply('listener', { kind: 'pickup' });
    await runtime.apply('listener', { kind: 'move', move: 'se_presenter' });
    scheduler.advanceBy(2_000);
    await runtime.apply('listener', { kind: 'say', text: 'Je vous écoute.' });
    // A note kept private: only the listener sees it; the trainer and observers get the same
    // empty update.
    await runtime.apply('listener', { kind: 'note', text: 'Elle hésite.', shared: false });
    await runtime.apply('trainer', { kind: 'pause' });
    await runtime.snapshot('trainer', 0);
    await new Promise((resolve) => setImmediate(resolve));
    // Per update (from → to), the broadcasts that carried it and to whom.
    const byFrom = new Map<number, Role[][]>();
    let k = 0;
    for (const roles of broadcasts) {
      const update = published[k]!.update;
      k += roles.length;
      byFrom.set(update.from, [...(byFrom.get(update.from) ?? []), roles]);
    }
    const fromOf = async (seq: number) => (await store.read('s1', seq - 1, seq))[0]!.seq - 1;
    const sayFrom = await fromOf(
      (await store.read('s1')).find((e) => e.kind === 'input' && e.input.kind === 'say')!.seq,
    );
    // The sentence: every role sees it and no view changed: one broadcast to all three rooms.
    expect(byFrom.get(sayFrom)).toEqual([['listener', 'trainer', 'observer']]);
    const sayUpdates = published.filter((p) => p.update.from === sayFrom).map((p) => p.update);
    expect(new Set(sayUpdates).size).toBe(1);
    expect(sayUpdates[0]).toEqual({ from: sayFrom, to: sayFrom + 1, entries: expect.any(Array), t: 2_000 });
    // The private note: the listener's update apart, the others' together, with no entry.
    const noteFrom = sayFrom + 1;
    expect(byFrom.get(noteFrom)).toEqual([['listener'], ['trainer', 'observer']]);
    const noteUpdates = published.filter((p) => p.update.from === noteFrom);
    expect(noteUpdates.find((p) => p.role === 'listener')!.update.entries).toHaveLength(1);
    expect(noteUpdates.find((p) => p.role === 'observer')!.update.entries).toEqual([]);
    // The pickup and the pause change every view: one update per role, each with its view.
    expect(byFrom.get(0)).toEqual([['listener'], ['trainer'], ['observer']]);
    for (const { role, update } of published.filter((p) => p.update.from === 0))
      expect(update.view?.role).toBe(role);
    const pauseFrom = noteFrom + 1;
    expect(byFrom.get(pauseFrom)).toEqual([['listener'], ['trainer'], ['observer']]);
  });

  it('holds each role view once, however many updates left it out (memory per session)', async () => {
    await runtime.apply('listener', { kind: 'pickup' });
    scheduler.advanceBy(1_000);
    await runtime.apply('listener', { kind: 'say', text: 'Bonjour.' });
    scheduler.advanceBy(1_000);
    await runtime.apply('listener', { kind: 'say', text: 'Je vous écoute.' });
    await runtime.snapshot('listener', 0);
    await new Promise((resolve) => setImmediate(resolve));
    // The runtime's own fields, two levels down (its run and its dependencies aside): every role
    // view it holds. A copy of the last view sent (equal but for t) would double them.
    const isView = (value: unknown): boolean =>
      typeof value === 'object' && value !== null && 'phase' in value && 't' in value;
    const views = new Set<unknown>();
    for (const [field, value] of Object.entries(runtime)) {
      if (field === 'run' || field === 'deps' || typeof value !== 'object' || value === null) continue;
      if (isView(value)) views.add(value);
      for (const inner of Object.values(value as Record<string, unknown>))
        if (isView(inner)) views.add(inner);
    }
    expect(views.size).toBe(3);
  });

  it('refuses what the run refuses without recording anything', async () => {
    expect(await runtime.apply('listener', { kind: 'move', move: 'reformuler' })).toMatchObject({
      ok: false,
      code: 'input/not_available',
    });
    expect(await store.lastSeq('s1')).toBe(0);
    expect(published).toEqual([]);
  });

  it('after a failed append, answers storage_failed and refuses later inputs; what was acked stays', async () => {
    await runtime.apply('listener', { kind: 'pickup' });
    const kept = await store.read('s1');
    store.failNext = true;
    expect(await runtime.apply('listener', { kind: 'move', move: 'se_presenter' })).toMatchObject({
      ok: false,
      code: 'server/storage_failed',
    });
    expect(await runtime.apply('listener', { kind: 'say', text: 'Allô ?' })).toMatchObject({
      ok: false,
      code: 'server/storage_failed',
    });
    expect(storageErrors).toHaveLength(1);
    expect(await store.read('s1')).toEqual(kept);
  });
});
