// The call on one time axis: the variables' curves above, then one lane per source (caller,
// listener, trainer, system) and the marks. Virtualised: a wide spacer gives the native
// horizontal scroll; a sticky view the width of the screen draws only the visible window, on a
// canvas (`lanesPaint.ts`), with at most one marker per few pixels and lane. The canvas is
// painted again only when the window changes (scroll, zoom, width); the moment's cursor is an
// element of its own that reads the moment from a context (`LanesCursorContext`), so a step or a
// playback tick renders and moves that one element, not the lanes. Click a moment to pick it.
// For the keyboard and screen readers the lanes are a labelled, focusable group (← → step
// through the moments, each announced by the moment's live region) and the marks are buttons.
import {
  createContext,
  memo,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { MouseEvent, RefObject } from 'react';
import type { TimelineEntry } from '@ecoute/engine';
import type { DebriefMark } from '@ecoute/protocol';
import { CurvesTable, alignSeries } from '../charts/CurvesTable.js';
import { SeriesKey } from '../charts/SeriesKey.js';
import { formatBound } from '../charts/curveScale.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { useCallClock } from './callClock.js';
import { callTimes as callTimesOf, openingWindow } from '@ecoute/engine';
import { LANES, laneMarkers, rulerTicks, type Lane, type LaneMarker } from './lanes.js';
import {
  CURVES_HEIGHT,
  CURVE_COLOURS,
  curveY,
  forcedPalette,
  SHARE_RANGE,
  LANES_HEIGHT,
  LANES_TOP,
  LANE_HEIGHT,
  MARKS_HEIGHT,
  RULER_HEIGHT,
  LANES_PALETTE,
  paintLanes,
  type LanesContext,
  type LanesPalette,
} from './lanesPaint.js';
import { indexAtTime, type VariableSeries } from './moment.js';
import type { Timeline } from './timeline.js';
import { ScenarioText } from '../i18n/ScenarioText.js';

export { CURVE_COLOURS };

/** Pixels per second of each zoom level; 0 fits the whole call in the width. */
const ZOOMS = [0, 1, 2, 5, 10, 25, 50] as const;

const LANE_KEYS: Record<Lane, MessageKey> = {
  caller: 'debrief.lane.caller',
  listener: 'debrief.lane.listener',
  trainer: 'debrief.lane.trainer',
  system: 'debrief.lane.system',
};

export interface Cursor {
  index: number;
  t: number;
}

/** The moment picked, for the lanes' cursor (the debrief provides it). */
export const LanesCursorContext = createContext<Cursor>({ index: -1, t: 0 });

/** The moment's line on the lanes, kept in sight (stepping, playback, a jump from the rubric). */
function LanesCursor({
  start,
  from,
  scrollLeft,
  pxPerMs,
  width,
  contentWidth,
  scroller,
  onScrolled,
}: {
  /** Session time at the lanes' left end (the pickup): a moment before it sits at 0:00. */
  start: number;
  from: number;
  /** The scroll position as the scroll events said it: read from the DOM, it would force a layout per step. */
  scrollLeft: number;
  pxPerMs: number;
  width: number;
  contentWidth: number;
  scroller: RefObject<HTMLDivElement | null>;
  onScrolled: (scrollLeft: number) => void;
}) {
  const cursor = useContext(LanesCursorContext);
  // Read when the moment moves, not followed: a scroll by hand stays where it was put.
  const position = useRef(scrollLeft);
  position.current = scrollLeft;
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const x = Math.max(0, cursor.t - start) * pxPerMs;
    const scrollLeft = position.current;
    if (x < scrollLeft || x > scrollLeft + width - 8) {
      // Within the scroll's range (as a browser bounds it): the last moment of a call fitted
      // in the width is already in sight.
      // Whole pixels, as the browser keeps it (the scroll event then says the same).
      const target = Math.round(Math.max(0, Math.min(contentWidth - width, x - width * 0.3)));
      if (target === scrollLeft) return;
      element.scrollLeft = target;
      onScrolled(target);
    }
  }, [cursor.t, start, pxPerMs, width, contentWidth, scroller, onScrolled]);
  const cursorX = (Math.max(cursor.t, start) - from) * pxPerMs;
  return cursorX >= 0 && cursorX <= width ? (
    <div
      className="lanes__cursor"
      style={{ left: 0, transform: `translateX(${cursorX}px)`, height: LANES_HEIGHT }}
      aria-hidden="true"
    />
  ) : null;
}

/** The 2D context of the lanes' canvas (a test passes a recording one: jsdom has none). */
export type LanesCanvas = (canvas: HTMLCanvasElement) => LanesContext | null;

const browserCanvas: LanesCanvas = (canvas) => canvas.getContext('2d');

/** The palette for the page's colours now: under forced colours, the one colour of the text. */
function paletteFor(element: HTMLElement): LanesPalette {
  const forced =
    typeof window.matchMedia === 'function' && window.matchMedia('(forced-colors: active)').matches;
  return forced ? forcedPalette(getComputedStyle(element).color || 'CanvasText') : LANES_PALETTE;
}

