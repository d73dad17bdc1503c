// The call as it was at one moment of its timeline, derived from the entries up to it (pure):
// what the debrief shows when a moment is picked, stepped to, or reached in playback.
import type { CallPhase, EndingView, TimelineEntry } from '@ecoute/engine';
import type { DebriefVariable } from '@ecoute/protocol';

export interface Moment {
  /** Index in the entries of the last entry at or before the moment; -1 before the first. */
  index: number;
  /** Session time (ms). */
  t: number;
  phase: CallPhase;
  paused: boolean;
  onHold: boolean;
  /** Active state paths, as the last `state` observation gave them. */
  states: string[];
  /** Every variable's value (its initial value before any change). */
  variables: Record<string, number>;
  ending: EndingView | null;
}

/** The state of the call after entries[0..index] (index -1: before anything happened). */
export function momentAt(
  entries: readonly TimelineEntry[],
  index: number,
  variables: readonly DebriefVariable[],
): Moment {
  const last = Math.min(index, entries.length - 1);
  const moment: Moment = {
    index: last,
    t: last >= 0 ? (entries[last]?.t ?? 0) : 0,
    phase: 'ringing',
    paused: false,
    onHold: false,
    states: [],
    variables: Object.fromEntries(variables.map((v) => [v.id, v.initial])),
    ending: null,
  };
  for (let i = 0; i <= last; i += 1) {
    const entry = entries[i];
    if (!entry) continue;
    if (entry.kind === 'input') {
      const { kind } = entry.input;
      if (kind === 'pickup') moment.phase = 'connected';
      else if (kind === 'pause' || kind === 'resume') moment.paused = kind === 'pause';
      else if (kind === 'hold' || kind === 'unhold') moment.onHold = kind === 'hold';
      continue;
    }
    const { observation } = entry;
    if (observation.kind === 'variable') moment.variables[observation.variable] = observation.value;
    else if (observation.kind === 'state') moment.states = observation.states;
    else if (observation.kind === 'ending') {
      moment.phase = 'ended';
      moment.onHold = false;
      moment.ending = {
        ending: observation.ending,
        outcome: observation.outcome,
        message: observation.message,
        reason: observation.reason,
      };
    }
  }
  return moment;
}

/** Index of the last entry with `t <= time` (entries in seq order, t never decreasing); -1 if none. */
export function indexAtTime(entries: readonly TimelineEntry[], time: number): number {
  let lo = 0;
  let hi = entries.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((entries[mid]?.t ?? Infinity) <= time) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the entry with this seq, or -1. */
export function indexOfSeq(entries: readonly TimelineEntry[], seq: number): number {
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = entries[mid]?.seq ?? Infinity;
    if (at === seq) return mid;
    if (at < seq) lo = mid + 1;
    else hi = mid - 1;
  }
  // A seq the viewer may not see (e.g. hidden): the last visible entry before it.
  return Math.max(-1, lo - 1);
}

/** A variable's value over time, as steps: each change starts a step (the first at 0). */
export interface VariableSeries {
  id: string;
  label: string;
  min: number;
  max: number;
  times: number[];
  values: number[];
}

export function variableSeries(
  entries: readonly TimelineEntry[],
  variables: readonly DebriefVariable[],
): VariableSeries[] {
  const series = new Map(
    variables.map((v) => [
      v.id,
      { id: v.id, label: v.label, min: v.min, max: v.max, times: [0], values: [v.initial] },
    ]),
  );
  for (const entry of entries) {
    if (entry.kind !== 'observation' || entry.observation.kind !== 'variable') continue;
    const s = series.get(entry.observation.variable);
    if (!s) continue;
    if (s.times.at(-1) === entry.t) s.values[s.values.length - 1] = entry.observation.value;
    else {
      s.times.push(entry.t);
      s.values.push(entry.observation.value);
    }
  }
  return [...series.values()];
}
