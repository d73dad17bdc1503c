// What the debrief shows of the moment picked, from the timeline prepared once: the lanes of
// the entries, the variables' curves, the moment itself (by binary search, `MomentIndex`), and
// the states crossed so far (their number, the active states, the last steps of the path) for
// the state graph and its text form, read from prepared indexes too (`statePath` once, then a
// binary search). Those follow a step a frame later (deferred): a step paints the moment at
// once, the graph after it.
import { useDeferredValue, useMemo } from 'react';
import type { TimelineEntry } from '@ecoute/engine';
import type { DebriefVariable } from '@ecoute/protocol';
import { statePath } from '../trainer/ScenarioStates.js';
import { laneOf } from './lanes.js';
import { MomentIndex, lastAtMost, variableSeries } from './moment.js';

/** How many of the latest state changes the path lists (as `ScenarioStates` shows them). */
const PATH_SHOWN = 15;

export function useMomentState(
  entries: readonly TimelineEntry[],
  variables: readonly DebriefVariable[],
  index: number,
  /** The state path is prepared only once the page shows it (after the lanes' first paint). */
  withPath = true,
) {
  const moments = useMemo(() => new MomentIndex(entries, variables), [entries, variables]);
  const lanes = useMemo(() => entries.map(laneOf), [entries]);
  const series = useMemo(() => variableSeries(entries, variables), [entries, variables]);
  const moment = useMemo(() => moments.at(index), [moments, index]);
  const path = useMemo(() => (withPath ? statePath(entries) : []), [entries, withPath]);
  const pathSeqs = useMemo(() => path.map((step) => step.seq), [path]);
  // The graph and the state path read only `state` observations: they change when one is crossed.
  const statesCrossed = useDeferredValue(moments.statesCrossed(index));
  const lastState = entries[moments.stateIndices[statesCrossed - 1] ?? -1];
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
  return { lanes, series, moment, statesCrossed, activeStates, pathShown };
}
