// A span of time as a duration, in the catalogue's words: « 3 s », « 1 min 05 s » (English
// « 1 min 5 s »). A moment of the call stays a clock reading, « 1:47 » (`ui/formatDuration`,
// the debrief's `CallClock.format`): the two never read alike on one page. Whole seconds, cut
// down as the clock cuts them, so a span to a moment never reads a second past that moment.
import type { I18n } from './I18nContext.js';

/** `ms` as a duration, e.g. « 25 s », « 1 min 05 s », « 2 min », « 1 h 02 min 05 s ». */
export function formatSpan(t: I18n['t'], ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  // After a larger unit, French writes two digits (« 1 min 05 s »), English one (« 1 min 5 s »).
  const digits = Number(t('debrief.span.digits')) || 1;
  const pad = (n: number) => String(n).padStart(digits, '0');
  if (hours > 0) return t('debrief.span.hours', { hours, minutes: pad(minutes), seconds: pad(seconds) });
  if (minutes > 0)
    return seconds === 0
      ? t('debrief.span.wholeMinutes', { minutes })
      : t('debrief.span.minutes', { minutes, seconds: pad(seconds) });
  return t('debrief.span.seconds', { seconds });
}
