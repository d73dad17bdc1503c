// `npm run bench -- --cluster` (issue 15): several server processes on one PostgreSQL and one
// Redis. Two processes, each pinned to its own core, against one process on one core (both in
// cluster mode: the same code path, leases and Redis adapter): the largest N whose p99 (input →
// last observer) stays under the limit, and their ratio. Each session is created on one process
// (which takes its lease) and its clients connect to that same process, as a balancer that routes
// by session would. Then the takeover time with 200 sessions (`server/bench/takeover.mjs`, its
// own process: kill -9 of the owner of them all, the time until the other holds every lease).
// Prints a table and writes JSON under test/bench/results/.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signedInTrainer } from '../support/accounts.js';
import { postgresBinDir, startPostgres } from '../support/postgres.js';
import type { PostgresServer } from '../support/postgres.js';
import { startRedis } from '../support/redis.js';
import { serverNodeFlags, workspaceRoot } from '../support/server-process.js';
import type { LoadResult } from './load.js';
import { runLoadProcess, startProduct } from './processes.js';
import type { RunningServer } from './processes.js';
import { ms } from './stats.js';

export interface ClusterArmOptions {
  /** Largest N tried when doubling. */
  maxSessions: number;
  /** `--n=…`: these N only (for both process counts). */
  only?: number[];
  durationMs: number;
  warmupMs: number;
  p99LimitMs: number;
  /** Sessions and kills of the takeover figure (0 kills: none). */
  takeover: { sessions: number; kills: number; leaseMs: number };
}

interface ClusterStep extends LoadResult {
  processes: number;
  passed: boolean;
}

export interface ClusterReport {
  cpus: number;
  options: ClusterArmOptions;
  steps: ClusterStep[];
  largestPassing: { one: number | null; two: number | null; ratio: number | null };
  takeover: string | null;
}

const SECRET = 'le secret partagé des processus du banc, assez long pour être accepté';

function createDatabase(postgres: PostgresServer, name: string): string {
  execFileSync(
    path.join(postgresBinDir(), 'createdb'),
    ['-h', '127.0.0.1', '-p', String(postgres.port), '-U', 'ecoute', name],
    { stdio: 'pipe' },
  );
  return postgres.url.replace(/\/postgres$/, `/${name}`);
}

/** One N with `processes` servers (process i on core i), a fresh database each time. */
async function runClusterStep(
  processes: number,
  sessions: number,
  env: { postgres: PostgresServer; redisUrl: string },
  options: ClusterArmOptions,
): Promise<ClusterStep> {
  const databaseUrl = createDatabase(env.postgres, `bench_${processes}_${sessions}_${Date.now()}`);
  const cpus = os.cpus().length;
  const servers: RunningServer[] = [];
  try {
    const start = (cpu: number): Promise<RunningServer> =>
      startProduct(
        { DATABASE_URL: databaseUrl, REDIS_URL: env.redisUrl, ECOUTE_SECRET: SECRET },
        { cpu: cpu % cpus },
      );
    // The first alone (it migrates and prints the first boot's setup link), then the others.
    servers.push(await start(0));
    for (let i = 1; i < processes; i++) servers.push(await start(i));
    const first = servers[0]!;
    const headers = await signedInTrainer({ url: first.url, output: first.output ?? (() => '') });
    const result = await runLoadProcess(
      {
        url: first.url,
        servers: servers.map((s) => s.url),
        headers,
        mode: 'product',
        sessions,
        durationMs: options.durationMs,
        warmupMs: options.warmupMs,
        scenarioId: 'appel-entrainement',
        inputEveryMs: 500,
        injectEveryMs: 10_000,
        p99LimitMs: options.p99LimitMs,
      },
      () => undefined,
      // The load on the next free core if there is one; else shared with the servers.
      cpus > processes ? processes : null,
    );
    return {
      ...result,
      processes,
      passed: result.lost === 0 && result.failedAcks === 0 && result.toLastObserver.p99 <= options.p99LimitMs,
    };
  } finally {
    for (const server of servers) await server.stop();
  }
}

