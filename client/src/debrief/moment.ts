// The call as it was at one moment of its timeline, derived from the entries up to it (pure):
// what the debrief shows when a moment is picked, stepped to, or reached in playback. The
// timeline is prepared once (`MomentIndex`); each moment is then found by binary search.
import {
  indexAtTime,
  variableSteps,
  type CallPhase,
  type EndingView,
  type TimelineEntry,
  type VariableSeries,
} from '@ecoute/engine';
import type { DebriefVariable } from '@ecoute/protocol';
import { timelineOfEntries, type Timeline } from './timeline.js';

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
  return new MomentIndex(timelineOfEntries(entries), variables).at(index);
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
  private readonly endings: number[] = [];
  /** Indices of the `state` observations, in order. */
  readonly stateIndices: number[] = [];

  /** Prepared from the columns alone: the entries themselves are read only by `at` (states, ending). */
  constructor(
    private readonly timeline: Timeline,
    variables: readonly DebriefVariable[],
  ) {
    this.initial = Object.fromEntries(variables.map((v) => [v.id, v.initial]));
    const push = <T>(changes: Changes<T>, at: number, value: T) => {
      changes.at.push(at);
      changes.value.push(value);
    };
    const { strings, kind: kinds, variable: ids, value: values, hold } = timeline.columns;
    for (let i = 0; i < timeline.count; i += 1) {
      const kind = strings[kinds[i] ?? -1] ?? '';
      const variable = ids[i] ?? -1;
      if (variable >= 0) {
        const id = strings[variable] ?? '';
        let changes = this.variables.get(id);
        if (!changes) this.variables.set(id, (changes = { at: [], value: [] }));
        push(changes, i, values[i] ?? 0);
        continue;
      }
      switch (kind) {
        case 'input:pickup':
          push(this.phase, i, 'connected');
          break;
        case 'input:pause':
        case 'input:resume':
          push(this.paused, i, kind === 'input:pause');
          break;
        case 'input:hold':
        case 'input:unhold':
          push(this.onHold, i, kind === 'input:hold');
          break;
        // A sentence read (or corrected) as the phone's hold, or the standard move: what the
        // measures and the floor count as a hold (`phoneHoldOf`), told by the columns' `hold`.
        case 'input:interpret':
        case 'input:correct':
        case 'input:move': {
          const held = hold[i];
          if (held !== undefined) push(this.onHold, i, held === 'hold');
          break;
        }
        case 'observation:state':
          this.stateIndices.push(i);
          break;
        case 'observation:ending':
          push(this.phase, i, 'ended');
          push(this.onHold, i, false);
          this.endings.push(i);
          break;
        default:
          break;
      }
    }
  }

  /** How many `state` observations are at or before the entry `index`. */
  statesCrossed(index: number): number {
    return lastAtMost(this.stateIndices, index) + 1;
  }

  /**
   * What the first paint shows of the moment (phase, pause, hold, variables), from the columns:
   * no entry is built for it.
   */
  basics(index: number): Omit<Moment, 'states' | 'ending'> {
    const last = Math.min(index, this.timeline.count - 1);
    const variables = { ...this.initial };
    for (const [id, changes] of this.variables) {
      const value = valueAt<number | undefined>(changes, last, undefined);
      if (value !== undefined) variables[id] = value;
    }
    return {
      index: last,
      t: last >= 0 ? (this.timeline.t[last] ?? 0) : 0,
      phase: valueAt(this.phase, last, 'ringing'),
      paused: valueAt(this.paused, last, false),
      onHold: valueAt(this.onHold, last, false),
      variables,
    };
  }

  /** The state of the call after entries[0..index] (index -1: before anything happened). */
  at(index: number): Moment {
    const basics = this.basics(index);
    const last = basics.index;
    const state = this.stateIndices[this.statesCrossed(last) - 1];
    const entries = state === undefined && this.endings.length === 0 ? [] : this.timeline.entries();
    const stateEntry = state === undefined ? undefined : entries[state];
    const ending = entries[this.endings[lastAtMost(this.endings, last)] ?? -1];
    return {
      ...basics,
      states:
        stateEntry?.kind === 'observation' && stateEntry.observation.kind === 'state'
          ? stateEntry.observation.states
          : [],
      ending:
        ending?.kind === 'observation' && ending.observation.kind === 'ending'
          ? {
              ending: ending.observation.ending,
              outcome: ending.observation.outcome,
              message: ending.observation.message,
              reason: ending.observation.reason,
            }
          : null,
    };
  }
}

/** Index of the last entry with `t <= time` (the lanes geometry's, `@ecoute/engine`). */
export { indexAtTime };

/** Index of the entry with this seq (entries' seqs, ascending), or -1. */
export function indexOfSeq(seqs: ArrayLike<number>, seq: number): number {
  let lo = 0;
  let hi = seqs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = seqs[mid] ?? Infinity;
    if (at === seq) return mid;
    if (at < seq) lo = mid + 1;
    else hi = mid - 1;
  }
  // A seq the viewer may not see (e.g. hidden): the last visible entry before it.
  return Math.max(-1, lo - 1);
}

/** A variable's value over time, as steps (`@ecoute/engine`: the lanes geometry draws it). */
export type { VariableSeries };

export function variableSeries(
  entries: readonly TimelineEntry[],
  variables: readonly DebriefVariable[],
): VariableSeries[] {
  return seriesOfTimeline(timelineOfEntries(entries), variables);
}

/** The variables' series from the columns (`@ecoute/engine`'s `variableSteps`). */
export function seriesOfTimeline(
  timeline: Timeline,
  variables: readonly DebriefVariable[],
): VariableSeries[] {
  return variableSteps(timeline.columns, variables);
}
