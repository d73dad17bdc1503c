// `npm run bench`: how many calls one small server carries, how fast, and what each layer
// costs over a bare Socket.IO relay. Prints a table and writes JSON under test/bench/results/.
// `--smoke`: N = 5 for 10 s, the same harness end to end (run inside npm test).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Scrape } from '../support/prometheus.js';
import { serverNodeFlags, workspaceRoot } from '../support/server-process.js';
import type { LoadConfig, LoadResult } from './load.js';
import { runLoadProcess, startProduct, startRelay } from './processes.js';
import type { RunningServer } from './processes.js';
import { burstLine, ms } from './stats.js';
import { climbLadder, largestLines } from './ladder.js';
import { runClusterArm } from './cluster-arm.js';
import { signedInTrainer } from '../support/accounts.js';

export interface StepResult extends LoadResult {
  passed: boolean;
  serverCpuMicrosPerInput: number | null;
  eventLoopDelayP99Ms: number | null;
  memoryPerSessionBytes: number | null;
  /**
   * The same, from a baseline taken after a short warm-up load (WARM_SESSIONS sessions for a few
   * seconds, then a GC): the code the process compiles on its first traffic is a cost per process,
   * not per session; the figure above counts it divided by N. Both targets are measured alike.
   */
  memoryPerSessionWarmBytes: number | null;
  /** GC pauses over the window: the longest (its histogram bucket's upper bound), their share of the window. */
  gcMaxPauseMs: number | null;
  gcShare: number | null;
  /** Inputs (with their observations) made durable per WAL sync, or per commit without syncs. */
  appendsPerSync: number | null;
}

export interface BenchOptions {
  smoke: boolean;
  /**
   * Where doubling stops (it also stops at the first failing N); a target that passes it goes on
   * by quarters of it, up to twice it (`ladder.ts`).
   */
  maxSessions: number;
  /** `--n=100,200`: these N only, no doubling, no store benchmark (to compare one change). */
  only?: number[];
  /** `--target=product|relay`: one target only. */
  target?: LoadConfig['mode'];
  durationMs: number;
  warmupMs: number;
  p99LimitMs: number;
}

/** The figures of one scrape of the target's Prometheus `/metrics` (both targets use prom-client). */
interface Metrics {
  cpuMicros: { user: number; system: number };
  heapUsedBytes: number;
  /** Over the time since the previous scrape (prom-client resets its event-loop histogram). */
  eventLoopDelayMs: { p99: number } | null;
  /** Since boot: GC pauses, and their histogram (cumulative count per upper bound, ms). */
  gcPauses: { count: number; totalMs: number; buckets: Map<number, number> } | null;
  /** The timeline store's group-commit counters since boot (the product only). */
  store: { commits: number; batches: number; syncs?: number } | null;
}

/** `?gc=1`: the target forces a garbage collection first (it runs with --expose-gc). */
async function metrics(server: RunningServer, gc = false): Promise<Metrics> {
  const response = await fetch(`${server.url}/metrics${gc ? '?gc=1' : ''}`);
  if (!response.ok) throw new Error(`GET /metrics: ${response.status}`);
  const scrape = Scrape.parse(await response.text());
  const p99 = scrape.value('nodejs_eventloop_lag_p99_seconds');
  const commits = scrape.value('ecoute_timeline_commits_total');
  const syncs = scrape.value('ecoute_wal_syncs_total');
  const gcCount = scrape.value('nodejs_gc_duration_seconds_count');
  return {
    cpuMicros: {
      user: scrape.sum('process_cpu_user_seconds_total') * 1e6,
      system: scrape.sum('process_cpu_system_seconds_total') * 1e6,
    },
    heapUsedBytes: scrape.sum('nodejs_heap_size_used_bytes'),
    eventLoopDelayMs: p99 === undefined ? null : { p99: p99 * 1000 },
    gcPauses:
      gcCount === undefined && !scrape.samples.some((s) => s.name.startsWith('nodejs_gc_duration'))
        ? null
        : {
            count: scrape.sum('nodejs_gc_duration_seconds_count'),
            totalMs: scrape.sum('nodejs_gc_duration_seconds_sum') * 1000,
            buckets: new Map(
              [...scrape.buckets('nodejs_gc_duration_seconds')].map(([le, n]) => [le * 1000, n]),
            ),
          },
    store:
      commits === undefined
        ? null
        : {
            commits,
            batches: scrape.value('ecoute_timeline_appends_total') ?? 0,
            ...(syncs !== undefined ? { syncs } : {}),
          },
  };
}

/**
 * The longest GC pause between two scrapes, as the upper bound of the highest histogram bucket
 * that gained a pause (a histogram keeps no maximum).
 */
