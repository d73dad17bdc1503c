// The hidden variables as live curves over call time (uPlot on a canvas). Loaded lazily with the
// graph. The gauges beside it carry the current values for screen readers; the canvas is
// described as an image.
import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TimelineEntry, VariableGauge } from '@ecoute/engine';
import { formatDuration } from '../ui/formatDuration.js';
import { CurvesTable } from './CurvesTable.js';
import { curveStyle } from './curveStyle.js';
import { SeriesKey } from './SeriesKey.js';
import { curveData } from './curveData.js';

const HEIGHT = 200;

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
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const data = useMemo(() => curveData(variables, entries, now), [variables, entries, now]);
  const shape = data.series.map((series) => `${series.id}:${series.min}:${series.max}`).join('|');
  const aligned = useMemo<uPlot.AlignedData>(
    () => [data.times, ...data.series.map((series) => series.values)],
    [data],
  );
  const latest = useRef(aligned);
  latest.current = aligned;

  // One plot per set of variables; new points only update its data.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const min = Math.min(0, ...data.series.map((series) => series.min));
    const max = Math.max(1, ...data.series.map((series) => series.max));
    const options: uPlot.Options = {
      width: Math.max(120, element.clientWidth),
      height: HEIGHT,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false }, y: { range: [min, max] } },
      axes: [{ values: (_u, ticks) => ticks.map((tick) => formatDuration(tick * 1000)) }, {}],
      series: [
        {},
        ...data.series.map((series, i) => ({
          label: series.label,
          // Its own colour and dash, as in the legend and the debrief (not colour alone).
          stroke: curveStyle(i).colour,
          dash: [...curveStyle(i).dash],
          width: 2,
          paths: uPlot.paths.stepped?.({ align: 1 }),
        })),
      ],
    };
    const made = new uPlot(options, latest.current, element);
    plot.current = made;
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() =>
            made.setSize({ width: Math.max(120, element.clientWidth), height: HEIGHT }),
          );
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      made.destroy();
      plot.current = null;
    };
    // The plot is rebuilt only when the set of variables changes (`shape`).
  }, [shape]);

  useEffect(() => {
    plot.current?.setData(aligned);
  }, [aligned]);

  return (
    <figure className="variable-curves">
      <div ref={container} className="variable-curves__plot" role="img" aria-label={label} />
      <figcaption className="variable-curves__legend">
        <ul>
          {data.series.map((series, i) => (
            <li key={series.id}>
              <SeriesKey index={i} /> {series.label}
            </li>
          ))}
        </ul>
      </figcaption>
      <CurvesTable
        times={data.times}
        series={data.series}
        formatTime={(seconds) => formatDuration(seconds * 1000)}
      />
    </figure>
  );
}
