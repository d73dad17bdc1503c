// ELK in a Web Worker: a scenario's layout takes the main thread for hundreds of milliseconds on
// a slow machine (the debrief's profile showed it right after the lanes' first paint, where it
// held up the first steps). In its worker the page stays responsive meanwhile. Where there is no
// Worker (tests), `layoutGraph`'s default, ELK on the main thread, is used.
import ELK, { type ELK as ElkApi } from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';

let engine: ElkApi | undefined;

/** One ELK worker for the page, started on the first layout; undefined without Worker. */
export function elkEngine(): ElkApi | undefined {
  if (typeof Worker === 'undefined') return undefined;
  engine ??= new ELK({ workerUrl: elkWorkerUrl });
  return engine;
}
