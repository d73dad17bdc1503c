// The call as it was at one moment of its timeline, derived from the entries up to it (pure):
// what the debrief shows when a moment is picked, stepped to, or reached in playback. The
// timeline is prepared once (`MomentIndex`); each moment is then found by binary search.
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
  return new MomentIndex(entries, variables).at(index);
}

/** The last of the ascending `indices` at most `index`, as a position in `indices` (-1: none). */
export function lastAtMost(indices: readonly number[], index: number): number {
  let lo = 0;
  let hi = indices.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((indices[mid] ?? Infinity) <= index) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Where something changed (entry indices, ascending) and what it became there. */
interface Changes<T> {
  at: number[];
  value: T[];
}

function valueAt<T>(changes: Changes<T>, index: number, initial: T): T {
  const found = lastAtMost(changes.at, index);
  return found < 0 ? initial : (changes.value[found] as T);
}

/**
 * The moments of a timeline, prepared once: for each thing a moment shows (phase, pause, hold,
 * states, each variable, the ending), the entries where it changed. The call at any entry is
 * then a binary search in each, never a replay of the entries before it: a step or a playback
 * tick costs the same at the 10th entry and at the 50,000th.
 */
export class MomentIndex {
  private readonly phase: Changes<CallPhase> = { at: [], value: [] };
  private readonly paused: Changes<boolean> = { at: [], value: [] };
  private readonly onHold: Changes<boolean> = { at: [], value: [] };
  private readonly variables = new Map<string, Changes<number>>();
  private readonly initial: Record<string, number>;
  private readonly ending: Changes<EndingView> = { at: [], value: [] };
  /** Indices of the `state` observations, in order. */
  readonly stateIndices: number[] = [];

  constructor(
    private readonly entries: readonly TimelineEntry[],
    variables: readonly DebriefVariable[],
  ) {
    this.initial = Object.fromEntries(variables.map((v) => [v.id, v.initial]));
    const push = <T>(changes: Changes<T>, at: number, value: T) => {
      changes.at.push(at);
      changes.value.push(value);
    };
    entries.forEach((entry, i) => {
      if (entry.kind === 'input') {
        const { kind } = entry.input;
        if (kind === 'pickup') push(this.phase, i, 'connected');
        else if (kind === 'pause' || kind === 'resume') push(this.paused, i, kind === 'pause');
        else if (kind === 'hold' || kind === 'unhold') push(this.onHold, i, kind === 'hold');
        return;
      }
      const { observation } = entry;
      if (observation.kind === 'variable') {
        let changes = this.variables.get(observation.variable);
        if (!changes) this.variables.set(observation.variable, (changes = { at: [], value: [] }));
        push(changes, i, observation.value);
      } else if (observation.kind === 'state') this.stateIndices.push(i);
      else if (observation.kind === 'ending') {
        push(this.phase, i, 'ended');
        push(this.onHold, i, false);
        push(this.ending, i, {
          ending: observation.ending,
          outcome: observation.outcome,
          message: observation.message,
          reason: observation.reason,
        });
      }
    });
  }

  /** How many `state` observations are at or before the entry `index`. */
  statesCrossed(index: number): number {
    return lastAtMost(this.stateIndices, index) + 1;
  }

  /** The state of the call after entries[0..index] (index -1: before anything happened). */
  at(index: number): Moment {
    const last = Math.min(index, this.entries.length - 1);
    const variables = { ...this.initial };
    for (const [id, changes] of this.variables) {
      const value = valueAt<number | undefined>(changes, last, undefined);
      if (value !== undefined) variables[id] = value;
    }
    const state = this.stateIndices[this.statesCrossed(last) - 1];
    const stateEntry = state === undefined ? undefined : this.entries[state];
    return {
      index: last,
      t: last >= 0 ? (this.entries[last]?.t ?? 0) : 0,
      phase: valueAt(this.phase, last, 'ringing'),
      paused: valueAt(this.paused, last, false),
      onHold: valueAt(this.onHold, last, false),
      states:
        stateEntry?.kind === 'observation' && stateEntry.observation.kind === 'state'
          ? stateEntry.observation.states
          : [],
      variables,
      ending: valueAt<EndingView | null>(this.ending, last, null),
    };
  }
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
