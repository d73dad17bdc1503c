// What the debrief shows of the moment picked, from the timeline prepared once: the lanes of
// the entries, the variables' curves, the moment itself (by binary search, `MomentIndex`), and
// the states crossed so far (their number, the active states, the last steps of the path) for
// the state graph and its text form, read from prepared indexes too (`statePath` once, then a
// binary search). Those follow a step once its frame is painted (`useValueAfterPaint`): a step
// paints the moment at once, the graph after it.
import { useMemo } from 'react';
import type { DebriefVariable } from '@ecoute/protocol';
import { statePath } from '../trainer/ScenarioStates.js';
import { MomentIndex, lastAtMost, seriesOfTimeline } from './moment.js';
import type { Timeline } from './timeline.js';
import { useValueAfterPaint } from './useValueAfterPaint.js';

/** How many of the latest state changes the path lists (as `ScenarioStates` shows them). */
const PATH_SHOWN = 15;

export function useMomentState(
  timeline: Timeline,
  variables: readonly DebriefVariable[],
  index: number,
  /**
   * The state path, the active states (read from the entries themselves) are prepared only once
   * the page shows them (after the lanes' first paint): before, nothing reads an entry.
   */
  withPath = true,
) {
  const moments = useMemo(() => new MomentIndex(timeline, variables), [timeline, variables]);
  const series = useMemo(() => seriesOfTimeline(timeline, variables), [timeline, variables]);
  const moment = useMemo(() => moments.basics(index), [moments, index]);
  const entries = useMemo(() => (withPath ? timeline.entries() : null), [timeline, withPath]);
  const path = useMemo(() => (entries ? statePath(entries) : []), [entries]);
  const pathSeqs = useMemo(() => path.map((step) => step.seq), [path]);
  // The graph and the state path read only `state` observations: they change when one is crossed.
  const statesCrossed = useValueAfterPaint(moments.statesCrossed(index));
  const lastState = entries?.[moments.stateIndices[statesCrossed - 1] ?? -1];
  const activeStates = useMemo(
    () =>
      lastState?.kind === 'observation' && lastState.observation.kind === 'state'
        ? lastState.observation.states
        : [],
    [lastState],
  );
  const pathShown = useMemo(() => {
    const steps = lastState ? lastAtMost(pathSeqs, lastState.seq) + 1 : 0;
    return path.slice(Math.max(0, steps - PATH_SHOWN), steps);
  }, [path, pathSeqs, lastState]);
  return { lanes: timeline.lanes, series, moment, statesCrossed, activeStates, pathShown };
}
