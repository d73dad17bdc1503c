import { useId } from 'react';
import { useI18n } from '../i18n/index.js';
import { CopyButton } from './CopyButton.js';
import './copyLink.css';

/** One role link: the full address, a `link.copy` button with a spoken confirmation, and `link.open`. */
export function CopyLink({ roleLabel, url }: { roleLabel: string; url: string }) {
  const { t } = useI18n();
  const urlId = useId();

  return (
    <div className="copy-link">
      <h3 className="copy-link__role">{roleLabel}</h3>
      <p className="copy-link__url" id={urlId}>
        <code>{url}</code>
      </p>
      <div className="copy-link__actions">
        <CopyButton
          text={url}
          label={t('link.copyLabel', { role: roleLabel })}
          describedBy={urlId}
          beside={
            <a
              className="button button--secondary"
              href={url}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={t('link.openLabel', { role: roleLabel })}
            >
              {t('link.open')}
            </a>
          }
        />
      </div>
    </div>
  );
}
