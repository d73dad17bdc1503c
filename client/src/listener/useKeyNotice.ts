import { useEffect, useState } from 'react';

/** How long the line saying why a key did nothing stays. */
const KEY_NOTICE_MS = 6000;

/**
 * The console's line saying why a key did nothing: `say(text)` shows it for a few seconds (a
 * second press of the same key shows it again for as long).
 */
export function useKeyNotice(): { notice: string | null; say: (text: string) => void } {
  const [notice, setNotice] = useState<{ text: string } | null>(null);
  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setNotice(null), KEY_NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [notice]);
  return { notice: notice?.text ?? null, say: (text) => setNotice({ text }) };
}
