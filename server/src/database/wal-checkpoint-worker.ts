// The WAL checkpointer's thread (see wal-checkpointer.ts): its own connection to the database
// file, which copies the WAL's frames back into the database on request. Plain JavaScript with
// types only (no TypeScript-only syntax), so that Node runs the source as it is in the tests.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/** Checkpoints in a row while frames come in meanwhile, at most this many per request. */
const CATCH_UP = 8;

const { file } = workerData as { file: string };
const db = new SQLite(file);
db.pragma('busy_timeout = 1000');

parentPort?.on('message', (message: 'checkpoint' | 'close') => {
  if (message === 'close') {
    db.close();
    parentPort?.close();
    return;
  }
  let result: CheckpointResult | undefined;
  try {
    // PASSIVE: never waits for the writer (the server's connection commits meanwhile). The WAL
    // restarts from its beginning at the writer's next commit only once every frame is back in
    // the database: catch up with the frames committed while it ran.
    for (let i = 0; i < CATCH_UP; i++) {
      result = (db.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[])[0];
      if (!result || result.busy !== 0 || result.checkpointed >= result.log) break;
    }
    parentPort?.postMessage({ ok: true, log: result?.log ?? 0, checkpointed: result?.checkpointed ?? 0 });
  } catch (error) {
    parentPort?.postMessage({ ok: false, error: String(error) });
  }
});
