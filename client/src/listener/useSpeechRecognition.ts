// The browser's own speech recognition (`SpeechRecognition`, or Chrome's prefixed
// `webkitSpeechRecognition`), in French: feature-detected, no service of ours. Each final result
// is handed to `onFinal`; the words heard so far are given as `interim` for a live region.
import { useCallback, useEffect, useRef, useState } from 'react';

/** The part of the Web Speech API this page uses (not in every TypeScript DOM library). */
export interface RecognitionLike {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  onresult: ((event: RecognitionEventLike) => void) | null;
  onend: (() => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  start(): void;
  stop(): void;
  abort(): void;
}
export interface RecognitionEventLike {
  resultIndex: number;
  results: ArrayLike<{ isFinal: boolean; 0: { transcript: string } }>;
}
export type RecognitionConstructor = new () => RecognitionLike;

/** The constructor this browser offers, if any. */
export function findRecognition(scope: object = globalThis): RecognitionConstructor | undefined {
  const candidates = scope as { SpeechRecognition?: unknown; webkitSpeechRecognition?: unknown };
  const found = candidates.SpeechRecognition ?? candidates.webkitSpeechRecognition;
  return typeof found === 'function' ? (found as RecognitionConstructor) : undefined;
}

export interface SpeechRecognitionState {
  available: boolean;
  listening: boolean;
  /** What is being heard, before it is final. */
  interim: string;
  /** The last error code of the browser (`not-allowed`, `no-speech`…), or null. */
  error: string | null;
  start(): void;
  stop(): void;
}

export function useSpeechRecognition({
  onFinal,
  lang = 'fr-FR',
  create = findRecognition(),
}: {
  onFinal: (text: string) => void;
  lang?: string;
  create?: RecognitionConstructor | undefined;
}): SpeechRecognitionState {
  const [listening, setListening] = useState(false);
  const [interim, setInterim] = useState('');
  const [error, setError] = useState<string | null>(null);
  const recognition = useRef<RecognitionLike | null>(null);
  const latest = useRef(onFinal);
  latest.current = onFinal;

  const stop = useCallback(() => {
    recognition.current?.stop();
  }, []);

  const start = useCallback(() => {
    if (!create || recognition.current) return;
    const r = new create();
    r.lang = lang;
    r.continuous = true;
    r.interimResults = true;
    r.onresult = (event) => {
      let heard = '';
      for (let i = event.resultIndex; i < event.results.length; i++) {
        const result = event.results[i]!;
        const text = result[0].transcript.trim();
        if (result.isFinal) {
          if (text) latest.current(text);
        } else heard += `${text} `;
      }
      setInterim(heard.trim());
    };
    r.onerror = (event) => setError(event.error);
    r.onend = () => {
      recognition.current = null;
      setListening(false);
      setInterim('');
    };
    recognition.current = r;
    setError(null);
    setListening(true);
    r.start();
  }, [create, lang]);

  useEffect(() => () => recognition.current?.abort(), []);

  return { available: create !== undefined, listening, interim, error, start, stop };
}
