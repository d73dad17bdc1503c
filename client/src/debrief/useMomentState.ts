// What the debrief shows of the moment picked, from the timeline prepared once: the lanes of
// the entries, the variables' curves, the moment itself (by binary search, `MomentIndex`), and
// the state entries crossed so far for the state graph and its text form. Those two follow a
// step a frame later (deferred): a step paints the moment at once, the graph after it.
import { useDeferredValue, useMemo } from 'react';
import type { TimelineEntry } from '@ecoute/engine';
import type { DebriefVariable } from '@ecoute/protocol';
import { laneOf } from './lanes.js';
import { MomentIndex, variableSeries } from './moment.js';

export function useMomentState(
  entries: readonly TimelineEntry[],
  variables: readonly DebriefVariable[],
  index: number,
) {
  const moments = useMemo(() => new MomentIndex(entries, variables), [entries, variables]);
  const lanes = useMemo(() => entries.map(laneOf), [entries]);
  const series = useMemo(() => variableSeries(entries, variables), [entries, variables]);
  const moment = useMemo(() => moments.at(index), [moments, index]);
  // The graph and the state path read only `state` observations: they change when one is crossed.
  const statesCrossed = useDeferredValue(moments.statesCrossed(index));
  const stateEntries = useMemo(
    () => moments.stateIndices.slice(0, statesCrossed).map((i) => entries[i]!),
    [moments, statesCrossed, entries],
  );
  const activeStates = useMemo(() => {
    const last = stateEntries.at(-1);
    return last?.kind === 'observation' && last.observation.kind === 'state' ? last.observation.states : [];
  }, [stateEntries]);
  return { lanes, series, moment, stateEntries, activeStates };
}
