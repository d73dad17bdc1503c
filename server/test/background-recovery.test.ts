// The boot that listens first: a server restarted on a database with several live sessions
// answers at once while it rebuilds them in the background; a client that connects to one of
// them gets that one rebuilt on demand, ahead of the queue, in sync; the others wait their turn;
// `RecoveryProgress` says when all are done. The queue is held by a test gate (`recoveryPace`),
// not by timing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ManualScheduler } from '@ecoute/engine';
import type { TimelineEntry, TrainerView } from '@ecoute/engine';
import { RecoveryProgress } from '../src/recovery/recovery-progress.js';
import { TIMELINE_STORE } from '../src/timeline/timeline-store.js';
import type { TimelineStore } from '../src/timeline/timeline-store.js';
import { RoleClient, createSession, startServer } from './utils.js';
import type { TestServer } from './utils.js';

const SESSIONS = 4;

/** A gate per session the recovery queue reaches: the test opens them when it wants. */
class RecoveryGate {
  readonly reached: string[] = [];
  private readonly opens = new Map<string, () => void>();
  private waiters: (() => void)[] = [];

  readonly pace = (sessionId: string): Promise<void> => {
    this.reached.push(sessionId);
    for (const wake of this.waiters.splice(0)) wake();
    return new Promise((resolve) => this.opens.set(sessionId, resolve));
  };

  open(sessionId: string): void {
    this.opens.get(sessionId)?.();
  }

  async reachedAll(count: number): Promise<void> {
    while (this.reached.length < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
}

const isRecoveryPause = (entry: TimelineEntry | undefined): boolean =>
  entry?.kind === 'input' && entry.source === 'system' && entry.input.kind === 'pause';

/**
 * Waits for what the recovery does on its own (reads, a durable append, a commit's sync): asked
 * again every few ms, for up to 20 s of the machine's time (a count of turns of the event loop
 * ran out on a busy machine before a sync was done).
 */
async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error(`never: ${what}`);
}

describe('a restart with live sessions: the server listens first, recovery runs behind', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-background-recovery-'));
  const databaseFile = path.join(dir, 'ecoute.sqlite');
  const sessions: { sessionId: string; tokens: Record<string, string>; last: TimelineEntry }[] = [];
  const clients: RoleClient[] = [];
  let restarted: TestServer | undefined;
  let gate: RecoveryGate | undefined;

  beforeAll(async () => {
    // Four calls played up to a few entries each, then the server goes away.
    const scheduler = new ManualScheduler();
    const first = await startServer({ scheduler, databaseFile });
    try {
      for (let i = 0; i < SESSIONS; i++) {
        const created = await createSession(first.url, 'appel-entrainement', { seed: i + 1 });
        const listener = await RoleClient.connect(first.url, {
          sessionId: created.sessionId,
          token: created.tokens.listener,
        });
        expect(await listener.send({ kind: 'join', name: `Camille ${i + 1}` })).toMatchObject({ ok: true });
        expect(await listener.send({ kind: 'pickup' })).toMatchObject({ ok: true });
        scheduler.advanceBy(2_000 + i * 1_000);
        expect(await listener.send({ kind: 'move', move: 'se_presenter' })).toMatchObject({ ok: true });
        // The trainer's sync: every entry, the last one included (the listener's omits some).
        const trainer = await RoleClient.connect(first.url, {
          sessionId: created.sessionId,
          token: created.tokens.trainer,
        });
        const sync = await trainer.sync(0);
        if (!sync.ok) throw new Error(sync.code);
        listener.close();
        trainer.close();
        sessions.push({ ...created, last: sync.snapshot.entries.at(-1)! });
      }
    } finally {
      await first.close();
    }
  }, 60_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    for (const { sessionId } of sessions) gate?.open(sessionId);
    await restarted?.close();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('answers before recovery is done, rebuilds a session a client asks for ahead of the queue, then the rest', async () => {
    gate = new RecoveryGate();
    const scheduler = new ManualScheduler(1_000_000);
    restarted = await startServer({ scheduler, databaseFile, recoveryPace: gate.pace });
    const progress = restarted.app.get(RecoveryProgress);
    const timeline = restarted.app.get<TimelineStore>(TIMELINE_STORE);
    const recorded = async (i: number) => timeline.read(sessions[i]!.sessionId);

    // Listening, answering; the queue is held at its gates: nothing is rebuilt yet.
    const health = await fetch(`${restarted.url}/api/health`);
    expect(health.status).toBe(200);
    await gate.reachedAll(SESSIONS);
    expect(progress.done).toBe(false);
    expect(progress.pending).toBe(SESSIONS);
    for (let i = 0; i < SESSIONS; i++) expect((await recorded(i)).at(-1)).toEqual(sessions[i]!.last);

    // A trainer connects to the third session: rebuilt now, paused at its last moment, in sync.
    const target = sessions[2]!;
    const trainer = await RoleClient.connect(restarted.url, {
      sessionId: target.sessionId,
      token: target.tokens.trainer!,
    });
    clients.push(trainer);
    const sync = await trainer.sync(0);
    if (!sync.ok) throw new Error(sync.code);
    expect(sync.snapshot.seq).toBe(target.last.seq + 1);
    expect(isRecoveryPause(sync.snapshot.entries.at(-1))).toBe(true);
    expect(sync.snapshot.view as TrainerView).toMatchObject({ paused: true, t: target.last.t });
    // It plays on while the others still wait for the queue.
    expect(await trainer.send({ kind: 'resume' })).toEqual({ ok: true, seq: target.last.seq + 2 });
    expect(progress.done).toBe(false);
    expect(progress.pending).toBe(SESSIONS);
    for (const i of [0, 1, 3]) expect((await recorded(i)).at(-1)).toEqual(sessions[i]!.last);

    // The queue goes on, one gate at a time; the session already rebuilt is not rebuilt again.
    for (const [n, i] of [0, 1, 2, 3].entries()) {
      gate.open(sessions[i]!.sessionId);
      await until(() => progress.pending === SESSIONS - n - 1, `session ${i + 1} recovered`);
      expect(progress.done).toBe(n === SESSIONS - 1);
    }
    expect(progress.done).toBe(true);
    expect(progress.durationMs).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < SESSIONS; i++) {
      const entries = await recorded(i);
      expect(entries.filter(isRecoveryPause)).toHaveLength(1);
      if (i !== 2)
        expect(entries.at(-1)).toMatchObject({ seq: sessions[i]!.last.seq + 1, input: { kind: 'pause' } });
    }
    // The third session kept its resume: one rebuild, not two.
    expect((await recorded(2)).at(-1)).toMatchObject({ seq: target.last.seq + 2, input: { kind: 'resume' } });
  }, 60_000);
});
