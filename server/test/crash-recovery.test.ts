// The kill -9 test: the BUILT server as a process, three live calls driven by real socket.io
// clients, the process killed with SIGKILL in the middle of their traffic, then restarted on the
// same database. Every acked input must be in the timeline; replaying the recorded inputs must
// give the recorded observations (in the test, with the engine, and in the server's rebuild);
// each session comes back paused at its last moment, the trainer resumes, the call ends.
// Session time is the test's (`ECOUTE_TEST_CLOCK=manual`): it moves when the test says, so the
// timers fire where the test wants them, however busy the machine.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Kysely } from 'kysely';
import { compileScenario, parseScenario, replay } from '@ecoute/engine';
import type { CompiledScenario, Input, Role, TimelineEntry, TrainerView } from '@ecoute/engine';
import { freePort, startPostgres } from '@ecoute/test/support/postgres.js';
import type { PostgresServer } from '@ecoute/test/support/postgres.js';
import { signedInTrainer } from '@ecoute/test/support/accounts.js';
import { startServerProcess } from '@ecoute/test/support/server-process.js';
import type { ServerProcess } from '@ecoute/test/support/server-process.js';
import { MANUAL_CLOCK, advanceClock } from '@ecoute/test/support/test-clock.js';
import { findWorkspaceRoot } from '../src/config/env.js';
import { openPostgresDatabase } from '../src/database/postgres.js';
import type { Database } from '../src/database/schema.js';
import { openSqlite } from '../src/database/sqlite.js';
import { SessionStore } from '../src/sessions/session-store.js';
import { KyselyTimelineStore } from '../src/timeline/kysely-timeline-store.js';
import { SqliteTimelineStore } from '../src/timeline/sqlite-timeline-store.js';
import type { TimelineStore } from '../src/timeline/timeline-store.js';
import { RoleClient, createSession } from './utils.js';

const SCENARIO = 'appel-entrainement';