function gcMaxBetween(start: Metrics['gcPauses'], end: Metrics['gcPauses']): number | null {
  if (!end) return null;
  let previous = 0;
  let previousStart = 0;
  let max = 0;
  for (const [le, cumulative] of end.buckets) {
    const before = start?.buckets.get(le) ?? 0;
    if (cumulative - previous - (before - previousStart) > 0) max = le;
    previous = cumulative;
    previousStart = before;
  }
  return max;
}

/**
 * ECOUTE_BENCH_HEAPSNAPSHOT=base|end (the server started with `--heapsnapshot-signal=SIGUSR2`,
 * see processes.ts): a heap snapshot of the target right after the baseline's GC or the window's
 * end's, one per process (a second signal to the same process stalled it here); the server
 * writes it while the benchmark waits, so the snapshot's pause stays out of the window's figures.
 */
async function heapSnapshot(server: RunningServer, when: 'base' | 'end'): Promise<void> {
  if (process.env.ECOUTE_BENCH_HEAPSNAPSHOT !== when) return;
  process.kill(server.pid, 'SIGUSR2');
  // The handler runs on the server's event loop; /metrics answers once the snapshot is written
  // (a kept-alive connection that timed out meanwhile is reset: ask again).
  for (let attempt = 0; ; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    try {
      await metrics(server);
      return;
    } catch (error) {
      if (attempt >= 20) throw error;
    }
  }
}

/** Sessions of the warm-up load before the warmed memory baseline. */
const WARM_SESSIONS = 10;

/** One N against one target: fresh server, load over the window, the server's own figures. */
export async function runStep(
  mode: LoadConfig['mode'],
  sessions: number,
  options: BenchOptions,
): Promise<StepResult> {
  const server = mode === 'product' ? await startProduct() : await startRelay();
  try {
    const baseline = await metrics(server, true);
    let windowStart: Promise<Metrics> | undefined;
    const { output } = server;
    const config: LoadConfig = {
      url: server.url,
      ...(mode === 'product' && output
        ? { headers: await signedInTrainer({ url: server.url, output }) }
        : {}),
      mode,
      sessions,
      durationMs: options.durationMs,
      warmupMs: options.warmupMs,
      scenarioId: 'appel-entrainement',
      inputEveryMs: 500,
      injectEveryMs: 10_000,
      p99LimitMs: options.p99LimitMs,
    };
    // The warm-up: a few sessions through the same path, then the warmed baseline.
    await runLoadProcess(
      { ...config, sessions: Math.min(WARM_SESSIONS, sessions), durationMs: 2_000, warmupMs: 500 },
      () => undefined,
    );
    const warmed = await metrics(server, true);
    await heapSnapshot(server, 'base');
    let windowEnd: Promise<Metrics> | undefined;
    let windowTimer: NodeJS.Timeout | undefined;
    const readEnd = (): Promise<Metrics> =>
      metrics(server, true).then(async (m) => (await heapSnapshot(server, 'end'), m));
    const result = await runLoadProcess(config, () => {
      // The window opens after the warm-up: read the server then, and again at its end.
      // The scrape at the window's start also restarts the event-loop percentiles.
      windowTimer = setTimeout(() => {
        windowStart = metrics(server);
        windowTimer = setTimeout(() => {
          // The end's snapshot while the sessions are still connected (after the load's result
          // they disconnect).
          windowEnd = readEnd();
        }, options.durationMs);
      }, options.warmupMs);
    });
    // On a loaded machine the load process can finish its window before this one's timers fire:
    // the end is read now (never after the server is closed), the start only if it was read.
    clearTimeout(windowTimer);
    if (windowStart && !windowEnd) windowEnd = readEnd();
    const start = await windowStart;
    const end = await windowEnd;
    const cpu =
      start && end
        ? end.cpuMicros.user + end.cpuMicros.system - start.cpuMicros.user - start.cpuMicros.system
        : null;
    const inputs = result.inputsSent * (20 / 19) + (sessions * options.durationMs) / 10_000;
    return {
      ...result,
      passed: result.lost === 0 && result.failedAcks === 0 && result.toLastObserver.p99 <= options.p99LimitMs,
      serverCpuMicrosPerInput: cpu !== null && inputs > 0 ? cpu / inputs : null,
      eventLoopDelayP99Ms: end?.eventLoopDelayMs?.p99 ?? null,
      memoryPerSessionBytes: end ? (end.heapUsedBytes - baseline.heapUsedBytes) / sessions : null,
      memoryPerSessionWarmBytes: end ? (end.heapUsedBytes - warmed.heapUsedBytes) / sessions : null,
      gcMaxPauseMs: gcMaxBetween(start?.gcPauses ?? null, end?.gcPauses ?? null),
      gcShare:
        start?.gcPauses && end?.gcPauses
          ? (end.gcPauses.totalMs - start.gcPauses.totalMs) / options.durationMs
          : null,
      appendsPerSync: appendsPer(start, end),
    };
  } finally {
    await server.stop();
  }
}

