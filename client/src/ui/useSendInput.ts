import { useCallback, useRef, useState } from 'react';
import type { Input } from '@ecoute/engine';
import type { SendResult } from '../socket/index.js';

export interface InputSender {
  /**
   * Sends one input; resolves true when acknowledged. The same input pressed again while it is
   * in flight and before anything new arrived is a double press, and is ignored.
   */
  submit: (input: Input) => Promise<boolean>;
  /** The code of the last refused input, for the alert region. */
  errorCode: string | null;
}

/**
 * `seen`: what the page has seen of the session (e.g. its entries). The server pushes an
 * input's effect before it acknowledges it, so a person may see the caller's answer and act
 * again while the first input is still "in flight": that second press is sent. Only a repeat
 * with nothing new seen in between (a double click, a key bounce) is dropped. Different inputs
 * are never held back (keys pressed in quick succession all count).
 */
export function useSendInput(send: (input: Input) => Promise<SendResult>, seen?: unknown): InputSender {
  const [errorCode, setErrorCode] = useState<string | null>(null);
  // Refs, not state: buttons stay enabled (and focused) while an input is in flight.
  const inFlight = useRef(new Map<string, unknown>());
  const latestSeen = useRef(seen);
  latestSeen.current = seen;

  const submit = useCallback(
    async (input: Input): Promise<boolean> => {
      const key = JSON.stringify(input);
      const pending = inFlight.current;
      if (pending.has(key) && pending.get(key) === latestSeen.current) return false;
      const marker = latestSeen.current;
      pending.set(key, marker);
      try {
        const result = await send(input);
        setErrorCode(result.ok ? null : result.code);
        return result.ok;
      } catch {
        setErrorCode('client/unknown');
        return false;
      } finally {
        if (pending.get(key) === marker) pending.delete(key);
      }
    },
    [send],
  );

  return { submit, errorCode };
}