/** The nearest marker of the lane under (x, y) within a few pixels. */
function markerAt(markers: readonly LaneMarker[], x: number, y: number): LaneMarker | undefined {
  const lane = LANES[Math.floor((y - LANES_TOP) / LANE_HEIGHT)];
  if (!lane) return undefined;
  let best: LaneMarker | undefined;
  for (const m of markers)
    if (m.lane === lane && Math.abs(m.x - x) <= 8 && (!best || Math.abs(m.x - x) < Math.abs(best.x - x)))
      best = m;
  return best;
}

/** The marks in the window, as buttons on their lane; drawn again only when the window changes. */
const MarksLayer = memo(function MarksLayer({
  marks,
  start,
  from,
  to,
  pxPerMs,
  times,
  onPick,
}: {
  marks: readonly DebriefMark[] | null;
  /** Session time at the lanes' left end: a mark before it sits there. */
  start: number;
  from: number;
  to: number;
  pxPerMs: number;
  /** Each entry's session time. */
  times: ArrayLike<number>;
  onPick: (cursor: Cursor) => void;
}) {
  const { t } = useI18n();
  const clock = useCallClock();
  return (marks ?? [])
    .filter((mark) => Math.max(mark.t, start) >= from && mark.t <= to)
    .map((mark) => (
      <button
        key={mark.id}
        type="button"
        className={`lanes__mark lanes__mark--${mark.kind}`}
        style={{ left: (Math.max(mark.t, start) - from) * pxPerMs, top: CURVES_HEIGHT + RULER_HEIGHT }}
        title={mark.comment}
        aria-label={t('debrief.marks.jump', { time: clock.format(mark.t), comment: mark.comment })}
        onClick={(event) => {
          event.stopPropagation();
          onPick({ index: indexAtTime(times, mark.t), t: mark.t });
        }}
      />
    ));
});

