import type { TimelineEntry } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import { describeEntry } from './describeEntry.js';
import { formatDuration } from './formatDuration.js';
import type { KnownLabels } from './useKnownLabels.js';

/**
 * The call as text, in order. A polite live region: screen readers announce each new line of
 * the caller (and each new entry) without interrupting.
 */
export function Transcript({ entries, labels }: { entries: TimelineEntry[]; labels: KnownLabels }) {
  const { t } = useI18n();
  return (
    <section className="panel transcript" aria-labelledby="transcript-heading">
      <h2 id="transcript-heading">{t('transcript.heading')}</h2>
      <div aria-live="polite" aria-relevant="additions text" className="transcript__scroll">
        {entries.length === 0 ? <p className="muted">{t('transcript.empty')}</p> : null}
        <ol className="transcript__list">
          {entries.map((entry) => {
            const line = describeEntry(entry, labels, t);
            return (
              <li
                key={entry.seq}
                className={`entry entry--${line.voice}${line.trainerOnly ? ' entry--trainer-only' : ''}`}
              >
                <span className="entry__speaker">{line.speaker}</span>{' '}
                {line.cue ? <span className="entry__cue">{line.cue}</span> : null}
                {line.cue && line.text ? ' ' : null}
                {line.text ? <span className="entry__text">{line.text}</span> : null}{' '}
                {line.trainerOnly ? (
                  <span className="visually-hidden">({t('entry.trainerOnly')})</span>
                ) : null}
                <time className="entry__time" aria-label={t('transcript.time', { time: formatDuration(entry.t) })}>
                  {formatDuration(entry.t)}
                </time>
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}
