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
  close(): Promise<void>;
}

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
      worker.unref();
      worker.on('message', (answer: { ok: boolean; error?: string }) => {
        busy = false;
        checkpoints++;
        if (!answer.ok) onError(answer.error ?? 'checkpoint failed');
      });
      worker.on('error', (error) => onError(String(error)));
      // A worker that died (an error): the next check starts another.
      worker.on('exit', () => {
        worker = undefined;
        busy = false;
      });
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
    async close() {
      closed = true;
      clearInterval(timer);
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
