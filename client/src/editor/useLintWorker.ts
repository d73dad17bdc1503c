// One lint worker per editor page: `lint(input)` resolves with the answer to that text (the whole
// text, or its changes since the previous request; an older answer arriving late is dropped by
// its sequence number).
import { useEffect, useMemo } from 'react';
import type { LintAnswer, LintInput } from './lintProtocol.js';

export interface LintClient {
  lint(input: LintInput): Promise<LintAnswer>;
}

export function useLintWorker(): LintClient {
  const client = useMemo(() => {
    const worker = new Worker(new URL('./lint.worker.ts', import.meta.url), { type: 'module' });
    let seq = 0;
    const waiting = new Map<number, (answer: LintAnswer) => void>();
    worker.onmessage = (event: MessageEvent<LintAnswer>) => {
      const resolve = waiting.get(event.data.seq);
      waiting.delete(event.data.seq);
      resolve?.(event.data);
    };
    return {
      worker,
      lint: (input: LintInput) =>
        new Promise<LintAnswer>((resolve) => {
          seq += 1;
          waiting.set(seq, resolve);
          worker.postMessage({ ...input, seq });
        }),
    };
  }, []);
  useEffect(() => () => client.worker.terminate(), [client]);
  return client;
}