function tutorial(): CompiledScenario {
  const file = path.join(findWorkspaceRoot(), 'scenarios', `${SCENARIO}.yaml`);
  const parsed = parseScenario(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return compileScenario(parsed.scenario);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Backend {
  name: string;
  env(): Record<string, string>;
  /** Opens the database the server wrote, from the test. */
  open(): Promise<{ db: Kysely<Database>; timeline: TimelineStore }>;
  close(): Promise<void>;
}

function sqliteBackend(dataDir: string): Backend {
  return {
    name: 'SQLite',
    env: () => ({}),
    async open() {
      const handle = await openSqlite(path.join(dataDir, 'ecoute.sqlite'));
      return { db: handle.db, timeline: new SqliteTimelineStore(handle) };
    },
    close: () => Promise.resolve(),
  };
}

function postgresBackend(): Backend {
  let server: PostgresServer | undefined;
  return {
    name: 'PostgreSQL',
    env: () => ({ DATABASE_URL: server!.url }),
    async open() {
      server ??= await startPostgres();
      const db = await openPostgresDatabase(server.url);
      return { db, timeline: new KyselyTimelineStore(db) };
    },
    async close() {
      await server?.stop();
    },
  };
}

interface Acked {
  seq: number;
  input: Input;
  role: Role;
}

interface Call {
  sessionId: string;
  tokens: Record<string, string>;
  listener: RoleClient;
  trainer: RoleClient;
  observer: RoleClient;
  acked: Acked[];
}

describe.each([
  ['SQLite', (dir: string) => sqliteBackend(dir)],
  ['PostgreSQL', () => postgresBackend()],
])('kill -9 in the middle of three live calls (%s)', (_name, makeBackend) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ecoute-crash-'));
  const backend = makeBackend(dataDir);
  const compiled = tutorial();
  let port: number;
  let server: ServerProcess | undefined;
  let restarted: ServerProcess | undefined;
  const calls: Call[] = [];
  const clients: RoleClient[] = [];

  beforeAll(async () => {
    // PostgreSQL starts here (the test's own connection migrates it; the server finds it ready).
    const { db } = await backend.open();
    await db.destroy();
    port = await freePort();
  }, 240_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.stop();
    await restarted?.stop();
    await backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  const start = (logLevel: string): Promise<ServerProcess> =>
    startServerProcess(
      { PORT: String(port), ...MANUAL_CLOCK, LOG_LEVEL: logLevel, ...backend.env() },
      { dataDir },
    );

  const connect = async (sessionId: string, token: string): Promise<RoleClient> => {
    const client = await RoleClient.connect(`http://127.0.0.1:${port}`, { sessionId, token });
    clients.push(client);
    return client;
  };

  /** Sends and keeps the input if acked; never rejects (a crash leaves some unanswered). */
  const send = async (call: Call, role: 'listener' | 'trainer', input: Input): Promise<boolean> => {
    try {
      const ack = await call[role].send(input);
      if (ack.ok) call.acked.push({ seq: ack.seq, input, role });
      return ack.ok;
    } catch {
      return false;
    }
  };

  it('records every acked input, and the recorded observations replay exactly', async () => {
    server = await start('warn');
    for (let i = 0; i < 3; i++) {
      const created = await createSession(server.url, SCENARIO, { headers: await signedInTrainer(server) });
      const call: Call = {
        sessionId: created.sessionId,
        tokens: created.tokens,
        listener: await connect(created.sessionId, created.tokens.listener),
        trainer: await connect(created.sessionId, created.tokens.trainer),
        observer: await connect(created.sessionId, created.tokens.observer),
        acked: [],
      };
      calls.push(call);
    }
    await Promise.all(
      calls.map(async (call, i) => {
        expect(await send(call, 'listener', { kind: 'join', name: `Camille ${i + 1}` })).toBe(true);
        expect(await send(call, 'trainer', { kind: 'join', name: 'Dominique' })).toBe(true);
        expect(await send(call, 'listener', { kind: 'pickup' })).toBe(true);
      }),
    );
    // The greeting's 20 s silence timer fires in each call.
    await advanceClock(server.url, 20_000);
    await Promise.all(
      calls.map(async (call) => {
        await call.trainer.waitFor(
          (c) =>
            c.entries.some(
              (e) =>
                e.kind === 'observation' &&
                e.observation.kind === 'line' &&
                e.observation.line === 'toujours_la',
            ),
          'the silence timer',
        );
        expect(await send(call, 'listener', { kind: 'move', move: 'se_presenter' })).toBe(true);
        expect(await send(call, 'trainer', { kind: 'inject', inject: 'sonnette' })).toBe(true);
        expect(await send(call, 'listener', { kind: 'move', move: 'valider_emotion' })).toBe(true);
      }),
    );

    // Traffic on the three calls at once, several inputs in flight, session time moving on 1 s
    // now and then (timers may fire among the inputs in flight), until the process is killed.
    let running = true;
    const clock = (async () => {
      while (running) {
        await sleep(150);
        await advanceClock(server!.url, 1_000).catch(() => undefined);
      }
    })();
    const inFlight: Promise<boolean>[] = [];
    const traffic = calls.map(async (call) => {
      for (let n = 0; running; n++) {
        const input: Input =
          n % 4 === 3
            ? { kind: 'move', move: 'question_ouverte' }
            : { kind: 'say', text: `Phrase ${n} : je vous écoute.` };
        inFlight.push(send(call, 'listener', input));
        if (n % 10 === 5) inFlight.push(send(call, 'trainer', { kind: 'inject', inject: 'sonnette' }));
        await sleep(45);
      }
    });
    await sleep(1200);
    await server.kill('SIGKILL');
    running = false;
    await Promise.all(traffic);
    await clock;
    await Promise.all(inFlight);
    for (const call of calls) {
      call.listener.close();
      call.trainer.close();
      call.observer.close();
    }

    const { db, timeline } = await backend.open();
    try {
      for (const call of calls) {
        const entries = await timeline.read(call.sessionId);
        expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
        // Every acked input is there, at its seq, from its role.
        expect(call.acked.length).toBeGreaterThan(10);
        for (const { seq, input, role } of call.acked) {
          expect(entries[seq - 1]).toMatchObject({ seq, kind: 'input', source: role, input });
        }
        // The recorded observations are what the recorded inputs give, timers included.
        const inputs = entries.flatMap((e) => (e.kind === 'input' ? [{ t: e.t, input: e.input }] : []));
        const observations = entries.flatMap((e) =>
          e.kind === 'observation' ? [{ t: e.t, observation: e.observation }] : [],
        );
        expect(replay(compiled, 42, inputs, { until: entries.at(-1)!.t })).toEqual(observations);
        expect(observations.some((o) => o.observation.kind === 'ending')).toBe(false);
      }
    } finally {
      await db.destroy();
    }
  }, 240_000);

  it('restarts on the same database: each call comes back paused at its last moment, the same for every client', async () => {
    const { db, timeline } = await backend.open();
    const before = new Map<string, TimelineEntry[]>();
    try {
      for (const call of calls) before.set(call.sessionId, await timeline.read(call.sessionId));
    } finally {
      await db.destroy();
    }
    restarted = await start('log');
    // The server listens first and rebuilds the live sessions in the background.
    for (let i = 0; i < 4_000 && !restarted.output().includes('recovery/done'); i++) await sleep(25);
    const log = restarted.output();
    expect(log).toMatch(/recovery\/done sessions=3 in \d+ ms/);
    // Installed before the crash: the start line gives the sign-in's address, not a setup link.
    expect(log).toMatch(/\n {2}connexion : http:\/\/localhost:\d+\/connexion\n/);
    expect(log).not.toContain('première installation');
    expect(log).not.toContain('recovery/mismatch');
    for (const call of calls) {
      const recorded = before.get(call.sessionId)!;
      const last = recorded.at(-1)!;
      expect(log).toMatch(
        new RegExp(
          `recovery/rebuilt session=${call.sessionId} entries=${recorded.length} t=${last.t} paused mismatches=0`,
        ),
      );

      call.trainer = await connect(call.sessionId, call.tokens.trainer!);
      call.listener = await connect(call.sessionId, call.tokens.listener!);
      call.observer = await connect(call.sessionId, call.tokens.observer!);
      const trainer = await call.trainer.sync(0);
      if (!trainer.ok) throw new Error(trainer.code);
      const { snapshot } = trainer;
      // The seq continues: the recorded entries, then the pause the recovery recorded.
      expect(snapshot.seq).toBe(last.seq + 1);
      expect(snapshot.entries.slice(0, -1)).toEqual(recorded);
      expect(snapshot.entries.at(-1)).toMatchObject({
        seq: last.seq + 1,
        t: last.t,
        source: 'system',
        kind: 'input',
        input: { kind: 'pause' },
      });
      const view = snapshot.view as TrainerView;
      expect(view).toMatchObject({ phase: 'connected', paused: true, t: last.t });
      // The hidden variables are those the record last gives.
      for (const gauge of view.variables) {
        const lastValue = [...recorded]
          .reverse()
          .find(
            (e) =>
              e.kind === 'observation' &&
              e.observation.kind === 'variable' &&
              e.observation.variable === gauge.id,
          );
        if (lastValue?.kind === 'observation' && lastValue.observation.kind === 'variable')
          expect(gauge.value).toBe(lastValue.observation.value);
      }
      // The listener and the observer find the same moment (their share of it).
      for (const client of [call.listener, call.observer]) {
        const sync = await client.sync(0);
        if (!sync.ok) throw new Error(sync.code);
        expect(sync.snapshot.seq).toBe(last.seq + 1);
        expect(sync.snapshot.view).toMatchObject({ phase: 'connected', paused: true, t: last.t });
      }
      // Paused: the listener waits for the trainer.
      expect(await call.listener.send({ kind: 'say', text: 'Allô ?' })).toMatchObject({
        ok: false,
        code: 'session/paused',
      });
    }
  }, 240_000);

  it('the trainer resumes; timers go on where they stood and each call reaches an ending', async () => {
    const resumedSeqs = new Map<Call, number>();
    for (const call of calls) {
      const resumed = await call.trainer.send({ kind: 'resume' });
      expect(resumed).toMatchObject({ ok: true });
      resumedSeqs.set(call, resumed.ok ? resumed.seq : 0);
    }
    // The silence timer pending at the crash fires after its remaining time (at most 20 s).
    await advanceClock(restarted!.url, 20_000);
    await Promise.all(
      calls.map(async (call) => {
        const resumedSeq = resumedSeqs.get(call)!;
        await call.listener.waitFor(
          (c) =>
            c.entries.some(
              (e) =>
                e.seq > resumedSeq &&
                e.kind === 'observation' &&
                e.observation.kind === 'line' &&
                e.observation.line === 'toujours_la',
            ),
          'the silence timer after the resume',
        );
        expect(await call.listener.send({ kind: 'move', move: 'proposer_rappel' })).toMatchObject({
          ok: true,
        });
        await call.observer.waitFor((c) => c.view?.phase === 'ended', 'the ending');
        expect(call.observer.view?.ending).toMatchObject({ ending: 'rappel', outcome: 'good' });
      }),
    );
    // The whole timeline, recovery's pause included, replays to what was recorded.
    const { db, timeline } = await backend.open();
    try {
      const sessions = new SessionStore(db);
      for (const call of calls) {
        const entries = await timeline.read(call.sessionId);
        const inputs = entries.flatMap((e) => (e.kind === 'input' ? [{ t: e.t, input: e.input }] : []));
        const observations = entries.flatMap((e) =>
          e.kind === 'observation' ? [{ t: e.t, observation: e.observation }] : [],
        );
        expect(replay(compiled, 42, inputs)).toEqual(observations);
        let listed = await sessions.list({ scenarioId: SCENARIO });
        for (let i = 0; i < 50 && listed.find((s) => s.id === call.sessionId)?.status !== 'ended'; i++) {
          await sleep(50);
          listed = await sessions.list({ scenarioId: SCENARIO });
        }
        expect(listed.find((s) => s.id === call.sessionId)).toMatchObject({
          status: 'ended',
          outcome: 'good',
        });
      }
    } finally {
      await db.destroy();
    }
  }, 60_000);
});
