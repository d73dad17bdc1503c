#!/usr/bin/env node
// The timeline store under the live pace of the load benchmark, in process (not a timed test):
// N sessions, each appending one batch (a sentence of ~480 characters) every 500 ms, as the
// listeners of `npm run bench` do, on SQLite FULL (WAL fsync off the event loop). After a build:
//
//   node --max-semi-space-size=64 server/bench/paced-appends.mjs [seconds=10] [--sessions=100,400,800] [--sync-ms=2] [--main-checkpoints]
//
// Prints per N: appends, commits and WAL syncs (batches per commit, per sync), the WAL's
// checkpoints done by the worker thread, the WAL's restarts (its header's checkpoint sequence)
// and its file's size at the end (its largest), CPU of the whole process per append (its threads
// included: fsyncs and checkpoints too), the event loop's delay (p99 and max: what every session
// waits behind) and ack latency (append → durable) p50/p99. CPU per append barely depends on how
// busy the machine is; the latencies do. `--main-checkpoints`: SQLite's automatic checkpoint
// inside the commits, on the event loop (as before `wal-checkpointer.ts`), to compare.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const load = (file) => import(pathToFileURL(path.join(root, file)).href);
const { openSqlite } = await load('server/dist/src/database/sqlite.js');
const { SqliteTimelineStore } = await load('server/dist/src/timeline/sqlite-timeline-store.js');
const { SessionStore } = await load('server/dist/src/sessions/session-store.js');

const SECONDS = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 10);
const SESSIONS = (process.argv.find((a) => a.startsWith('--sessions='))?.slice(11) ?? '100,400,800')
  .split(',')
  .map(Number);
// `--sync-ms=1`: the WAL sync replaced by a wait of that long (no fsync): commit strategies
// compared without the disk's own variance (a shared disk's fsync ranges from 0.5 to 20 ms).
const SYNC_MS = process.argv.find((a) => a.startsWith('--sync-ms='))?.slice(10);
const MAIN_CHECKPOINTS = process.argv.includes('--main-checkpoints');
const EVERY_MS = 500;
const PADDING = 'Je vous entends, prenez votre temps, je suis là pour vous écouter. '.repeat(10);

function entry(seq, n) {
  return {
    seq,
    t: n * EVERY_MS,
    at: new Date().toISOString(),
    source: 'listener',
    kind: 'input',
    input: { kind: 'say', text: `${seq}|${PADDING}`.slice(0, 480) },
  };
}

/** The WAL header's checkpoint sequence number: it counts the WAL's restarts from its beginning. */
function walRestarts(file) {
  const header = Buffer.alloc(16);
  const fd = openSync(`${file}-wal`, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return header.readUInt32BE(12);
}

async function measure(sessions) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-paced-'));
  const file = path.join(dir, 'paced.sqlite');
  const handle = await openSqlite(file, 'FULL');
  if (MAIN_CHECKPOINTS) {
    await handle.checkpointer.close();
    handle.sqlite.pragma('wal_autocheckpoint = 1000');
  }
  const store = new SqliteTimelineStore(
    SYNC_MS === undefined
      ? handle
      : { ...handle, walSync: (done) => setTimeout(() => done(null), Number(SYNC_MS)) },
  );
  const sessionStore = new SessionStore(handle.db);
  const ids = [];
  for (let i = 0; i < sessions; i++) {
    const id = `paced${i}`;
    await sessionStore.create(
      {
        id,
        scenarioId: 'bench',
        scenarioVersion: 1,
        seed: 1,
        createdAt: new Date().toISOString(),
        status: 'live',
      },
      { listener: `${id}l`, trainer: `${id}t`, observer: `${id}o` },
    );
    ids.push(id);
  }
  const seqs = ids.map(() => 0);
  const latencies = [];
  let measuring = false;
  let appends = 0;
  const timers = ids.map((id, i) =>
    setTimeout(
      () => {
        timers[i] = setInterval(() => {
          const start = performance.now();
          const counted = measuring;
          seqs[i] += 1;
          void store.append(id, [entry(seqs[i], seqs[i])]).then(() => {
            if (!counted) return;
            latencies.push(performance.now() - start);
          });
          if (counted) appends++;
        }, EVERY_MS);
      },
      (i * 37) % EVERY_MS,
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const checkpointsBefore = handle.checkpointer.checkpoints;
  const restartsBefore = walRestarts(file);
  const before = { ...store.stats };
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const cpuBefore = process.cpuUsage();
  measuring = true;
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  measuring = false;
  const cpu = process.cpuUsage(cpuBefore);
  const after = { ...store.stats };
  delay.disable();
  // The WAL's file: it restarts from its beginning after a complete checkpoint (the file keeps its
  // largest size); bounded near 1,000 pages (4 MB) when the checkpoints keep up.
  const walBytes = statSync(`${file}-wal`).size;
  const restarts = walRestarts(file) - restartsBefore;
  const checkpoints = handle.checkpointer.checkpoints - checkpointsBefore;
  for (const timer of timers) clearInterval(timer);
  await new Promise((resolve) => setTimeout(resolve, 500));
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  const commits = after.commits - before.commits;
  const syncs = after.syncs - before.syncs;
  const batches = after.batches - before.batches;
  return {
    sessions,
    appends,
    commits,
    syncs,
    batches,
    checkpoints,
    walBytes,
    restarts,
    loopP99: delay.percentile(99) / 1e6,
    loopMax: delay.max / 1e6,
    cpu: cpu.user + cpu.system,
    p50: q(0.5),
    p99: q(0.99),
  };
}

console.log(
  '| sessions | appends | batches/commit | batches/sync | worker checkpoints | WAL restarts | WAL file | CPU µs/append | loop delay p99 / max | ack p50 | ack p99 |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const n of SESSIONS) {
  const r = await measure(n);
  console.log(
    `| ${r.sessions} | ${r.appends} | ${(r.batches / r.commits).toFixed(2)} | ${(r.batches / r.syncs).toFixed(2)} | ${r.checkpoints} | ${r.restarts} | ${(r.walBytes / 1048576).toFixed(1)} MB | ${(r.cpu / r.appends).toFixed(0)} | ${r.loopP99.toFixed(1)} / ${r.loopMax.toFixed(1)} ms | ${r.p50.toFixed(2)} ms | ${r.p99.toFixed(2)} ms |`,
  );
}
