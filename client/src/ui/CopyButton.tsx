import { useI18n } from '../i18n/index.js';
import { useCopyToClipboard } from './useCopyToClipboard.js';
import './copyLink.css';

/**
 * `link.copy` beside a value shown elsewhere on the page (an address, a key): `label` names what it
 * copies, `describedBy` the element showing it; the confirmation, or how to copy by hand, is said
 * in its own live region. `CopyLink` is the same with a role link's address and `link.open`.
 */
export function CopyButton({
  text,
  label,
  describedBy,
  copied,
  failed,
}: {
  text: string;
  label: string;
  describedBy?: string;
  /** Said once copied (`link.copied` unless given). */
  copied?: string;
  /** Said when the browser refused (`link.copyFailed` unless given). */
  failed?: string;
}) {
  const { t } = useI18n();
  const { copy, status } = useCopyToClipboard(text);
  return (
    <span className="copy-button">
      <button type="button" onClick={() => void copy()} aria-label={label} aria-describedby={describedBy}>
        {t('link.copy')}
      </button>
      <span role="status" className="copy-link__status">
        {status === 'copied'
          ? (copied ?? t('link.copied'))
          : status === 'failed'
            ? (failed ?? t('link.copyFailed'))
            : ''}
      </span>
    </span>
  );
}
