// Runs `draftCoverage` in a Web Worker (one per run, ended after it answers), or on the main
// thread where there is no Worker (jsdom).
import { draftCoverage, type DraftCoverage } from './draftCoverage.js';

export function runCoverage(text: string): Promise<DraftCoverage> {
  if (typeof Worker === 'undefined') return Promise.resolve(draftCoverage(text));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./coverage.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<DraftCoverage>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage(text);
  });
}
