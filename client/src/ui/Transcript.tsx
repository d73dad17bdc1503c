import { useEffect, useId, useMemo, useRef } from 'react';
import type { TimelineEntry } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import { describeEntry } from './describeEntry.js';
import { formatDuration } from './formatDuration.js';
import { pickupTime } from './useCallElapsed.js';
import type { KnownLabels } from './useKnownLabels.js';

/** How close to the bottom (px) the reader must be for new entries to scroll into view. */
const FOLLOW_MARGIN = 48;

/**
 * The call as text, in order. A log (polite live region): screen readers announce each new
 * entry, the caller's lines first of all, without interrupting.
 */
export function Transcript({
  entries: allEntries,
  labels,
  show,
  readings = true,
}: {
  entries: TimelineEntry[];
  /** Free speech: whether each sentence shows how it was read (not on the listener's page). */
  readings?: boolean;
  labels: KnownLabels;
  /** Which entries this page lists (e.g. the listener's notes live in their own pad). */
  show?: (entry: TimelineEntry) => boolean;
}) {
  const { t } = useI18n();
  const entries = useMemo(() => (show ? allEntries.filter(show) : allEntries), [allEntries, show]);
  const headingId = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const following = useRef(true);

  // Follow the newest entry, unless the reader has scrolled up to read an earlier one.
  useEffect(() => {
    const element = scroller.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [entries.length]);

  function onScroll(): void {
    const element = scroller.current;
    if (!element) return;
    following.current = element.scrollHeight - element.scrollTop - element.clientHeight < FOLLOW_MARGIN;
  }

  // One clock: call time counts from pickup, as the status bar's « Durée de l'appel » does.
  const origin = pickupTime(allEntries) ?? 0;
  const callTime = (t: number) => formatDuration(Math.max(0, t - origin));

  return (
    <section className="panel transcript" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('transcript.heading')}</h2>
      {/* Focusable so that keyboard users can scroll it. */}
      <div
        ref={scroller}
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-labelledby={headingId}
        tabIndex={0}
        className="transcript__scroll"
        onScroll={onScroll}
      >
        {entries.length === 0 ? <p className="muted">{t('transcript.empty')}</p> : null}
        <ol className="transcript__list">
          {entries.map((entry) => {
            const line = describeEntry(entry, labels, t);
            return (
              <li
                key={entry.seq}
                className={`entry entry--${line.voice}${line.trainerOnly ? ' entry--trainer-only' : ''}${line.whisper ? ' entry--whisper' : ''}`}
              >
                <p className="entry__body">
                  <span className="entry__speaker">{line.speaker}</span>{' '}
                  {line.whisper ? <span className="entry__whisper-tag">{t('whisper.tag')}</span> : null}
                  {line.whisper ? ' ' : null}
                  {line.cue ? (
                    <span className={`entry__cue${line.cueId ? ` cue--${line.cueId}` : ''}`}>{line.cue}</span>
                  ) : null}
                  {line.cue && line.text ? ' ' : null}
                  {line.direction ? <i className="entry__cue entry__direction">{line.direction} </i> : null}
                  {line.text ? <span className="entry__text">{line.text}</span> : null}
                  {readings && line.interpretation ? (
                    <span className="entry__interpretation"> {line.interpretation}</span>
                  ) : null}
                  {line.trainerOnly ? (
                    <span className="visually-hidden"> ({t('entry.trainerOnly')})</span>
                  ) : null}
                </p>{' '}
                <span className="entry__time">
                  <span aria-hidden="true">{callTime(entry.t)}</span>
                  <span className="visually-hidden">{t('transcript.time', { time: callTime(entry.t) })}</span>
                </span>
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}