function appendsPer(start: Metrics | undefined, end: Metrics | undefined): number | null {
  const [a, b] = [start?.store, end?.store];
  if (!a || !b) return null;
  const writes = b.syncs !== undefined && a.syncs !== undefined ? b.syncs - a.syncs : b.commits - a.commits;
  return writes > 0 ? (b.batches - a.batches) / writes : null;
}

/**
 * The ladder of `ladder.ts` (doubling from 25, past `maxSessions` by quarters while nothing
 * failed, then halving down to steps of 50 sessions: doubling alone only tells 400 from 800),
 * each N a step of the benchmark.
 */
export async function doubling(
  mode: LoadConfig['mode'],
  options: BenchOptions,
  log: (line: string) => void,
): Promise<{ steps: StepResult[]; capped: boolean }> {
  const steps: StepResult[] = [];
  const { capped } = await climbLadder(options.maxSessions, async (n) => {
    const result = await runStep(mode, n, options);
    steps.push(result);
    logStep(log, result);
    return result.passed;
  });
  return { steps, capped };
}

const HEADER =
  'cible    N     entrées  perdues  ack p50/p99        → formateur p50/p99/p99.9       → dernier observateur p50/p99/p99.9   CPU µs/entrée  boucle p99  mémoire/séance (après échauffement)  GC max / part  lots/sync  générateur occupé';

export function row(s: StepResult): string {
  const f = (v: number | null, digits = 1): string =>
    v === null || !Number.isFinite(v) ? '—' : v.toFixed(digits);
  return [
    s.mode.padEnd(8),
    String(s.sessions).padStart(4),
    String(s.inputsSent).padStart(9),
    String(s.lost).padStart(8),
    `${ms(s.ack.p50)} / ${ms(s.ack.p99)}`.padStart(20),
    `${ms(s.toTrainer.p50)} / ${ms(s.toTrainer.p99)} / ${ms(s.toTrainer.p999)}`.padStart(32),
    `${ms(s.toLastObserver.p50)} / ${ms(s.toLastObserver.p99)} / ${ms(s.toLastObserver.p999)}`.padStart(36),
    f(s.serverCpuMicrosPerInput, 0).padStart(14),
    `${f(s.eventLoopDelayP99Ms, 2)} ms`.padStart(11),
    s.memoryPerSessionBytes === null ? '—' : `${(s.memoryPerSessionBytes / 1024).toFixed(1)} Ko`.padStart(15),
    (s.memoryPerSessionWarmBytes === null
      ? '—'
      : `(${(s.memoryPerSessionWarmBytes / 1024).toFixed(1)} Ko)`
    ).padStart(20),
    (s.gcMaxPauseMs === null || s.gcShare === null
      ? '—'
      : `${f(s.gcMaxPauseMs)} ms / ${(s.gcShare * 100).toFixed(1)} %`
    ).padStart(15),
    f(s.appendsPerSync).padStart(10),
    `${(s.generatorBusy * 100).toFixed(0)} %`.padStart(18),
    s.passed ? '' : '  ✗',
  ].join(' ');
}

/** A step's row, and under a failed one the second its p99 came from. */
function logStep(log: (line: string) => void, s: StepResult): void {
  log(row(s));
  const burst = burstLine(s.passed, s.worstSecond);
  if (burst) log(burst);
}

export interface BenchReport {
  commit: string;
  machine: { cpus: number; model: string; memoryGiB: number; node: string; taskset: boolean };
  options: BenchOptions;
  product: StepResult[];
  relay: StepResult[];
  /** The timeline store alone (server/bench/storage.mjs, run as its own process): its table. */
  storage: string | null;
  summary: {
    largestPassing: {
      product: number | null;
      relay: number | null;
      ratio: number | null;
      /** A target that never failed up to twice `maxSessions`: its N is a floor of its limit. */
      capped: { product: boolean; relay: boolean };
    };
    at100: {
      p50Ratio: number | null;
      p99Ratio: number | null;
      p50ExtraMs: number | null;
      p99ExtraMs: number | null;
    } | null;
  };
}

function largestPassing(steps: StepResult[]): number | null {
  const passing = steps.filter((s) => s.passed).map((s) => s.sessions);
  return passing.length ? Math.max(...passing) : null;
}

