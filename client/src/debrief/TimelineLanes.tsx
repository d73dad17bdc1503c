// The call on one time axis: the variables' curves above, then one lane per source (caller,
// listener, trainer, system) and the marks. Virtualised: a wide spacer gives the native
// horizontal scroll; a sticky view the width of the screen draws only the visible window, with
// at most one marker per few pixels and lane. Click a moment to pick it.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import type { TimelineEntry } from '@ecoute/engine';
import type { DebriefMark } from '@ecoute/protocol';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { formatDuration } from '../ui/formatDuration.js';
import { LANES, laneMarkers, tickStep, type Lane } from './lanes.js';
import { indexAtTime, type VariableSeries } from './moment.js';

const CURVES_HEIGHT = 96;
const RULER_HEIGHT = 22;
const MARKS_HEIGHT = 22;
const LANE_HEIGHT = 30;
/** Pixels per second of each zoom level; 0 fits the whole call in the width. */
const ZOOMS = [0, 1, 2, 5, 10, 25, 50] as const;
export const CURVE_COLOURS = ['#b3261e', '#1f5fbf', '#1d7a3a', '#8a5a00', '#6b3fa0', '#00707a'];

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

export function TimelineLanes({
  entries,
  lanes,
  series,
  marks,
  cursor,
  duration,
  onPick,
  describe,
}: {
  entries: readonly TimelineEntry[];
  /** The lane of each entry, by index. */
  lanes: readonly Lane[];
  series: readonly VariableSeries[];
  marks: readonly DebriefMark[] | null;
  cursor: Cursor;
  duration: number;
  onPick: (cursor: Cursor) => void;
  /** A short text of an entry, for the markers' tooltips. */
  describe: (entry: TimelineEntry) => string;
}) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  const [scrollLeft, setScrollLeft] = useState(0);
  const [zoom, setZoom] = useState(0);

  useEffect(() => {
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

  const total = Math.max(duration, 1_000);
  const pxPerMs = ZOOMS[zoom] === 0 ? width / total : (ZOOMS[zoom] ?? 1) / 1000;
  const contentWidth = Math.max(width, Math.ceil(total * pxPerMs));
  const from = scrollLeft / pxPerMs;
  const to = (scrollLeft + width) / pxPerMs;
  const markers = useMemo(
    () => laneMarkers(entries, lanes, { from, to, width }),
    [entries, lanes, from, to, width],
  );

  // Keep the moment in sight (stepping, playback, a jump from the rubric).
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const x = cursor.t * pxPerMs;
    if (x < element.scrollLeft || x > element.scrollLeft + width - 8) {
      element.scrollLeft = Math.max(0, x - width * 0.3);
      setScrollLeft(element.scrollLeft);
    }
  }, [cursor.t, pxPerMs, width]);

  function onScroll(): void {
    const element = scroller.current;
    if (element) setScrollLeft(element.scrollLeft);
  }

  function pick(event: MouseEvent<HTMLDivElement>): void {
    const box = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    const time = Math.max(0, Math.min(total, from + x / pxPerMs));
    const laneIndex = Math.floor((y - CURVES_HEIGHT - RULER_HEIGHT - MARKS_HEIGHT) / LANE_HEIGHT);
    const lane = LANES[laneIndex];
    // On a lane, the nearest marker within a few pixels is what was meant.
    const near = lane
      ? markers
          .filter((m) => m.lane === lane && Math.abs(m.x - x) <= 8)
          .sort((a, b) => Math.abs(a.x - x) - Math.abs(b.x - x))[0]
      : undefined;
    if (near) {
      onPick({ index: near.index, t: entries[near.index]?.t ?? time });
      return;
    }
    onPick({ index: indexAtTime(entries, time), t: time });
  }

  const step = tickStep(pxPerMs);
  const ticks: number[] = [];
  for (let tick = Math.ceil(from / step) * step; tick <= to; tick += step) ticks.push(tick);
  const xOf = (time: number) => (time - from) * pxPerMs;
  const cursorX = xOf(cursor.t);
  const lanesTop = CURVES_HEIGHT + RULER_HEIGHT + MARKS_HEIGHT;
  const height = lanesTop + LANES.length * LANE_HEIGHT;

  return (
    <div className="lanes">
      <div className="lanes__toolbar">
        <span id="lanes-zoom-label">{t('debrief.zoom')}</span>{' '}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setZoom((z) => Math.max(0, z - 1))}
          disabled={zoom === 0}
          aria-label={t('debrief.zoomOut')}
        >
          −
        </button>{' '}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))}
          disabled={zoom === ZOOMS.length - 1}
          aria-label={t('debrief.zoomIn')}
        >
          +
        </button>{' '}
        <span className="muted" aria-live="polite">
          {zoom === 0 ? t('debrief.zoomFit') : t('debrief.zoomLevel', { px: ZOOMS[zoom] ?? 0 })}
        </span>
        <ul className="lanes__legend" aria-label={t('debrief.curves')}>
          {series.map((s, i) => (
            <li key={s.id}>
              <span
                className="lanes__swatch"
                style={{ background: CURVE_COLOURS[i % CURVE_COLOURS.length] }}
              />
              {s.label}
            </li>
          ))}
        </ul>
      </div>
      <div className="lanes__body">
        <div className="lanes__labels" aria-hidden="true" style={{ height }}>
          <div style={{ height: CURVES_HEIGHT }}>{t('debrief.curves')}</div>
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
          <div className="lanes__spacer" style={{ width: contentWidth, height }}>
            <div className="lanes__view" style={{ width, height }} onClick={pick} data-testid="lanes-view">
              <svg
                width={width}
                height={CURVES_HEIGHT + RULER_HEIGHT}
                className="lanes__curves"
                aria-hidden="true"
              >
                {series.map((s, i) => (
                  <path
                    key={s.id}
                    d={curvePath(s, from, to, pxPerMs, CURVES_HEIGHT)}
                    fill="none"
                    stroke={CURVE_COLOURS[i % CURVE_COLOURS.length]}
                    strokeWidth={2}
                  />
                ))}
                {ticks.map((tick) => (
                  <g key={tick}>
                    <line
                      x1={xOf(tick)}
                      x2={xOf(tick)}
                      y1={CURVES_HEIGHT}
                      y2={CURVES_HEIGHT + 6}
                      stroke="currentColor"
                    />
                    <text x={xOf(tick) + 3} y={CURVES_HEIGHT + 17} fontSize="11" fill="currentColor">
                      {formatDuration(tick)}
                    </text>
                  </g>
                ))}
              </svg>
              {(marks ?? [])
                .filter((mark) => mark.t >= from && mark.t <= to)
                .map((mark) => (
                  <button
                    key={mark.id}
                    type="button"
                    className={`lanes__mark lanes__mark--${mark.kind}`}
                    style={{ left: xOf(mark.t), top: CURVES_HEIGHT + RULER_HEIGHT }}
                    title={mark.comment}
                    aria-label={t('debrief.marks.jump', {
                      time: formatDuration(mark.t),
                      comment: mark.comment,
                    })}
                    onClick={(event) => {
                      event.stopPropagation();
                      onPick({ index: indexAtTime(entries, mark.t), t: mark.t });
                    }}
                  />
                ))}
              {LANES.map((lane, i) => (
                <div
                  key={lane}
                  className={`lanes__lane lanes__lane--${lane}`}
                  style={{ top: lanesTop + i * LANE_HEIGHT, height: LANE_HEIGHT }}
                />
              ))}
              {markers.map((marker) => {
                const entry = entries[marker.index];
                return (
                  <span
                    key={`${marker.lane}-${marker.index}`}
                    className={`lanes__marker lanes__marker--${marker.lane}${marker.count > 1 ? ' lanes__marker--many' : ''}`}
                    style={{
                      left: marker.x,
                      top: lanesTop + LANES.indexOf(marker.lane) * LANE_HEIGHT + 6,
                    }}
                    title={
                      entry
                        ? `${formatDuration(entry.t)} · ${describe(entry)}${marker.count > 1 ? ` (+${marker.count - 1})` : ''}`
                        : ''
                    }
                  />
                );
              })}
              {cursorX >= 0 && cursorX <= width ? (
                <div className="lanes__cursor" style={{ left: cursorX, height }} aria-hidden="true" />
              ) : null}
            </div>
          </div>
        </div>
      </div>
      <p id="lanes-help" className="hint">
        {t('debrief.lanes.help')}
      </p>
    </div>
  );
}

/** A variable's steps inside the window, as an SVG path. */
export function curvePath(
  series: VariableSeries,
  from: number,
  to: number,
  pxPerMs: number,
  height: number,
): string {
  const span = series.max - series.min || 1;
  const y = (value: number) => (height - 6 - ((value - series.min) / span) * (height - 12)).toFixed(1);
  const x = (time: number) => ((time - from) * pxPerMs).toFixed(1);
  let i = 0;
  while (i + 1 < series.times.length && (series.times[i + 1] ?? Infinity) <= from) i += 1;
  let d = `M${x(Math.max(from, 0))} ${y(series.values[i] ?? series.min)}`;
  for (let j = i + 1; j < series.times.length; j += 1) {
    const time = series.times[j] ?? 0;
    if (time > to) break;
    d += ` H${x(time)} V${y(series.values[j] ?? series.min)}`;
  }
  return `${d} H${x(to)}`;
}
