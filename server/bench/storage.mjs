#!/usr/bin/env node
// Figures for the timeline store and crash recovery, printed (not a timed test). After a build:
//
//   npx tsc -b packages/engine packages/protocol server test && node --max-semi-space-size=64 server/bench/storage.mjs [seconds] [--postgres] [--sessions=1,50,200]
//
// (`replay.mjs` prints every run of the replay alone, for the "under 50 ms in every run" target.)
//
// (with the server's node flags, `server/node-flags.json`, as `npm run bench` runs it: replay and
// appends are the server's code, measured in the runtime the server has)
//
// 1. Replay of a one-hour session: 7,200 inputs (one every 500 ms: sentences and moves, the
//    trainer's inject every 10 s) of the tutorial call, recorded once live-style, then
//    replayed (`replay`) and rebuilt as crash recovery does (`rebuildRun`: replay + comparison
//    with the record + hand-over to real time); also 36,000 inputs (five hours).
// 2. Durable appends per second and ack latency (append called → promise resolved) with many
//    sessions appending at once, each one batch (an input and two observations) after the
//    other, as live sessions do: SQLite FULL (WAL fsync off the event loop) and FULL_IN_COMMIT
//    with group commit, FULL_IN_COMMIT one commit per append (what group commit saves), SQLite
//    NORMAL with group commit, PostgreSQL (a local server started on loopback, fsync on, when
//    Debian's PostgreSQL is installed); with the share of the time the event loop was busy.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const load = (file) => import(pathToFileURL(path.join(root, file)).href);
const { engine, record, tutorial } = await import('./recorded-call.mjs');
const { openSqlite } = await load('server/dist/src/database/sqlite.js');
const { openPostgresDatabase } = await load('server/dist/src/database/postgres.js');
const { SqliteTimelineStore } = await load('server/dist/src/timeline/sqlite-timeline-store.js');
const { KyselyTimelineStore } = await load('server/dist/src/timeline/kysely-timeline-store.js');
const { SessionStore } = await load('server/dist/src/sessions/session-store.js');
const { entryToRow } = await load('server/dist/src/timeline/rows.js');

// `--postgres`: the PostgreSQL lines only (no replay, no SQLite).
const POSTGRES_ONLY = process.argv.includes('--postgres');
const SECONDS = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 5);
// `--sessions=50,200`: those numbers of concurrent sessions only.
const SESSIONS = (process.argv.find((a) => a.startsWith('--sessions='))?.slice(11) ?? '1,50,200')
  .split(',')
  .map(Number);

// ------------------------------------------------------------------------------------------
// 1. Replay and rebuild

function time(fn, repeat) {
  fn(); // warm-up
  const samples = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0] };
}

const compiled = tutorial();
if (!POSTGRES_ONLY)
  console.log('\n## Replay of a recorded session (tutorial call, one input every 500 ms)\n');
console.log('| inputs | session time | entries | replay (median) | rebuild + check (median) | mismatches |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const count of POSTGRES_ONLY ? [] : [7_200, 36_000]) {
  const entries = record(compiled, count);
  const inputs = entries.filter((e) => e.kind === 'input').map((e) => ({ t: e.t, input: e.input }));
  const until = entries.at(-1).t;
  const repeat = count > 10_000 ? 3 : 7;
  const replayed = time(() => engine.replay(compiled, 42, inputs, { until }), repeat);
  let mismatches = 0;
  const rebuilt = time(() => {
    const result = engine.rebuildRun(compiled, 42, entries, {
      scheduler: engine.systemScheduler,
      onTimer: () => {},
    });
    mismatches = result.mismatches.length;
    result.run.dispose();
  }, repeat);
  console.log(
    `| ${count.toLocaleString('en')} | ${(until / 3_600_000).toFixed(2)} h | ${entries.length.toLocaleString('en')} | ${replayed.median.toFixed(1)} ms | ${rebuilt.median.toFixed(1)} ms | ${mismatches} |`,
  );
}

