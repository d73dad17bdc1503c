import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import './copyLink.css';

type CopyStatus = 'idle' | 'copied' | 'failed';

/**
 * A `link.copy` button that puts `text` (a link) on the clipboard, its confirmation (`link.copied`,
 * or `link.copyFailed`) said in a live region after it; `beside` sits between the two (the role
 * links' `link.open`, in `CopyLink`).
 */
export function CopyButton({
  text,
  label,
  describedBy,
  beside,
}: {
  text: string;
  /** The button's accessible name: which link it copies. */
  label: string;
  /** The id of the element showing the link. */
  describedBy?: string;
  beside?: ReactNode;
}) {
  const { t } = useI18n();
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

  return (
    <>
      <button type="button" onClick={() => void copy()} aria-label={label} aria-describedby={describedBy}>
        {t('link.copy')}
      </button>
      {beside}
      <span role="status" className="copy-link__status">
        {status === 'copied' ? t('link.copied') : status === 'failed' ? t('link.copyFailed') : ''}
      </span>
    </>
  );
}
