// Starts the built server as its own process, as `npm start` does, on a free port with a
// temporary SQLite file; the tests reach it only over HTTP and Socket.IO.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace root: the nearest folder above holding pnpm-workspace.yaml (works from dist/ too). */
export const workspaceRoot = ((): string => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'pnpm-workspace.yaml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('pnpm-workspace.yaml not found');
    dir = parent;
  }
  return dir;
})();

export interface ServerProcess {
  url: string;
  databaseFile: string;
  output: () => string;
  stop(): Promise<void>;
  /** Sends `signal` (SIGKILL by default: a crash) and resolves once the process is gone; keeps the data. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** The process id (to kill it from outside, or pin it to a core). */
  pid: number | undefined;
  /** How the process ended (null while it runs). */
  exit(): { code: number | null; signal: NodeJS.Signals | null } | null;
}

/** How long a server may take to print its listening line before the test gives up on it. */
const START_MS = 120_000;

export interface ServerProcessOptions {
  /**
   * Data folder to use (and keep on stop) instead of a fresh temporary one: a restart on the
   * same database file after a crash.
   */
  dataDir?: string;
}

/** The node flags the server runs with (`server/node-flags.json`): as `npm start` passes them. */
export function serverNodeFlags(): string[] {
  const file = path.join(workspaceRoot, 'server', 'node-flags.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { flags: string[] }).flags;
}

export async function startServerProcess(
  env: Record<string, string> = {},
  options: ServerProcessOptions = {},
): Promise<ServerProcess> {
  const entry = path.join(workspaceRoot, 'server', 'dist', 'src', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build first (npm run build)`);
  const dir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'ecoute-e2e-'));
  const databaseFile = path.join(dir, 'ecoute.sqlite');
  const child: ChildProcess = spawn(process.execPath, [...serverNodeFlags(), entry], {
    cwd: workspaceRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      ECOUTE_DATABASE_FILE: databaseFile,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    // A guard against a server that never starts, not a speed limit: on a busy machine the boot
    // (Nest, the scenario catalogue) took more than 20 s.
    const timer = setTimeout(() => {
      // Not left behind: a server that starts after the test gave up would keep Jest from exiting.
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${output}`));
    }, START_MS);
    const onData = (): void => {
      const match = /http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  const terminate = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    }
  };
  return {
    url,
    databaseFile,
    pid: child.pid,
    output: () => output,
    exit: () =>
      child.exitCode === null && child.signalCode === null
        ? null
        : { code: child.exitCode, signal: child.signalCode },
    async stop() {
      await terminate('SIGTERM');
      if (!options.dataDir) rmSync(dir, { recursive: true, force: true });
    },
    kill: (signal = 'SIGKILL') => terminate(signal),
  };
}