// ------------------------------------------------------------------------------------------
// 2. Durable appends

/** SQLite, one transaction (one fsync) per append: the store without group commit. */
class SqliteOneCommitPerAppend {
  constructor(sqlite) {
    const insert = sqlite.prepare(
      'INSERT INTO timeline (session_id, seq, t, at, source, category, kind, payload) VALUES (@session_id, @seq, @t, @at, @source, @category, @kind, @payload)',
    );
    this.write = sqlite.transaction((id, entries) => entries.forEach((e) => insert.run(entryToRow(id, e))));
  }
  append(id, entries) {
    return new Promise((resolve) => setImmediate(resolve)).then(() => this.write(id, entries));
  }
}

function batch(seq, n) {
  const at = new Date().toISOString();
  return [
    {
      seq,
      t: n * 500,
      at,
      source: 'listener',
      kind: 'input',
      input: { kind: 'say', text: `Phrase ${n} : je vous écoute, prenez votre temps.` },
    },
    {
      seq: seq + 1,
      t: n * 500,
      at,
      source: 'caller',
      kind: 'observation',
      observation: {
        kind: 'line',
        line: 'oui_cest_ca',
        text: "Oui, c'est exactement ça. Je n'arrive pas à entrer, et il me faut ce papier.",
      },
    },
    {
      seq: seq + 2,
      t: n * 500,
      at,
      source: 'system',
      kind: 'observation',
      observation: { kind: 'variable', variable: 'confiance', value: 7, previous: 6 },
    },
  ];
}

/**
 * CPU seconds used so far by the PostgreSQL server listening on `port` (its postmaster and
 * children, read from /proc): with this process's own, the CPU an append costs, a figure that a
 * busy machine disturbs less than the rate.
 */
function postgresCpu(port) {
  if (!port) return 0;
  const tick = 100; // USER_HZ on Linux
  const stat = (pid) => {
    try {
      const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / tick };
    } catch {
      return undefined;
    }
  };
  const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  const master = pids.find((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`-p\0${port}\0`);
    } catch {
      return false;
    }
  });
  if (!master) return 0;
  let total = stat(master)?.cpu ?? 0;
  for (const pid of pids) {
    const s = stat(pid);
    if (s?.ppid === Number(master)) total += s.cpu;
  }
  return total;
}

