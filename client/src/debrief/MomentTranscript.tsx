// The transcript as it was at the moment: the entries up to it, the last one in view. Only the
// rows on screen are drawn (10,000 entries stay one scroll away): the others are reckoned at a
// row's height, the drawn ones wrap their text (nothing cut off, nothing only in a tooltip).
// The list is held at its bottom by the layout itself (a reversed column: its scroll counts from
// the bottom), so a step adds or removes a row without reading the layout or scrolling — the
// rows drawn are the last ones, counted from the bottom; each row's text is drawn again only
// when its entry or whether it is the moment changes.
import { memo, useLayoutEffect, useRef, useState } from 'react';
import type { TimelineEntry } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import type { EntryLine } from '../ui/describeEntry.js';
import { useCallClock } from './callClock.js';

/** The height a row is reckoned at for the rows off screen (rows on screen wrap and may be taller). */
export const ROW_HEIGHT = 44;
const VIEWPORT_HEIGHT = 352;
/** Rows drawn beyond those on screen, on each side. */
const OVERSCAN = 10;

/** The rows drawn when the list is scrolled `fromBottom` px up from its end: [start, end). */
export function rowsFromBottom(
  fromBottom: number,
  viewport: number,
  count: number,
): { start: number; end: number } {
  if (count <= 0) return { start: 0, end: 0 };
  const below = Math.max(0, Math.floor(fromBottom / ROW_HEIGHT) - OVERSCAN);
  const upTo = Math.ceil((fromBottom + viewport) / ROW_HEIGHT) + OVERSCAN;
  const end = Math.max(0, count - below);
  return { start: Math.max(0, count - upTo), end };
}

const TranscriptLine = memo(function TranscriptLine({
  entry,
  index,
  describe,
  onPick,
}: {
  entry: TimelineEntry;
  index: number;
  describe: (entry: TimelineEntry) => EntryLine;
  onPick: (index: number) => void;
}) {
  const clock = useCallClock();
  const { t } = useI18n();
  const line = describe(entry);
  const before = clock.beforePickup(entry.seq);
  return (
    <button type="button" className="moment-transcript__pick" onClick={() => onPick(index)}>
      <span className={`entry__time${before ? ' entry__time--before-pickup' : ''}`}>
        {before ? t('transcript.beforePickup') : clock.format(entry.t)}
      </span>{' '}
      <span className="entry__speaker">{line.speaker}</span>{' '}
      {line.cue ? <span className="entry__cue">{line.cue} </span> : null}
      {line.direction ? <i className="entry__cue entry__direction">{line.direction} </i> : null}
      <span className="moment-transcript__text">{line.text}</span>
      {line.interpretation ? (
        <span className="moment-transcript__interpretation"> {line.interpretation}</span>
      ) : null}
    </button>
  );
});

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
  const scroller = useRef<HTMLDivElement>(null);
  // How far the list is scrolled up from its end (px), as its scroll events say.
  const [fromBottom, setFromBottom] = useState(0);
  const count = Math.max(0, index + 1);
  // Read while rendering, before the rows change: was the focus on one of them?
  const focusWasInside = useRef(false);
  focusWasInside.current =
    typeof document !== 'undefined' && !!scroller.current?.contains(document.activeElement);

  // The moment's entry at the bottom, as a live transcript would have it: the list is there
  // already unless it was scrolled up, then it goes back down.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    if (fromBottom !== 0) {
      element.scrollTop = 0;
      setFromBottom(0);
    }
    // A step back (←) removed the focused row: the focus goes to the moment's row, not the page.
    if (focusWasInside.current && !element.contains(document.activeElement)) {
      element.querySelector<HTMLButtonElement>('.moment-transcript__row--current button')?.focus();
    }
    // Only when the moment moves (`fromBottom` is read, not followed): a scroll by hand stays.
  }, [count]);

  const { start, end } = rowsFromBottom(fromBottom, VIEWPORT_HEIGHT, count);
  const rows: number[] = [];
  for (let i = start; i < end; i += 1) rows.push(i);

  return (
    <div
      ref={scroller}
      className="moment-transcript"
      style={{ height: VIEWPORT_HEIGHT }}
      role="group"
      aria-labelledby={headingId}
      // In a reversed column the scroll counts from the bottom (0, then negative going up).
      onScroll={(event) => setFromBottom(Math.abs(event.currentTarget.scrollTop))}
    >
      <div className="moment-transcript__content">
        {count === 0 ? <p className="muted">{t('debrief.moment.empty')}</p> : null}
        <div style={{ height: start * ROW_HEIGHT }} aria-hidden="true" />
        <ol className="moment-transcript__list" start={start + 1}>
          {rows.map((i) => {
            const entry = entries[i];
            if (!entry) return null;
            return (
              <li
                key={entry.seq}
                className={`moment-transcript__row entry--${describe(entry).voice}${i === index ? ' moment-transcript__row--current' : ''}`}
                aria-setsize={count}
                aria-posinset={i + 1}
              >
                <TranscriptLine entry={entry} index={i} describe={describe} onPick={onPick} />
              </li>
            );
          })}
        </ol>
        <div style={{ height: (count - end) * ROW_HEIGHT }} aria-hidden="true" />
      </div>
    </div>
  );
}
