// The processes of a benchmark run: the server (the product, or the bare relay) pinned to one
// core and the load generator pinned to the other, when `taskset` exists.
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serverNodeFlags, workspaceRoot } from '../support/server-process.js';
import type { LoadConfig, LoadResult } from './load.js';

const hasTaskset = ((): boolean => {
  try {
    execFileSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

export function pinned(cpu: number, command: string, args: string[]): [string, string[]] {
  return hasTaskset ? ['taskset', ['-c', String(cpu), command, ...args]] : [command, args];
}

export interface RunningServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
  /** What the process printed (the product's: its start line). */
  output?: () => string;
}

function waitForUrl(child: ChildProcess, pattern: RegExp, what: string): Promise<string> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${output}`)), 120_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${output}`));
    });
  });
}

function stopper(child: ChildProcess, cleanup: () => void): () => Promise<void> {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    cleanup();
  };
}

/**
 * The production server on core 0 (or `cpu`), with its own SQLite file (unless `env` gives
 * DATABASE_URL), metrics on and GC exposed.
 */
export async function startProduct(
  env: Record<string, string> = {},
  placement: { cpu?: number } = {},
): Promise<RunningServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-bench-'));
  // ECOUTE_BENCH_NODE_ARGS: more flags for the server's node, to look inside a run, e.g.
  // "--cpu-prof --cpu-prof-dir=/tmp/prof" (written when the server stops), "--heap-prof", "--trace-gc",
  // "--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=/tmp/snap" with ECOUTE_BENCH_HEAPSNAPSHOT=base or end
  // (bench.ts signals the server after the baseline's GC and after the window's). The relay too.
  const extra = process.env.ECOUTE_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const [command, args] = pinned(placement.cpu ?? 0, process.execPath, [
    '--expose-gc',
    ...serverNodeFlags(),
    ...extra,
    path.join(workspaceRoot, 'server/dist/src/main.js'),
  ]);
  const child = spawn(command, args, {
    cwd: workspaceRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      ECOUTE_METRICS: '1',
      ECOUTE_DATABASE_FILE: path.join(dir, 'bench.sqlite'),
      LOG_LEVEL: 'error',
      // Every simulated client comes from 127.0.0.1: no per-address limits in the benchmark.
      ECOUTE_CREATE_PER_MINUTE: '0',
      ECOUTE_ADDRESS_MESSAGES_PER_SECOND: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The start line carries the first boot's setup link (test/support/accounts.ts signs in with it).
  let startLine = '';
  child.stdout?.on('data', (chunk: Buffer) => (startLine += chunk.toString()));
  // ECOUTE_BENCH_SERVER_LOG=FILE: the server's output appended there too (with "--trace-gc" in
  // ECOUTE_BENCH_NODE_ARGS: every collection's kind and pause).
  const log = process.env.ECOUTE_BENCH_SERVER_LOG;
  if (log)
    for (const out of [child.stdout, child.stderr])
      out?.on('data', (chunk: Buffer) => appendFileSync(log, chunk));
  const url = await waitForUrl(child, /http:\/\/localhost:(\d+)/, 'server');
  return {
    url,
    pid: child.pid ?? 0,
    output: () => startLine,
    stop: stopper(child, () => rmSync(dir, { recursive: true, force: true })),
  };
}

/** The bare Socket.IO relay on core 0. */
export async function startRelay(): Promise<RunningServer> {
  const extra = process.env.ECOUTE_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const [command, args] = pinned(0, process.execPath, [
    '--expose-gc',
    // The same runtime flags as the product: the comparison is of layers, not of V8 settings.
    ...serverNodeFlags(),
    ...extra,
    path.join(workspaceRoot, 'test/dist/bench/relay.js'),
  ]);
  const child = spawn(command, args, {
    cwd: workspaceRoot,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await waitForUrl(child, /RELAY http:\/\/127\.0\.0\.1:(\d+)/, 'relay');
  return { url, pid: child.pid ?? 0, stop: stopper(child, () => undefined) };
}

/**
 * Runs the load generator on core 1 (or `cpu`; null: not pinned). `onWindow` is called when its
 * measured window opens (after setup and warm-up), so the caller can read the server's figures
 * over the same window.
 */
export function runLoadProcess(
  config: LoadConfig,
  onWindow: () => void,
  cpu: number | null = 1,
): Promise<LoadResult> {
  const script = [path.join(workspaceRoot, 'test/dist/bench/load.js'), JSON.stringify(config)];
  const [command, args] = cpu === null ? [process.execPath, script] : pinned(cpu, process.execPath, script);
  const child = spawn(command, args, { cwd: workspaceRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let buffer = '';
  let errors = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        const message = JSON.parse(line) as { event: string; result?: LoadResult };
        if (message.event === 'window') onWindow();
        if (message.event === 'result' && message.result) resolve(message.result);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${code}: ${errors}`));
    });
  });
}
