// The debrief's timeline as the page reads it: columns of typed arrays (time, seq, lane, kind,
// a variable's value) for what the first render needs — the lanes, the moment index, the clock,
// the cursor —, and the entries themselves (one object per entry, the payloads parsed) built only
// when first asked for, after the lanes' first paint (the transcript, the graph, the panels).
// A page loaded from the compact answer (`?timeline=columns`) allocates nothing per entry before
// the lanes paint; a debrief given with its entries (tests, fixtures) gets the same columns.
import type { PhoneHold, TimelineEntry } from '@ecoute/engine';
import {
  heldBy,
  timelineColumns,
  timelineEntries,
  type Debrief,
  type DebriefCompact,
  type TimelineColumns,
} from '@ecoute/protocol';
import { lanesOfColumns } from '@ecoute/engine';
import type { Lane } from './lanes.js';

export class Timeline {
  readonly count: number;
  /** Session time of each entry (ms). */
  readonly t: Float64Array;
  readonly seq: Float64Array;
  /** The lane of each entry, by index. */
  readonly lanes: readonly Lane[];
  private built: readonly TimelineEntry[] | null;

  constructor(
    readonly columns: TimelineColumns,
    private readonly read: () => readonly TimelineEntry[],
    entries: readonly TimelineEntry[] | null = null,
  ) {
    this.count = columns.count;
    this.t = columns.t;
    this.seq = columns.seq;
    this.built = entries;
    if (entries) byEntries.set(entries, this);
    // One lane per (source, kind) pair met, then one string per entry: no object per entry.
    const lanes = lanesOfColumns(columns);
    this.lanes = lanes;
  }

  /** `input:<kind>` or `observation:<kind>` of the entry `index`. */
  kindAt(index: number): string {
    return this.columns.strings[this.columns.kind[index] ?? -1] ?? '';
  }

  /** The first entry of this kind (`input:pickup`…), or -1. */
  firstOfKind(kind: string): number {
    const code = this.columns.strings.indexOf(kind);
    if (code < 0) return -1;
    return this.columns.kind.indexOf(code);
  }

  /** The entries themselves: built on the first call, the same array afterwards. */
  entries(): readonly TimelineEntry[] {
    if (!this.built) {
      this.built = this.read();
      byEntries.set(this.built, this);
    }
    return this.built;
  }

  /** Whether the entries were built already (tests: nothing per entry before the first paint). */
  get entriesBuilt(): boolean {
    return this.built !== null;
  }
}

const byDebrief = new WeakMap<Debrief, Timeline>();
const byEntries = new WeakMap<readonly TimelineEntry[], Timeline>();

/** The columns of entries given as objects (fixtures, tests): as the compact answer decodes. */
export function columnsOfEntries(entries: readonly TimelineEntry[]): TimelineColumns {
  const strings: string[] = [];
  const codes = new Map<string, number>();
  const code = (value: string) => {
    let found = codes.get(value);
    if (found === undefined) {
      found = strings.length;
      strings.push(value);
      codes.set(value, found);
    }
    return found;
  };
  const count = entries.length;
  const columns: TimelineColumns = {
    count,
    strings,
    seq: new Float64Array(count),
    t: new Float64Array(count),
    source: new Uint32Array(count),
    kind: new Uint32Array(count),
    variable: new Int32Array(count),
    value: new Float64Array(count),
    hold: {},
  };
  const hold: Record<string, PhoneHold> = {};
  entries.forEach((entry, i) => {
    const payload = entry.kind === 'input' ? entry.input : entry.observation;
    columns.seq[i] = entry.seq;
    columns.t[i] = entry.t;
    columns.source[i] = code(entry.source);
    columns.kind[i] = code(`${entry.kind}:${payload.kind}`);
    const variable =
      entry.kind === 'observation' && entry.observation.kind === 'variable' ? entry.observation : null;
    columns.variable[i] = variable ? code(variable.variable) : -1;
    columns.value[i] = variable ? variable.value : 0;
    const held = entry.kind === 'input' ? heldBy(entry.input) : undefined;
    if (held !== undefined) hold[i] = held;
  });
  return { ...columns, hold };
}

/** A timeline over entries already built. */
export function timelineOfEntries(entries: readonly TimelineEntry[]): Timeline {
  return byEntries.get(entries) ?? new Timeline(columnsOfEntries(entries), () => entries, entries);
}

/**
 * The `Debrief` of a compact answer: its timeline decoded into typed arrays, its `entries` built
 * on first read (a getter, the same array afterwards). `timelineOf` gives the columns back.
 */
export function debriefOfColumns(compact: DebriefCompact): Debrief {
  const { timeline: wire, ...rest } = compact;
  const timeline = new Timeline(timelineColumns(wire), () => timelineEntries(wire));
  const debrief = rest as Debrief;
  Object.defineProperty(debrief, 'entries', {
    enumerable: true,
    configurable: true,
    get: () => timeline.entries(),
  });
  byDebrief.set(debrief, timeline);
  return debrief;
}

/** The timeline of a debrief, read without building its entries when they were not built yet. */
export function timelineOf(debrief: Debrief): Timeline {
  return byDebrief.get(debrief) ?? timelineOfEntries(debrief.entries);
}
