// The transcript as it was at the moment: the entries up to it, the last one in view. A fixed
// row height lets it draw only the rows on screen (10,000 entries stay one scroll away); the
// moment's own entry is shown in full above it.
import { useEffect, useRef, useState } from 'react';
import type { TimelineEntry } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import type { EntryLine } from '../ui/describeEntry.js';
import { formatDuration } from '../ui/formatDuration.js';
import { visibleRows } from './lanes.js';

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
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(VIEWPORT_HEIGHT);
  const count = Math.max(0, index + 1);

  // The moment's entry at the bottom, as a live transcript would have it.
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    if (element.clientHeight > 0) setViewport(element.clientHeight);
    const top = Math.max(0, count * ROW_HEIGHT - (element.clientHeight || VIEWPORT_HEIGHT));
    element.scrollTop = top;
    setScrollTop(top);
  }, [count]);

  const { start, end } = visibleRows(scrollTop, viewport, ROW_HEIGHT, count);
  const rows: number[] = [];
  for (let i = start; i < end; i += 1) rows.push(i);

  return (
    <div
      ref={scroller}
      className="moment-transcript"
      style={{ height: VIEWPORT_HEIGHT }}
      tabIndex={0}
      aria-labelledby={headingId}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      {count === 0 ? <p className="muted">{t('debrief.moment.empty')}</p> : null}
      <ol className="moment-transcript__list" style={{ height: count * ROW_HEIGHT }}>
        {rows.map((i) => {
          const entry = entries[i];
          if (!entry) return null;
          const line = describe(entry);
          return (
            <li
              key={entry.seq}
              className={`moment-transcript__row entry--${line.voice}${i === index ? ' moment-transcript__row--current' : ''}`}
              style={{ top: i * ROW_HEIGHT, height: ROW_HEIGHT }}
              aria-setsize={count}
              aria-posinset={i + 1}
            >
              <button
                type="button"
                className="moment-transcript__pick"
                onClick={() => onPick(i)}
                title={line.text}
              >
                <span className="entry__time">{formatDuration(entry.t)}</span>{' '}
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
    </div>
  );
}
