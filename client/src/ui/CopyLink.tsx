import { useId } from 'react';
import { useI18n } from '../i18n/index.js';
import { useCopyToClipboard } from './useCopyToClipboard.js';
import './copyLink.css';

/** One role link: the full address, a `link.copy` button with a spoken confirmation, and `link.open`. */
export function CopyLink({ roleLabel, url }: { roleLabel: string; url: string }) {
  const { t } = useI18n();
  const { copy, status } = useCopyToClipboard(url);
  const urlId = useId();

  return (
    <div className="copy-link">
      <h3 className="copy-link__role">{roleLabel}</h3>
      <p className="copy-link__url" id={urlId}>
        <code>{url}</code>
      </p>
      <div className="copy-link__actions">
        <button
          type="button"
          onClick={() => void copy()}
          aria-label={t('link.copyLabel', { role: roleLabel })}
          aria-describedby={urlId}
        >
          {t('link.copy')}
        </button>
        <a
          className="button button--secondary"
          href={url}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={t('link.openLabel', { role: roleLabel })}
        >
          {t('link.open')}
        </a>
        <span role="status" className="copy-link__status">
          {status === 'copied' ? t('link.copied') : status === 'failed' ? t('link.copyFailed') : ''}
        </span>
      </div>
    </div>
  );
}
