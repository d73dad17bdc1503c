import { useI18n } from '../i18n/index.js';

/** A status region always present, so that pausing is announced the moment it happens. */
export function PausedBanner({ paused }: { paused: boolean }) {
  const { t } = useI18n();
  return (
    <div role="status" className={paused ? 'banner banner--paused' : 'banner'}>
      {paused ? t('session.paused') : null}
    </div>
  );
}
