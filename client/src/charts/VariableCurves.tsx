// The hidden variables as live curves over call time (uPlot on a canvas). Loaded lazily with the
// graph. The gauges beside it carry the current values for screen readers; the canvas is
// described as an image, and its data is a table below. Not by colour alone (WCAG 1.4.1): each
// series has its own dash and its name written at the end of its line (direct labels, text set
// beside the plot, so it follows zoom, text spacing and forced colours); under forced colours the
// canvas is drawn again in the text's one colour.
import { useEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TimelineEntry, VariableGauge } from '@ecoute/engine';
import { callTimeOf } from '../ui/callTime.js';
import { pickupTime } from '../ui/useCallElapsed.js';
import { callTimeTicks } from './curveTicks.js';
import { CurvesTable } from './CurvesTable.js';
import { curveStyle } from './curveStyle.js';
import { placeLabels } from './directLabels.js';
import { SeriesKey } from './SeriesKey.js';
import { curveData } from './curveData.js';
import { SHARE_MAX, formatBound, sharesOf } from './curveScale.js';
import { useI18n } from '../i18n/index.js';
import './charts.css';
import { ScenarioText } from '../i18n/ScenarioText.js';

const HEIGHT = 200;
/** Height of a direct label (px): the names keep at least this far apart. */
const LABEL_HEIGHT = 16;
const LABEL_FONT = '600 12px system-ui, sans-serif';
/** The names' gutter (px): at least this wide even on a narrow plot, at most this wide. */
const MIN_GUTTER = 48;
const MAX_GUTTER = 140;

/** Whether the system forces its colours (Windows high contrast), followed as it changes. */
function useForcedColours(): boolean {
  const [forced, setForced] = useState(() => forcedQuery()?.matches ?? false);
  useEffect(() => {
    const query = forcedQuery();
    if (!query) return;
    const change = () => setForced(query.matches);
    query.addEventListener('change', change);
    return () => query.removeEventListener('change', change);
  }, []);
  return forced;
}

function forcedQuery(): MediaQueryList | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia('(forced-colors: active)') : null;
}

/** The widest of the names (px), for the gutter the labels sit in at the lines' end. */
function widestLabel(labels: readonly string[]): number {
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext?.('2d');
  if (!ctx) return 8 * Math.max(0, ...labels.map((label) => label.length));
  ctx.font = LABEL_FONT;
  return Math.max(0, ...labels.map((label) => ctx.measureText(label).width));
}

interface DirectLabel {
  id: string;
  label: string;
  /** Top of the name, in px from the top of the plot's box. */
  top: number;
  /** Left of the name: just past the end of the lines. */
  left: number;
  /** What the gutter leaves it (a longer name ends in an ellipsis: the legend below has it whole). */
  width: number;
}