async function measure(db, inner, sessions, seconds, fenced = false, postgresPort = 0) {
  // Fenced: each session's lease row at epoch 1, every append carrying it.
  const store = fenced
    ? { append: (id, entries) => inner.append(id, entries, 1), stats: inner.stats }
    : inner;
  const ids = [];
  const sessionStore = new SessionStore(db);
  const prefix = Math.random().toString(36).slice(2, 8);
  for (let i = 0; i < sessions; i++) {
    const id = `b${prefix}${i}`;
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
    if (fenced)
      await db.insertInto('session_leases').values({ session_id: id, owner: 'bench', epoch: 1 }).execute();
  }
  // Warm-up (JIT, file growth), not counted.
  const seqs = new Map(ids.map((id) => [id, 1]));
  const warmUntil = performance.now() + 300;
  await Promise.all(
    ids.map(async (id) => {
      for (let n = 0; performance.now() < warmUntil; n++) {
        await store.append(id, batch(seqs.get(id), n));
        seqs.set(id, seqs.get(id) + 3);
      }
    }),
  );
  const commitsBefore = store.stats?.commits ?? 0;
  const latencies = [];
  let appends = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  const loopBefore = performance.eventLoopUtilization();
  const cpuBefore = process.cpuUsage();
  const postgresBefore = postgresCpu(postgresPort);
  await Promise.all(
    ids.map(async (id) => {
      for (let n = 0, seq = seqs.get(id); performance.now() < deadline; n++, seq += 3) {
        const start = performance.now();
        await store.append(id, batch(seq, n));
        latencies.push(performance.now() - start);
        appends++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const loop = performance.eventLoopUtilization(loopBefore);
  const cpu = process.cpuUsage(cpuBefore);
  const nodeCpu = (cpu.user + cpu.system) / 1e6;
  const serverCpu = postgresCpu(postgresPort) - postgresBefore;
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return {
    appends,
    perSecond: appends / elapsed,
    p50: q(0.5),
    p99: q(0.99),
    commits: store.stats ? store.stats.commits - commitsBefore : undefined,
    loopBusy: loop.utilization,
    nodeCpuPerThousand: (nodeCpu / appends) * 1e6,
    serverCpuPerThousand: (serverCpu / appends) * 1e6,
  };
}

const rows = [];
const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-bench-'));
try {
  const variants = [
    ['SQLite FULL (WAL fsync off the event loop), group commit', 'FULL', (h) => new SqliteTimelineStore(h)],
    [
      'SQLite FULL_IN_COMMIT (fsync in the commit), group commit',
      'FULL_IN_COMMIT',
      (h) => new SqliteTimelineStore(h),
    ],
    [
      'SQLite FULL_IN_COMMIT, one commit per append',
      'FULL_IN_COMMIT',
      (h) => new SqliteOneCommitPerAppend(h.sqlite),
    ],
    ['SQLite NORMAL (no fsync before the ack), group commit', 'NORMAL', (h) => new SqliteTimelineStore(h)],
  ];
  for (const [name, synchronous, make] of POSTGRES_ONLY ? [] : variants) {
    for (const sessions of SESSIONS) {
      const handle = await openSqlite(
        path.join(dir, `${name.replace(/\W+/g, '-')}-${sessions}.sqlite`),
        synchronous,
      );
      const store = make(handle);
      const result = await measure(handle.db, store, sessions, SECONDS);
      rows.push({ name, sessions, ...result });
      await handle.close();
    }
  }
  let postgres;
  try {
    const { startPostgres } = await load('test/dist/support/postgres.js');
    postgres = await startPostgres();
  } catch (error) {
    console.log(`\n(PostgreSQL skipped: ${String(error).split('\n')[0]})`);
  }
  if (postgres) {
    try {
      // Group commit with one commit in flight (as before issue 15), then with three: while one
      // waits for its WAL flush the next is written; and the same with every append fenced by a
      // lease epoch (several processes: the lease rows read FOR SHARE in each commit).
      const pgVariants = [
        ['PostgreSQL (fsync on, pool of 10), a single commit in flight', { commitsInFlight: 1 }, false],
        ['PostgreSQL, three commits in flight', { commitsInFlight: 3 }, false],
        ['PostgreSQL, three commits in flight, fenced (lease epoch)', { commitsInFlight: 3 }, true],
      ];
      for (const [name, options, fenced] of pgVariants) {
        for (const sessions of SESSIONS) {
          const db = await openPostgresDatabase(postgres.url);
          const store = new KyselyTimelineStore(db, options);
          rows.push({
            name,
            sessions,
            ...(await measure(db, store, sessions, SECONDS, fenced, postgres.port)),
          });
          await db.destroy();
        }
      }
    } finally {
      await postgres.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(`\n## Durable appends (an input and two observations each; ${SECONDS} s per line)\n`);
console.log(
  '| store | concurrent sessions | appends/s | ack p50 | ack p99 | appends per commit | event loop busy | CPU ms per 1,000 appends (this process + PostgreSQL) |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const perCommit = r.commits ? (r.appends / r.commits).toFixed(1) : '—';
  console.log(
    `| ${r.name} | ${r.sessions} | ${Math.round(r.perSecond).toLocaleString('en')} | ${r.p50.toFixed(2)} ms | ${r.p99.toFixed(2)} ms | ${r.name.includes('one commit') ? '1' : perCommit} | ${(r.loopBusy * 100).toFixed(0)} % | ${Math.round(r.nodeCpuPerThousand)} + ${Math.round(r.serverCpuPerThousand)} |`,
  );
}
console.log(`\nNode ${process.version}, ${process.platform} ${process.arch}.`);