export async function runBench(
  options: BenchOptions,
  log: (line: string) => void = console.log,
): Promise<BenchReport> {
  log(HEADER);
  const capped = { product: false, relay: false };
  const steps = async (mode: LoadConfig['mode']): Promise<StepResult[]> => {
    if (options.target && options.target !== mode) return [];
    if (options.smoke) return [await runStep(mode, 5, options)];
    if (!options.only) {
      const ladder = await doubling(mode, options, log);
      capped[mode] = ladder.capped;
      return ladder.steps;
    }
    const results: StepResult[] = [];
    for (const n of options.only) {
      results.push(await runStep(mode, n, options));
      logStep(log, results.at(-1) as StepResult);
    }
    return results;
  };
  const product = await steps('product');
  const relay = await steps('relay');
  if (options.smoke) for (const s of [...product, ...relay]) logStep(log, s);
  // The store alone: the server's own storage benchmark, as a process (nothing imports server).
  let storage: string | null = null;
  if (!options.smoke && !options.only) {
    log('');
    // With the server's node flags: replay and appends are the server's code, run as it runs.
    const script = path.join(workspaceRoot, 'server/bench/storage.mjs');
    const run = spawnSync(process.execPath, [...serverNodeFlags(), script, '5'], {
      cwd: workspaceRoot,
      encoding: 'utf8',
    });
    storage = run.status === 0 ? run.stdout : `storage benchmark failed: ${run.stderr}`;
    log(storage);
  }
  const p = largestPassing(product);
  const r = largestPassing(relay);
  const at = (steps: StepResult[]) => steps.find((s) => s.sessions === 100);
  const p100 = at(product);
  const r100 = at(relay);
  const report: BenchReport = {
    commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: workspaceRoot,
      encoding: 'utf8',
    }).trim(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model ?? '?',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      taskset: (() => {
        try {
          execFileSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
          return true;
        } catch {
          return false;
        }
      })(),
    },
    options,
    product,
    relay,
    storage,
    summary: {
      largestPassing: { product: p, relay: r, ratio: p !== null && r ? p / r : null, capped },
      at100:
        p100 && r100
          ? {
              p50Ratio: p100.toLastObserver.p50 / r100.toLastObserver.p50,
              p99Ratio: p100.toLastObserver.p99 / r100.toLastObserver.p99,
              p50ExtraMs: p100.toLastObserver.p50 - r100.toLastObserver.p50,
              p99ExtraMs: p100.toLastObserver.p99 - r100.toLastObserver.p99,
            }
          : null,
    },
  };
  log('');
  for (const line of largestLines(p, r, capped, options.maxSessions)) log(line);
  if (report.summary.at100) {
    const a = report.summary.at100;
    log(
      `À 100 séances (→ dernier observateur) : p50 ×${a.p50Ratio?.toFixed(2)} (+${a.p50ExtraMs?.toFixed(2)} ms), p99 ×${a.p99Ratio?.toFixed(2)} (+${a.p99ExtraMs?.toFixed(2)} ms)`,
    );
  }
  const dir = path.join(workspaceRoot, 'test/bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(
    dir,
    `bench-${options.smoke ? 'smoke-' : ''}${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`Résultats : ${path.relative(workspaceRoot, file)}`);
  return report;
}

if (process.argv[1]?.endsWith('bench.js')) {
  const smoke = process.argv.includes('--smoke');
  const flag = (name: string): string | undefined =>
    process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const max = flag('max');
  const only = flag('n');
  const target = flag('target');
  // `--cluster`: the several-processes arm alone (cluster-arm.ts); `--kills=5`, `--lease=2000`.
  if (process.argv.includes('--cluster')) {
    runClusterArm({
      maxSessions: max ? Number(max) : 1600,
      ...(only ? { only: only.split(',').map(Number) } : {}),
      durationMs: 20_000,
      warmupMs: 3_000,
      p99LimitMs: 50,
      takeover: {
        sessions: 200,
        kills: Number(flag('kills') ?? 5),
        leaseMs: Number(flag('lease') ?? 2_000),
      },
    }).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  } else {
    if (target !== undefined && target !== 'product' && target !== 'relay') {
      console.error(`--target=${target}: product or relay`);
      process.exit(2);
    }
    runBench({
      smoke,
      maxSessions: max ? Number(max) : 1600,
      ...(only ? { only: only.split(',').map(Number) } : {}),
      ...(target ? { target } : {}),
      durationMs: smoke ? 10_000 : 20_000,
      warmupMs: smoke ? 1_000 : 3_000,
      p99LimitMs: 50,
    }).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  }
}
