// The server does not outlive its launcher (scripts/launcher.mjs): `npm start` as an operator runs
// it, the launcher killed by SIGKILL — npm itself, the start script, or the older node's wrapper
// that re-runs it under Node 24 — and the server stops cleanly, its port free again. Needs the
// build (npm start builds only what is stale).
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { freePort } from '../support/postgres.js';
import { workspaceRoot } from '../support/server-process.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-launcher-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Launched {
  launcher: ChildProcess;
  port: number;
  output: () => string;
}

/** Starts `command args` from the repository root, as an operator would, and waits for the start line. */
async function launch(command: string, args: string[], name: string): Promise<Launched> {
  const port = await freePort();
  // The environment of an operator's shell: no Écoute variable but the test's own.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('ECOUTE_') && key !== 'DATABASE_URL'),
  );
  const launcher = spawn(command, args, {
    cwd: workspaceRoot,
    env: {
      ...inherited,
      PORT: String(port),
      HOST: '127.0.0.1',
      ECOUTE_DATA_DIR: path.join(dir, name),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: whatever the test leaves behind is ended by `endGroup`.
    detached: true,
  });
  let output = '';
  // The server and every launcher write to these same pipes: they stay readable after npm is gone.
  launcher.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  launcher.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start line:\n${output}`)), 240_000);
    const onData = (): void => {
      if (output.includes(`Écoute écoute sur http://localhost:${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    launcher.stdout?.on('data', onData);
    launcher.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the launcher exited (${code}) before the start line:\n${output}`));
    });
  });
  return { launcher, port, output: () => output };
}

/** Whether something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Polls until the port is free (true), or gives up after `ms` (false). */
async function portFreed(port: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!(await listening(port))) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** Ends what is left of the launched group (nothing, when the test passes). */
function endGroup(launched: Launched | undefined): void {
  if (launched?.launcher.pid === undefined) return;
  try {
    process.kill(-launched.launcher.pid, 'SIGKILL');
  } catch {
    // The group is gone: everything stopped.
  }
}

/** The pid of the launcher's descendant whose command line holds `needle` (Linux /proc). */
function descendant(root: number, needle: string): number | undefined {
  const ps = spawnSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  const rows = ps.stdout
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] ?? '' }));
  const below = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const row of rows)
      if (below.has(row.ppid) && !below.has(row.pid)) {
        below.add(row.pid);
        grew = true;
      }
  }
  return rows.find((row) => row.pid !== root && below.has(row.pid) && row.args.includes(needle))?.pid;
}

/** The first node older than 24 on this machine (Debian's Node 20 here), if any. */
function olderNode(): string | undefined {
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node']) {
    if (!existsSync(candidate)) continue;
    const probe = spawnSync(candidate, ['-p', 'process.versions.node'], { encoding: 'utf8' });
    const major = Number(probe.stdout.trim().split('.')[0]);
    if (probe.status === 0 && major > 0 && major < 24) return candidate;
  }
  return undefined;
}

/** How long the server may take to stop once its launcher is gone: a bound, not a pace. */
const STOP_MS = 30_000;

describe('the server stops with its launcher', () => {
  it('npm start, npm killed by SIGKILL: the port is free again, the server stopped cleanly', async () => {
    let launched: Launched | undefined;
    try {
      launched = await launch('npm', ['start'], 'npm');
      expect(await listening(launched.port)).toBe(true);
      launched.launcher.kill('SIGKILL');
      expect(await portFreed(launched.port, STOP_MS)).toBe(true);
      const stopped = await waitFor(() => launched?.output().includes('Écoute arrêté (SIGTERM)') ?? false);
      expect(stopped).toBe(true);
    } finally {
      endGroup(launched);
    }
  }, 300_000);

  it('the start script killed by SIGKILL: the server notices and stops cleanly', async () => {
    let launched: Launched | undefined;
    try {
      launched = await launch(process.execPath, ['scripts/start.mjs'], 'script');
      launched.launcher.kill('SIGKILL');
      expect(await portFreed(launched.port, STOP_MS)).toBe(true);
      const stopped = await waitFor(
        () => launched?.output().includes('Écoute arrêté (lanceur disparu)') ?? false,
      );
      expect(stopped).toBe(true);
    } finally {
      endGroup(launched);
    }
  }, 300_000);

  const older = olderNode();
  (older ? it : it.skip)(
    "started by an older node, that node's wrapper killed by SIGKILL: the script under Node 24 and the server stop",
    async () => {
      let launched: Launched | undefined;
      try {
        launched = await launch(older as string, ['scripts/start.mjs'], 'older');
        const pid = launched.launcher.pid as number;
        // The chain: this node's wrapper → the script under Node 24 → the server.
        expect(descendant(pid, 'scripts/start.mjs')).toBeDefined();
        launched.launcher.kill('SIGKILL');
        expect(await portFreed(launched.port, STOP_MS)).toBe(true);
        expect(await waitFor(() => launched?.output().includes('Écoute arrêté (SIGTERM)') ?? false)).toBe(
          true,
        );
      } finally {
        endGroup(launched);
      }
    },
    300_000,
  );
});

/** Polls `condition` until true (true), or gives up after STOP_MS (false). */
async function waitFor(condition: () => boolean): Promise<boolean> {
  const deadline = Date.now() + STOP_MS;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
