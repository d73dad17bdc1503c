// WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside the commit that
// finds the WAL past 1,000 pages: on the connection's thread, the event loop, it copies those
// pages into the database and fsyncs the WAL and the database — 10–30 ms at a time on this
// machine's disk, about once a second at 800 live sessions (and once 250 ms), a pause that every
// session's updates waited behind. Here a worker thread with its own connection runs them
// (`PRAGMA wal_checkpoint(PASSIVE)`: it never blocks the writer), and the server's connection
// keeps an automatic checkpoint only as a backstop, at four times the size. The worker starts
// once the WAL first reaches the usual threshold (a small database, the tests', never needs it);
// then it is asked every second while the WAL is written to.
import { stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** SQLite's default automatic checkpoint: pages in the WAL. */
export const WAL_CHECKPOINT_PAGES = 1000;
/** The server connection's own automatic checkpoint: a backstop, should the worker fall behind. */
export const WAL_BACKSTOP_PAGES = 4 * WAL_CHECKPOINT_PAGES;
const CHECK_EVERY_MS = 1000;

export interface WalCheckpointerOptions {
  /** How often the WAL is looked at (1 s). */
  everyMs?: number;
  /** A checkpoint that failed (the backstop still bounds the WAL). */
  onError?: (error: string) => void;
}

export interface WalCheckpointer {
  /** Checkpoints done by the worker (its requests answered). */
  readonly checkpoints: number;
  /**
   * The writer should not commit now: the worker is copying the last frames so that the WAL
   * restarts (the timeline store keeps its batches meanwhile, as it does during a WAL sync).
   */
  readonly holding: boolean;
  /** Calls `resume` once no longer holding (at once when not holding). */
  whenReleased(resume: () => void): void;
  close(): Promise<void>;
}

/** The longest a hold may last, whatever the worker does. */
const MAX_HOLD_MS = 500;

/** The worker's script: the build's JavaScript, or the TypeScript source under the tests. */
function workerScript(): URL {
  const built = new URL('./wal-checkpoint-worker.js', import.meta.url);
  return existsSync(built) ? built : new URL('./wal-checkpoint-worker.ts', import.meta.url);
}

/**
 * Watches `<file>-wal` (its size and time, off the event loop) and has a worker checkpoint it
 * once it reached `WAL_CHECKPOINT_PAGES` pages of `pageSize`, then at every look while it is
 * written to.
 */
export function startWalCheckpointer(
  file: string,
  pageSize: number,
  { everyMs = CHECK_EVERY_MS, onError = () => undefined }: WalCheckpointerOptions = {},
): WalCheckpointer {
  const threshold = WAL_CHECKPOINT_PAGES * (pageSize + 24);
  let worker: Worker | undefined;
  let busy = false;
  let closed = false;
  let lastWrite = 0;
  let checkpoints = 0;
  let holding = false;
  let holdTimer: ReturnType<typeof setTimeout> | undefined;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    if (!holding) return;
    holding = false;
    clearTimeout(holdTimer);
    for (const resume of waiting.splice(0)) resume();
  };
  const check = async (): Promise<void> => {
    if (busy || closed) return;
    let wal;
    try {
      wal = await stat(`${file}-wal`);
    } catch {
      return;
    }
    // Not written since the last checkpoint, or never large yet: nothing to do.
    if (wal.mtimeMs === lastWrite || (!worker && wal.size < threshold) || closed) return;
    lastWrite = wal.mtimeMs;
    if (!worker) {
      // None of the process's node flags: a heap snapshot on a signal, a CPU profile or the young
      // generation's size are the server's (a worker inheriting the snapshot signal ended the
      // process when the benchmark sent it).
      worker = new Worker(workerScript(), { workerData: { file }, execArgv: [] });
      const running = worker;
      running.on(
        'message',
        (answer: { ok: boolean; error?: string; log?: number; checkpointed?: number }) => {
          checkpoints++;
          if (!answer.ok) onError(answer.error ?? 'checkpoint failed');
          // Frames committed while it ran are left (its last count is already old): under a
          // steady load the WAL would never be complete at the writer's next commit, never
          // restart, and grow to the backstop. The writer holds its commits (not the event loop)
          // while one more pass copies the rest.
          if (answer.ok && !holding && !closed) {
            holding = true;
            holdTimer = setTimeout(release, MAX_HOLD_MS);
            running.postMessage('checkpoint');
            return;
          }
          release();
          busy = false;
        },
      );
      running.on('error', (error) => onError(String(error)));
      // A worker that died (an error): the next check starts another.
      running.on('exit', () => {
        worker = undefined;
        busy = false;
        release();
      });
      // After its listeners: a `message` listener refs the worker's port again, and a port
      // unref'd before it kept a process that never closed its database alive for good.
      running.unref();
    }
    busy = true;
    worker.postMessage('checkpoint');
  };
  const timer = setInterval(() => void check(), everyMs);
  timer.unref();
  return {
    get checkpoints() {
      return checkpoints;
    },
    get holding() {
      return holding;
    },
    whenReleased(resume) {
      if (holding) waiting.push(resume);
      else resume();
    },
    async close() {
      closed = true;
      clearInterval(timer);
      release();
      const running = worker;
      if (!running) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      // Held (unref'd so far, it never kept a process alive) until it has closed its connection.
      running.ref();
      running.postMessage('close');
      await exited;
    },
  };
}
