import { useId } from 'react';
import type { TimelineEntry } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import { callTimeOf } from '../ui/callTime.js';

/** How many of the latest words and notes are listed. */
const SHOWN = 12;

/** The listener's own words (`say.label`) and the notes they chose to share. */
export function ListenerWordsPanel({ entries }: { entries: readonly TimelineEntry[] }) {
  const { t } = useI18n();
  const headingId = useId();
  const callTime = callTimeOf(entries);
  const items = entries
    .flatMap((entry) => {
      if (entry.kind !== 'input' || entry.source !== 'listener') return [];
      if (entry.input.kind === 'say')
        return [{ seq: entry.seq, t: entry.t, note: false, text: entry.input.text }];
      if (entry.input.kind === 'note')
        return [{ seq: entry.seq, t: entry.t, note: true, text: entry.input.text }];
      return [];
    })
    .slice(-SHOWN);
  return (
    <section className="panel listener-words" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('trainer.words.heading')}</h2>
      {items.length === 0 ? <p className="muted">{t('trainer.words.none')}</p> : null}
      <ol className="listener-words__list">
        {items.map((item) => (
          <li key={item.seq} className={item.note ? 'listener-words__note' : 'listener-words__say'}>
            <span className="listener-words__tag">
              {t(item.note ? 'trainer.words.note' : 'trainer.words.say')}
            </span>{' '}
            <span>{item.text}</span> <span className="muted">{callTime(item.t)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