export default function VariableCurves({
  variables,
  entries,
  now,
  label,
}: {
  variables: readonly VariableGauge[];
  entries: readonly TimelineEntry[];
  now: number;
  label: string;
}) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const forced = useForcedColours();
  const [labels, setLabels] = useState<DirectLabel[]>([]);
  const data = useMemo(() => curveData(variables, entries, now), [variables, entries, now]);
  // What a trainer reads is call time (from the pickup), as the status bar and the transcript.
  const callTime = useMemo(() => callTimeOf(entries), [entries]);
  const shape = data.series
    .map((series) => `${series.id}:${series.min}:${series.max}:${series.label}`)
    .join('|');
  // Each variable drawn as its share of its own declared range (0 % at its min, 100 % at its
  // max): a 0–10 stress is not flattened by a 0–150 Mo plan. The table keeps the exact values.
  const aligned = useMemo<uPlot.AlignedData>(
    () => [data.times, ...data.series.map((series) => sharesOf(series.values, series))],
    [data],
  );
  const share = (value: number) => t('curves.share', { value: Math.round(value) });
  const pickup = pickupTime(entries);
  const latest = useRef({ aligned, callTime, series: data.series, share, pickup });
  latest.current = { aligned, callTime, series: data.series, share, pickup };

  // One plot per set of variables (and colour mode); new points only update its data.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const min = 0;
    const max = SHARE_MAX;
    // Under forced colours every line, axis and name takes the text's colour (kept apart by dash
    // and name); otherwise the axes too are in the text's colour, not uPlot's black.
    const ink = getComputedStyle(element).color || (forced ? 'CanvasText' : '#1c2430');
    // The names' gutter fits the widest name, but never more than 140 px nor 40 % of the plot: a long
    // name (a scenario's variable of 35 characters) made the page scroll sideways, on a phone and
    // in the projected view; it is cut with an ellipsis instead (the legend below has it whole).
    const known = element.clientWidth;
    const gutter = Math.min(
      Math.ceil(widestLabel(data.series.map((series) => series.label))) + 10,
      MAX_GUTTER,
      // Not laid out yet (a tab not shown): the plot's width comes with the first resize.
      known > 0 ? Math.max(MIN_GUTTER, Math.floor(known * 0.4)) : MAX_GUTTER,
    );
    const width = () => Math.max(120 + gutter, element.clientWidth);
    /** Each name at the end of its line, moved apart when two lines end close together. */
    const placeNames = (u: uPlot): void => {
      const { series } = latest.current;
      const over = u.over;
      const last = (u.data[0]?.length ?? 0) - 1;
      const wanted = series.map((_, i) => {
        const value = u.data[i + 1]?.[last];
        return over.offsetTop + u.valToPos(typeof value === 'number' ? value : min, 'y') - LABEL_HEIGHT / 2;
      });
      const tops = placeLabels(
        wanted,
        0,
        over.offsetTop + over.offsetHeight - LABEL_HEIGHT / 2,
        LABEL_HEIGHT,
      );
      const left = over.offsetLeft + over.offsetWidth + 4;
      const room = Math.max(0, element.clientWidth - left);
      setLabels(series.map((s, i) => ({ id: s.id, label: s.label, top: tops[i] ?? 0, left, width: room })));
    };
    const options: uPlot.Options = {
      width: width(),
      height: HEIGHT,
      padding: [8, gutter, 0, 0],
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false }, y: { range: [min, max] } },
      axes: [
        {
          stroke: ink,
          grid: { stroke: forced ? ink : 'rgba(0,0,0,0.1)', width: forced ? 0.5 : 1 },
          // Whole call times (0:00, 0:30…), not session times shown as call times (0:11, 1:01…).
          // (uPlot's own step and its pixels give the plot's scale, whatever its size then.)
          splits: (_u, _axis, min, max, foundIncr, foundSpace) =>
            callTimeTicks(min, max, foundSpace / foundIncr, latest.current.pickup),
          values: (_u, ticks) => ticks.map((tick) => latest.current.callTime(tick * 1000)),
        },
        {
          stroke: ink,
          grid: { stroke: forced ? ink : 'rgba(0,0,0,0.1)', width: forced ? 0.5 : 1 },
          splits: () => [0, SHARE_MAX / 2, SHARE_MAX],
          values: (_u, ticks) => ticks.map((tick) => latest.current.share(tick)),
          size: 56,
        },
      ],
      series: [
        {},
        ...data.series.map((series, i) => ({
          label: series.label,
          // Its own colour and dash, as in the legend and the debrief (not colour alone).
          stroke: forced ? ink : curveStyle(i).colour,
          dash: [...curveStyle(i).dash],
          width: 2,
          paths: uPlot.paths.stepped?.({ align: 1 }),
        })),
      ],
      hooks: { draw: [placeNames] },
    };
    const made = new uPlot(options, latest.current.aligned, element);
    plot.current = made;
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => made.setSize({ width: width(), height: HEIGHT }));
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      made.destroy();
      plot.current = null;
    };
    // The plot is rebuilt only when the set of variables changes (`shape`) or the colour mode.
  }, [shape, forced]);

  useEffect(() => {
    plot.current?.setData(aligned);
  }, [aligned]);

  return (
    <figure className="variable-curves">
      <div className="variable-curves__box">
        <div ref={container} className="variable-curves__plot" role="img" aria-label={label} />
        {/* The names are read in the legend below; here they only mark the lines' ends. */}
        <div className="variable-curves__labels" aria-hidden="true">
          {labels.map((name, i) => (
            <span
              key={name.id}
              className="variable-curves__label"
              data-series={name.id}
              style={{
                top: name.top,
                left: name.left,
                maxWidth: name.width,
                color: forced ? undefined : curveStyle(i).colour,
              }}
            >
              <ScenarioText>{name.label}</ScenarioText>
            </span>
          ))}
        </div>
      </div>
      <figcaption className="variable-curves__legend">
        <ul>
          {data.series.map((series, i) => (
            <li key={series.id}>
              <SeriesKey index={i} /> <ScenarioText className="series-name">{series.label}</ScenarioText>{' '}
              <span className="series-range">
                {t('curves.range', { min: formatBound(series.min), max: formatBound(series.max) })}
              </span>
            </li>
          ))}
        </ul>
        <p className="hint">{t('curves.scaleHint')}</p>
      </figcaption>
      <CurvesTable
        times={data.times}
        series={data.series}
        formatTime={(seconds) => callTime(seconds * 1000)}
      />
    </figure>
  );
}
