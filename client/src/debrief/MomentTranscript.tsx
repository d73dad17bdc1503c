// The transcript as it was at the moment: the entries up to it, the last one in view. Only the
// rows on screen are drawn (10,000 entries stay one scroll away): the others are reckoned at a
// row's height, the drawn ones wrap their text (nothing cut off, nothing only in a tooltip).
import { useLayoutEffect, useRef, useState } from 'react';
import type { TimelineEntry } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import type { EntryLine } from '../ui/describeEntry.js';
import { useCallClock } from './callClock.js';
import { visibleRows } from './lanes.js';

/** The height a row is reckoned at for the rows off screen (rows on screen wrap and may be taller). */
export const ROW_HEIGHT = 44;
const VIEWPORT_HEIGHT = 352;

export function MomentTranscript({
  entries,
  index,
  describe,
  onPick,
  headingId,
}: {
  entries: readonly TimelineEntry[];
  /** The moment: entries[0..index] are shown. */
  index: number;
  describe: (entry: TimelineEntry) => EntryLine;
  onPick: (index: number) => void;
  headingId: string;
}) {
  const { t } = useI18n();
  const clock = useCallClock();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(VIEWPORT_HEIGHT);
  const count = Math.max(0, index + 1);
  // Read while rendering, before the rows change: was the focus on one of them?
  const focusWasInside = useRef(false);
  focusWasInside.current =
    typeof document !== 'undefined' && !!scroller.current?.contains(document.activeElement);

  // The moment's entry at the bottom, as a live transcript would have it.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    if (element.clientHeight > 0) setViewport(element.clientHeight);
    const top = Math.max(0, element.scrollHeight - (element.clientHeight || VIEWPORT_HEIGHT));
    element.scrollTop = top;
    setScrollTop(element.scrollTop || top);
    // A step back (←) removed the focused row: the focus goes to the moment's row, not the page.
    if (focusWasInside.current && !element.contains(document.activeElement)) {
      element.querySelector<HTMLButtonElement>('.moment-transcript__row--current button')?.focus();
    }
  }, [count]);

  const { start, end } = visibleRows(scrollTop, viewport, ROW_HEIGHT, count, 10);
  const rows: number[] = [];
  for (let i = start; i < end; i += 1) rows.push(i);

  return (
    <div
      ref={scroller}
      className="moment-transcript"
      style={{ height: VIEWPORT_HEIGHT }}
      role="group"
      aria-labelledby={headingId}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      {count === 0 ? <p className="muted">{t('debrief.moment.empty')}</p> : null}
      <div style={{ height: start * ROW_HEIGHT }} aria-hidden="true" />
      <ol className="moment-transcript__list" start={start + 1}>
        {rows.map((i) => {
          const entry = entries[i];
          if (!entry) return null;
          const line = describe(entry);
          return (
            <li
              key={entry.seq}
              className={`moment-transcript__row entry--${line.voice}${i === index ? ' moment-transcript__row--current' : ''}`}
              aria-setsize={count}
              aria-posinset={i + 1}
            >
              <button type="button" className="moment-transcript__pick" onClick={() => onPick(i)}>
                <span className="entry__time">{clock.format(entry.t)}</span>{' '}
                <span className="entry__speaker">{line.speaker}</span>{' '}
                {line.cue ? <span className="entry__cue">{line.cue} </span> : null}
                {line.direction ? <i className="entry__cue entry__direction">{line.direction} </i> : null}
                <span className="moment-transcript__text">{line.text}</span>
                {line.interpretation ? (
                  <span className="moment-transcript__interpretation"> {line.interpretation}</span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ol>
      <div style={{ height: (count - end) * ROW_HEIGHT }} aria-hidden="true" />
    </div>
  );
}
