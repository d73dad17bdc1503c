import type { RoleView, TimelineEntry } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import { formatDuration } from './formatDuration.js';
import { useCallElapsed } from './useCallElapsed.js';

export function CallTimer({ entries, view }: { entries: TimelineEntry[]; view: RoleView }) {
  const { t } = useI18n();
  const elapsed = useCallElapsed(entries, view);
  if (elapsed === null) return null;
  return (
    <p className="call-timer">
      <span className="call-timer__label">{t('phone.timer')}</span>{' '}
      <span role="timer" className="call-timer__value">
        {formatDuration(elapsed)}
      </span>
    </p>
  );
}
