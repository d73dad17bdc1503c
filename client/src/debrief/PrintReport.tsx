// What only paper shows: the whole transcript (the screen's is virtualised). It is drawn when
// printing starts (beforeprint, or the print button) and dropped after, so a long session costs
// nothing on screen. The print stylesheet hides the lanes, the controls and the forms.
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { TimelineEntry } from '@ecoute/engine';
import type { Debrief } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';
import type { EntryLine } from '../ui/describeEntry.js';
import { useCallClock } from './callClock.js';

const PRINT_EVENT = 'ecoute:print';

/** Prints the debrief: the report is drawn first, then the browser's print dialog opens. */
export function printReport(): void {
  window.dispatchEvent(new Event(PRINT_EVENT));
  window.print();
}

export function PrintReport({
  debrief,
  describe,
}: {
  debrief: Debrief;
  describe: (entry: TimelineEntry) => EntryLine;
}) {
  const { t } = useI18n();
  const clock = useCallClock();
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    // Synchronously: the browser lays the page out for print right after these events.
    const on = () => flushSync(() => setPrinting(true));
    const off = () => setPrinting(false);
    window.addEventListener(PRINT_EVENT, on);
    window.addEventListener('beforeprint', on);
    window.addEventListener('afterprint', off);
    return () => {
      window.removeEventListener(PRINT_EVENT, on);
      window.removeEventListener('beforeprint', on);
      window.removeEventListener('afterprint', off);
    };
  }, []);

  if (!printing) return null;
  return (
    <section className="print-report" aria-hidden="true">
      <h2>{t('transcript.heading')}</h2>
      <ol className="print-report__list">
        {debrief.entries.map((entry) => {
          const line = describe(entry);
          return (
            <li key={entry.seq} className={`entry--${line.voice}`}>
              <span className="entry__time">
                {clock.beforePickup(entry.seq) ? t('transcript.beforePickup') : clock.format(entry.t)}
              </span>{' '}
              <strong>{line.speaker}</strong> {line.cue ? `${line.cue} ` : ''}
              {line.text}
              {line.interpretation ? ` ${line.interpretation}` : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