function row(s: ClusterStep): string {
  return [
    `${s.processes} processus`.padEnd(12),
    String(s.sessions).padStart(5),
    String(s.inputsSent).padStart(9),
    String(s.lost).padStart(8),
    `${ms(s.ack.p50)} / ${ms(s.ack.p99)}`.padStart(20),
    `${ms(s.toLastObserver.p50)} / ${ms(s.toLastObserver.p99)} / ${ms(s.toLastObserver.p999)}`.padStart(36),
    `${(s.generatorBusy * 100).toFixed(0)} %`.padStart(18),
    s.passed ? '' : '  ✗',
  ].join(' ');
}

const HEADER =
  'processus        N   entrées  perdues  ack p50/p99          → dernier observateur p50/p99/p99.9   générateur occupé';

/** Doubling from 25, then halving the interval down to steps of 50 (as the main arm). */
async function largest(step: (n: number) => Promise<ClusterStep>, options: ClusterArmOptions): Promise<void> {
  if (options.only) {
    for (const n of options.only) await step(n);
    return;
  }
  let passed = 0;
  let failed = 0;
  for (let n = 25; n <= options.maxSessions; n *= 2) {
    if (!(await step(n)).passed) {
      failed = n;
      break;
    }
    passed = n;
  }
  while (passed > 0 && failed > 0 && failed - passed > 50) {
    const n = Math.round((passed + failed) / 2 / 25) * 25;
    if ((await step(n)).passed) passed = n;
    else failed = n;
  }
}

export async function runClusterArm(
  options: ClusterArmOptions,
  log: (line: string) => void = console.log,
): Promise<ClusterReport> {
  const cpus = os.cpus().length;
  if (cpus < 3)
    log(
      `(${cpus} cœurs : le générateur de charge, PostgreSQL et Redis partagent les cœurs des serveurs ; chiffres à refaire sur une machine d’au moins 4 cœurs)`,
    );
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const steps: ClusterStep[] = [];
  try {
    log(HEADER);
    for (const processes of [1, 2])
      await largest(async (n) => {
        const result = await runClusterStep(processes, n, { postgres, redisUrl: redis.url }, options);
        steps.push(result);
        log(row(result));
        return result;
      }, options);
  } finally {
    await redis.stop();
    await postgres.stop();
  }
  const best = (processes: number): number | null => {
    const passing = steps.filter((s) => s.processes === processes && s.passed).map((s) => s.sessions);
    return passing.length ? Math.max(...passing) : null;
  };
  const one = best(1);
  const two = best(2);
  const ratio = one && two ? two / one : null;
  log('');
  log(
    `Plus grand N réussi : 1 processus ${one ?? '—'}, 2 processus ${two ?? '—'}, rapport ${ratio?.toFixed(2) ?? '—'} (objectif ≥ 1,8)`,
  );
  let takeover: string | null = null;
  if (options.takeover.kills > 0) {
    log('');
    const { sessions, kills, leaseMs } = options.takeover;
    const run = spawnSync(
      process.execPath,
      [
        ...serverNodeFlags(),
        path.join(workspaceRoot, 'server/bench/takeover.mjs'),
        String(sessions),
        String(kills),
        String(leaseMs),
      ],
      { cwd: workspaceRoot, encoding: 'utf8' },
    );
    takeover = run.status === 0 ? run.stdout : `takeover benchmark failed: ${run.stderr}`;
    log(takeover);
  }
  const report: ClusterReport = {
    cpus,
    options,
    steps,
    largestPassing: { one, two, ratio },
    takeover,
  };
  const dir = path.join(workspaceRoot, 'test/bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-cluster-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`Résultats : ${path.relative(workspaceRoot, file)}`);
  return report;
}
