import { useRef } from 'react';
import type { ProjectorView, TimelineEntry } from '@ecoute/engine';

/**
 * Observers do not receive the variable and state observations of the timeline (they are the
 * trainer's); in projector mode their view carries the current values. This turns each change
 * seen in those views into an entry of the same shape, so that the curves and the path drawn
 * for the group grow while projector mode is on. Seqs are negative: never mistaken for real ones.
 */
export function useProjectorHistory(projector: ProjectorView | null, t: number): TimelineEntry[] {
  const memory = useRef<{ last: ProjectorView | null; entries: TimelineEntry[] }>({
    last: null,
    entries: [],
  });
  const state = memory.current;
  if (projector && projector !== state.last) {
    const at = new Date().toISOString();
    const fresh: TimelineEntry[] = [];
    const seq = () => -(state.entries.length + fresh.length + 1);
    for (const variable of projector.variables) {
      const before = state.last?.variables.find((known) => known.id === variable.id);
      if (before && before.value !== variable.value)
        fresh.push({
          seq: seq(),
          t,
          at,
          source: 'system',
          kind: 'observation',
          observation: {
            kind: 'variable',
            variable: variable.id,
            value: variable.value,
            previous: before.value,
          },
        });
    }
    const statesBefore = state.last?.states.join('|');
    if (statesBefore !== projector.states.join('|'))
      fresh.push({
        seq: seq(),
        t,
        at,
        source: 'system',
        kind: 'observation',
        observation: { kind: 'state', states: projector.states },
      });
    state.entries = fresh.length > 0 ? [...state.entries, ...fresh] : state.entries;
    state.last = projector;
  }
  return state.entries;
}
