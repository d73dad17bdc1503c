// The hidden variables over call time, for the live curves: one point per moment a variable
// changed (from the timeline's `variable` observations), plus the view's values now.
import type { TimelineEntry, VariableGauge } from '@ecoute/engine';

export interface CurveSeries {
  id: string;
  label: string;
  min: number;
  max: number;
  values: number[];
}

export interface CurveData {
  /** Session time of each point, in seconds, ascending. */
  times: number[];
  series: CurveSeries[];
}

export function curveData(
  variables: readonly VariableGauge[],
  entries: readonly TimelineEntry[],
  now: number,
): CurveData {
  const changes = entries.flatMap((entry) =>
    entry.kind === 'observation' && entry.observation.kind === 'variable'
      ? [
          {
            t: entry.t,
            variable: entry.observation.variable,
            value: entry.observation.value,
            previous: entry.observation.previous,
          },
        ]
      : [],
  );
  const current = new Map<string, number>();
  for (const variable of variables) {
    // Before any change, a variable holds the value its first change started from.
    const first = changes.find((change) => change.variable === variable.id);
    current.set(variable.id, first ? first.previous : variable.value);
  }
  const times: number[] = [];
  const values = new Map<string, number[]>(variables.map((variable) => [variable.id, []]));
  const push = (t: number): void => {
    const seconds = Math.max(0, t) / 1000;
    const last = times.length - 1;
    if (last >= 0 && times[last] === seconds) {
      for (const [id, series] of values) series[last] = current.get(id) ?? 0;
      return;
    }
    times.push(seconds);
    for (const [id, series] of values) series.push(current.get(id) ?? 0);
  };
  push(0);
  for (const change of changes) {
    if (!values.has(change.variable)) continue;
    current.set(change.variable, change.value);
    push(change.t);
  }
  for (const variable of variables) current.set(variable.id, variable.value);
  const lastTime = (times[times.length - 1] ?? 0) * 1000;
  push(Math.max(now, lastTime));
  return {
    times,
    series: variables.map((variable) => ({
      id: variable.id,
      label: variable.label,
      min: variable.min,
      max: variable.max,
      values: values.get(variable.id) ?? [],
    })),
  };
}
