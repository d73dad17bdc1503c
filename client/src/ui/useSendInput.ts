import { useCallback, useRef, useState } from 'react';
import type { Input } from '@ecoute/engine';
import type { SendResult } from '../socket/index.js';

export interface InputSender {
  /** Sends one input; resolves true when acknowledged. Ignored while another is in flight. */
  submit: (input: Input) => Promise<boolean>;
  /** The code of the last refused input, for the alert region. */
  errorCode: string | null;
}

export function useSendInput(send: (input: Input) => Promise<SendResult>): InputSender {
  const [errorCode, setErrorCode] = useState<string | null>(null);
  // A ref, not state: buttons stay enabled (and focused) while an input is in flight.
  const inFlight = useRef(false);

  const submit = useCallback(
    async (input: Input): Promise<boolean> => {
      if (inFlight.current) return false;
      inFlight.current = true;
      try {
        const result = await send(input);
        setErrorCode(result.ok ? null : result.code);
        return result.ok;
      } catch {
        setErrorCode('client/unknown');
        return false;
      } finally {
        inFlight.current = false;
      }
    },
    [send],
  );

  return { submit, errorCode };
}
