// The transcript as it was at the moment: the entries up to it, the last one in view. Only the
// rows on screen are drawn (10,000 entries stay one scroll away): the others are reckoned at a
// row's height, the drawn ones wrap their text (nothing cut off, nothing only in a tooltip).
// For the keyboard the list is one Tab stop (a roving tabindex): the moment's row, or the row
// the user moved to; ↑ ↓ Home End move among the rows (a row not drawn is scrolled to first),
// Enter or a click goes to the row's moment; when the moment moves, so does the Tab stop (and the
// focus, when it was in the list). A list scrolled by hand away from that row is the Tab stop itself. How to move is said under the heading (`debrief.transcript.help`).
// The list is held at its bottom by the layout itself (a reversed column: its scroll counts from
// the bottom), so a step adds or removes a row without reading the layout or scrolling — the
// rows drawn are the last ones, counted from the bottom; each row's text is drawn again only
// when its entry or whether it is the moment changes.
import { memo, useId, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { TimelineEntry } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import type { EntryLine } from '../ui/describeEntry.js';
import { EntryText } from '../ui/EntryText.js';
import { scenarioLangAttribute } from '../i18n/scenarioLang.js';
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
  tabStop,
}: {
  entry: TimelineEntry;
  index: number;
  describe: (entry: TimelineEntry) => EntryLine;
  onPick: (index: number) => void;
  /** The list's one Tab stop; the other rows are reached with the arrow keys. */
  tabStop: boolean;
}) {
  const clock = useCallClock();
  const { t, lang } = useI18n();
  const line = describe(entry);
  const before = clock.beforePickup(entry.seq);
  return (
    <button
      type="button"
      className="moment-transcript__pick"
      tabIndex={tabStop ? 0 : -1}
      data-row={index}
      onClick={() => onPick(index)}
    >
      <span className={`entry__time${before ? ' entry__time--before-pickup' : ''}`}>
        {before ? t('transcript.beforePickup') : clock.format(entry.t)}
      </span>{' '}
      <span className="entry__speaker">{line.speaker}</span>{' '}
      {line.cue ? <span className="entry__cue">{line.cue} </span> : null}
      {line.direction ? (
        <i className="entry__cue entry__direction" lang={scenarioLangAttribute(lang)}>
          {line.direction}{' '}
        </i>
      ) : null}
      <EntryText line={line} className="moment-transcript__text" />
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
  const helpId = useId();
  // The row the arrow keys moved to, for the moment it was chosen at: the moment's row otherwise.
  const [moved, setMoved] = useState<{ row: number; moment: number } | null>(null);
  const tabStop = moved && moved.moment === index && moved.row < count ? moved.row : index;
  // A row to focus once drawn (an arrow key may reach a row that is not drawn yet).
  const toFocus = useRef<number | null>(null);
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
    // The focus was in the list (a step with ← →, a row chosen): it goes with the Tab stop to the
    // moment's row — a step back may have removed the focused row —, never to the page.
    // Focused below, once drawn (a list scrolled up draws it in the next render).
    if (focusWasInside.current) toFocus.current = index;
    // Only when the moment moves (`fromBottom` is read, not followed): a scroll by hand stays.
  }, [count]);

  const { start, end } = rowsFromBottom(fromBottom, VIEWPORT_HEIGHT, count);
  const rows: number[] = [];
  for (let i = start; i < end; i += 1) rows.push(i);

  // The row an arrow key moved to, focused once it is drawn (the browser scrolls it into view).
  useLayoutEffect(() => {
    const row = toFocus.current;
    if (row === null || row < start || row >= end) return;
    toFocus.current = null;
    scroller.current?.querySelector<HTMLButtonElement>(`[data-row="${row}"]`)?.focus();
  });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.altKey || event.ctrlKey || event.metaKey || count === 0) return;
    const focused = (event.target as HTMLElement).closest<HTMLElement>('[data-row]');
    const from = focused ? Number(focused.dataset.row) : tabStop;
    let row: number;
    if (event.key === 'ArrowUp') row = from - 1;
    else if (event.key === 'ArrowDown') row = from + 1;
    else if (event.key === 'Home') row = 0;
    else if (event.key === 'End') row = count - 1;
    else return;
    event.preventDefault();
    row = Math.max(0, Math.min(count - 1, row));
    setMoved({ row, moment: index });
    toFocus.current = row;
    const element = scroller.current;
    if (element && (row < start || row >= end)) {
      // Not drawn: the list scrolls to where it is reckoned (rows counted from the bottom).
      const target = Math.max(0, (count - 1 - row) * ROW_HEIGHT - VIEWPORT_HEIGHT / 2);
      element.scrollTop = -target;
      setFromBottom(target);
    }
  }

  return (
    <>
      <p id={helpId} className="hint">
        {t('debrief.transcript.help')}
      </p>
      <div
        ref={scroller}
        className="moment-transcript"
        style={{ height: VIEWPORT_HEIGHT }}
        role="group"
        aria-labelledby={headingId}
        aria-describedby={helpId}
        // Scrolled by hand so far that the Tab stop's row is not drawn: the list itself stands in.
        tabIndex={count > 0 && (tabStop < start || tabStop >= end) ? 0 : undefined}
        // In a reversed column the scroll counts from the bottom (0, then negative going up).
        onScroll={(event) => setFromBottom(Math.abs(event.currentTarget.scrollTop))}
        onKeyDown={onKeyDown}
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
                  <TranscriptLine
                    entry={entry}
                    index={i}
                    describe={describe}
                    onPick={onPick}
                    tabStop={i === tabStop}
                  />
                </li>
              );
            })}
          </ol>
          <div style={{ height: (count - end) * ROW_HEIGHT }} aria-hidden="true" />
        </div>
      </div>
    </>
  );
}