export const TimelineLanes = memo(function TimelineLanes({
  timeline,
  lanes,
  series,
  marks,
  duration,
  onPick,
  describe,
  canvas2d = browserCanvas,
}: {
  /** The entries' columns; an entry itself is read only for a marker's tooltip. */
  timeline: Timeline;
  /** The lane of each entry, by index. */
  lanes: readonly Lane[];
  series: readonly VariableSeries[];
  marks: readonly DebriefMark[] | null;
  duration: number;
  onPick: (cursor: Cursor) => void;
  /** A short text of an entry, for the markers' tooltips. */
  describe: (entry: TimelineEntry) => string;
  canvas2d?: LanesCanvas | undefined;
}) {
  const { t } = useI18n();
  const clock = useCallClock();
  const scroller = useRef<HTMLDivElement>(null);
  const view = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(800);
  const [scrollLeft, setScrollLeft] = useState(0);
  const [zoom, setZoom] = useState(0);

  // Measured before the first paint: the lanes are drawn once at their width, not at a guess
  // first (a debrief link's HTML may hold them drawn by the server at that width already).
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => {
      if (element.clientWidth > 0) setWidth(element.clientWidth);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // The lanes read call time: they start at the pickup (0:00), not at the session's start;
  // what came before it (the ringing, a join) sits at 0:00, as the call clock reads it.
  const origin = clock.origin;
  const total = Math.max(duration - origin, 1_000);
  // The first zoom level is the window the lanes open on (`openingWindow`, which the server's
  // early drawing shows too).
  const pxPerMs =
    ZOOMS[zoom] === 0 ? openingWindow(width, origin, duration).pxPerMs : (ZOOMS[zoom] ?? 1) / 1000;
  // The whole call fitted in the width has no scroll (not even a pixel of rounding).
  const contentWidth = ZOOMS[zoom] === 0 ? width : Math.max(width, Math.ceil(total * pxPerMs));
  const from = origin + scrollLeft / pxPerMs;
  const to = origin + (scrollLeft + width) / pxPerMs;
  const callTimes = useMemo(() => callTimesOf(timeline.t, origin), [timeline, origin]);
  const markers = useMemo(
    () => laneMarkers(callTimes, lanes, { from, to, width }),
    [callTimes, lanes, from, to, width],
  );
  // Its ticks fall on whole call times, from the pickup on.
  const ticks = useMemo(() => rulerTicks(origin, from, to, pxPerMs), [pxPerMs, from, to, origin]);
  const table = useMemo(() => alignSeries(series), [series]);

  // Painted before the browser paints, only when the window or what it shows changed.
  useLayoutEffect(() => {
    const element = canvas.current;
    const ctx = element ? canvas2d(element) : null;
    if (!element || !ctx) return;
    const ratio = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1;
    // Resized only when the size changed: resizing clears the canvas and its memory.
    const w = Math.round(width * ratio);
    const h = Math.round(LANES_HEIGHT * ratio);
    if (element.width !== w) element.width = w;
    if (element.height !== h) element.height = h;
    paintLanes(ctx, { width, from, origin, pxPerMs, series, ticks, markers }, paletteFor(element), ratio);
    view.current?.setAttribute('data-lanes-painted', 'true');
  }, [canvas2d, width, from, origin, pxPerMs, series, ticks, markers]);

  function onScroll(): void {
    const element = scroller.current;
    if (element) setScrollLeft(element.scrollLeft);
  }

  function pick(event: MouseEvent<HTMLDivElement>): void {
    const box = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - box.left;
    const time = Math.max(origin, Math.min(origin + total, from + x / pxPerMs));
    // On a lane, the nearest marker within a few pixels is what was meant.
    const near = markerAt(markers, x, event.clientY - box.top);
    if (near) {
      onPick({ index: near.index, t: timeline.t[near.index] ?? time });
      return;
    }
    onPick({ index: indexAtTime(timeline.t, time), t: time });
  }

  // The marker under the pointer says what it stands for, as its own element's title did.
  function hover(event: MouseEvent<HTMLDivElement>): void {
    const box = event.currentTarget.getBoundingClientRect();
    const marker = markerAt(markers, event.clientX - box.left, event.clientY - box.top);
    const entry = marker ? timeline.entries()[marker.index] : undefined;
    const title =
      marker && entry
        ? `${clock.format(entry.t)} · ${describe(entry)}${marker.count > 1 ? ` (+${marker.count - 1})` : ''}`
        : '';
    if (event.currentTarget.title !== title) event.currentTarget.title = title;
  }

  return (
    <div className="lanes">
      <div className="lanes__toolbar">
        <span id="lanes-zoom-label">{t('debrief.zoom')}</span>{' '}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setZoom((z) => Math.max(0, z - 1))}
          disabled={zoom === 0}
        >
          <span className="button__sign" aria-hidden="true">
            −
          </span>
          {t('debrief.zoomOut')}
        </button>{' '}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))}
          disabled={zoom === ZOOMS.length - 1}
        >
          <span className="button__sign" aria-hidden="true">
            +
          </span>
          {t('debrief.zoomIn')}
        </button>{' '}
        <span className="muted" aria-live="polite">
          {zoom === 0 ? t('debrief.zoomFit') : t('debrief.zoomLevel', { px: ZOOMS[zoom] ?? 0 })}
        </span>
        <ul className="lanes__legend" aria-label={t('debrief.curves')}>
          {series.map((s, i) => (
            <li key={s.id}>
              <SeriesKey index={i} /> <ScenarioText className="series-name">{s.label}</ScenarioText>{' '}
              <span className="series-range">
                {t('curves.range', { min: formatBound(s.min), max: formatBound(s.max) })}
              </span>
            </li>
          ))}
        </ul>
        {series.length > 0 ? <p className="hint">{t('curves.scaleHint')}</p> : null}
      </div>
      <div className="lanes__body">
        <div className="lanes__labels" aria-hidden="true" style={{ height: LANES_HEIGHT }}>
          <div className="lanes__axis" style={{ height: CURVES_HEIGHT }} data-testid="value-axis">
            <span className="lanes__axis-title">{t('debrief.curves')}</span>
            {[SHARE_RANGE.max, SHARE_RANGE.max / 2, SHARE_RANGE.min].map((share) => (
              <span key={share} className="lanes__axis-tick" style={{ top: curveY(share, SHARE_RANGE) }}>
                {t('curves.share', { value: share })}
              </span>
            ))}
          </div>
          <div style={{ height: RULER_HEIGHT }} />
          <div style={{ height: MARKS_HEIGHT }}>{t('debrief.lane.marks')}</div>
          {LANES.map((lane) => (
            <div key={lane} style={{ height: LANE_HEIGHT }}>
              {t(LANE_KEYS[lane])}
            </div>
          ))}
        </div>
        <div
          ref={scroller}
          className="lanes__scroller"
          onScroll={onScroll}
          tabIndex={0}
          role="group"
          aria-label={t('debrief.lanes.label')}
          aria-describedby="lanes-help"
        >
          <div className="lanes__spacer" style={{ width: contentWidth, height: LANES_HEIGHT }}>
            <div
              ref={view}
              className="lanes__view"
              style={{ width, height: LANES_HEIGHT }}
              onClick={pick}
              onMouseMove={hover}
              data-testid="lanes-view"
              data-markers={markers.length}
              data-entries-shown={markers.reduce((sum, m) => sum + m.count, 0)}
            >
              <canvas
                ref={canvas}
                className="lanes__canvas"
                style={{ width, height: LANES_HEIGHT }}
                aria-hidden="true"
              />
              <MarksLayer
                marks={marks}
                start={origin}
                from={from}
                to={to}
                pxPerMs={pxPerMs}
                times={timeline.t}
                onPick={onPick}
              />
              <LanesCursor
                start={origin}
                from={from}
                scrollLeft={scrollLeft}
                pxPerMs={pxPerMs}
                width={width}
                contentWidth={contentWidth}
                scroller={scroller}
                onScrolled={setScrollLeft}
              />
            </div>
          </div>
        </div>
      </div>
      <p id="lanes-help" className="hint">
        {t('debrief.lanes.help')}
      </p>
      {series.length > 0 ? (
        <CurvesTable times={table.times} series={table.series} formatTime={clock.format} />
      ) : null}
    </div>
  );
});
