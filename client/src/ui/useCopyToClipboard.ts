import { useEffect, useState } from 'react';

export type CopyStatus = 'idle' | 'copied' | 'failed';

/**
 * Copy `text` to the clipboard: the copy function and how it went (`copied` for 4 s, then `idle`
 * again, so that a second copy is said again). `CopyLink` and `CopyButton` say it in their live region.
 */
export function useCopyToClipboard(text: string): { copy: () => Promise<void>; status: CopyStatus } {
  const [status, setStatus] = useState<CopyStatus>('idle');

  useEffect(() => {
    if (status !== 'copied') return;
    const timer = setTimeout(() => setStatus('idle'), 4000);
    return () => clearTimeout(timer);
  }, [status]);

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  }

  return { copy, status };
}
