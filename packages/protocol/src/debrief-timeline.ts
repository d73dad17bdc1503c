// The debrief's timeline in columns: the compact answer (`GET …/debrief?timeline=columns`).
// What the lanes draw — each entry's seq, time, source, kind and a variable's value — goes as
// parallel arrays of numbers (times as differences, names as indices in one table of strings),
// which a page turns into typed arrays without building one object per entry; the payloads go as
// one JSON text, read only when the page needs the entries themselves (after the lanes' first
// paint). No zod here: the debrief page's chunk imports it.
import { phoneHoldOf } from '@ecoute/engine';
import type { Input, Observation, PhoneHold, Source, TimelineEntry } from '@ecoute/engine';
import type { Debrief } from './debrief.js';

export interface DebriefTimeline {
  /** How many entries. */
  count: number;
  /** Every name the columns use, once: sources, kinds (`input:move`, `observation:line`…), variable ids. */
  strings: string[];
  /** Seq of each entry, as its difference from the one before (the first from 0). */
  seq: number[];
  /** Session time (ms), as differences likewise. */
  t: number[];
  /** Wall time (ms since 1970), as differences likewise. */
  at: number[];
  /** The entry's source: an index in `strings`. */
  source: number[];
  /** `input:<kind>` or `observation:<kind>`: an index in `strings`. */
  kind: number[];
  /** A variable observation's variable (an index in `strings`), -1 for any other entry. */
  variable: number[];
  /** A variable observation's value, 0 for any other entry. */
  value: number[];
  /** The payloads (each entry's `input` or `observation`) as the text of one JSON array. */
  payloads: string;
  /** Wall times that do not read back as written (`toISOString`), by entry index, as written. */
  atText: Record<string, string>;
  /**
   * The phone's hold or resume an input was where its kind does not say it (`phoneHoldOf`: a
   * sentence read, or corrected, as the phone's hold; the standard hold move sent as a move), by
   * entry index: the moment's « en attente » reads it with the `hold` / `unhold` inputs, as the
   * measures do, without parsing the payloads.
   */
  hold: Record<string, PhoneHold>;
}

/** The compact answer: the `Debrief` with its timeline in columns instead of `entries`. */
export type DebriefCompact = Omit<Debrief, 'entries'> & { timeline: DebriefTimeline };

/** Builds the columns one entry at a time, from entries or from stored rows (payload as text). */
export class DebriefTimelineWriter {
  private readonly index = new Map<string, number>();
  private readonly columns: Omit<DebriefTimeline, 'payloads'> = {
    count: 0,
    strings: [],
    seq: [],
    t: [],
    at: [],
    source: [],
    kind: [],
    variable: [],
    value: [],
    atText: {},
    hold: {},
  };
  private readonly payloads: string[] = [];
  private last = { seq: 0, t: 0, at: 0 };

  /**
   * One entry; `payload` is the JSON text of its input or observation; a variable observation
   * names its `variable` and `value`; an input that held or resumed the call, other than the
   * phone's `hold` / `unhold`, names which (`hold`).
   */
  add(
    entry: {
      seq: number;
      t: number;
      at: string;
      source: string;
      category: 'input' | 'observation';
      kind: string;
    },
    payload: string,
    variable?: { variable: string; value: number },
    hold?: PhoneHold,
  ): void {
    const c = this.columns;
    if (hold !== undefined) c.hold[c.count] = hold;
    const wall = Date.parse(entry.at);
    const readable = Number.isFinite(wall) && new Date(wall).toISOString() === entry.at;
    const at = readable ? wall : this.last.at;
    if (!readable) c.atText[c.count] = entry.at;
    c.seq.push(entry.seq - this.last.seq);
    c.t.push(entry.t - this.last.t);
    c.at.push(at - this.last.at);
    this.last = { seq: entry.seq, t: entry.t, at };
    c.source.push(this.string(entry.source));
    c.kind.push(this.string(`${entry.category}:${entry.kind}`));
    c.variable.push(variable ? this.string(variable.variable) : -1);
    c.value.push(variable ? variable.value : 0);
    this.payloads.push(payload);
    c.count += 1;
  }

  finish(): DebriefTimeline {
    return { ...this.columns, payloads: `[${this.payloads.join(',')}]` };
  }

  private string(value: string): number {
    let found = this.index.get(value);
    if (found === undefined) {
      found = this.columns.strings.length;
      this.columns.strings.push(value);
      this.index.set(value, found);
    }
    return found;
  }
}

/** The columns of these entries (what the server sends, built here from entries: tests, tools). */
export function debriefTimeline(entries: readonly TimelineEntry[]): DebriefTimeline {
  const writer = new DebriefTimelineWriter();
  for (const entry of entries) {
    const payload = entry.kind === 'input' ? entry.input : entry.observation;
    const variable =
      entry.kind === 'observation' && entry.observation.kind === 'variable'
        ? { variable: entry.observation.variable, value: entry.observation.value }
        : undefined;
    writer.add(
      { ...entry, category: entry.kind, kind: payload.kind },
      JSON.stringify(payload),
      variable,
      entry.kind === 'input' ? heldBy(entry.input) : undefined,
    );
  }
  return writer.finish();
}

/**
 * The phone's hold or resume `input` was, when its kind does not say it (the writer's `hold`):
 * the `hold` / `unhold` inputs are read by their kind.
 */
export function heldBy(input: Input): PhoneHold | undefined {
  if (input.kind === 'hold' || input.kind === 'unhold') return undefined;
  return phoneHoldOf(input) ?? undefined;
}

/** The columns as typed arrays: what the lanes draw from, with no object per entry. */
export interface TimelineColumns {
  count: number;
  strings: readonly string[];
  seq: Float64Array;
  t: Float64Array;
  source: Uint32Array;
  kind: Uint32Array;
  variable: Int32Array;
  value: Float64Array;
  /** As `DebriefTimeline.hold`: by entry index, the hold or resume its kind does not say. */
  hold: Readonly<Record<string, PhoneHold>>;
}

/** Decodes the columns (differences summed) into typed arrays. */
export function timelineColumns(timeline: DebriefTimeline): TimelineColumns {
  const { count } = timeline;
  const seq = new Float64Array(count);
  const t = new Float64Array(count);
  let s = 0;
  let time = 0;
  for (let i = 0; i < count; i += 1) {
    s += timeline.seq[i] ?? 0;
    time += timeline.t[i] ?? 0;
    seq[i] = s;
    t[i] = time;
  }
  return {
    count,
    strings: timeline.strings,
    seq,
    t,
    source: Uint32Array.from(timeline.source),
    kind: Uint32Array.from(timeline.kind),
    variable: Int32Array.from(timeline.variable),
    value: Float64Array.from(timeline.value),
    hold: timeline.hold,
  };
}

const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

/**
 * `new Date(ms).toISOString()`, the day's part written once per day: 10,000 dates cost 17 ms
 * through `Date` on a busy machine, a few here.
 */
function isoWriter(): (ms: number) => string {
  let day = NaN;
  let prefix = '';
  return (ms) => {
    const today = Math.floor(ms / DAY_MS);
    if (today !== day) {
      day = today;
      const midnight = new Date(today * DAY_MS).toISOString();
      // Years outside 0000–9999 are written ±YYYYYY: left to `Date`.
      prefix = midnight.length === 24 ? midnight.slice(0, 11) : '';
    }
    if (prefix === '') return new Date(ms).toISOString();
    let rest = ms - today * DAY_MS;
    const hours = Math.floor(rest / 3_600_000);
    rest -= hours * 3_600_000;
    const minutes = Math.floor(rest / 60_000);
    rest -= minutes * 60_000;
    const seconds = Math.floor(rest / 1000);
    const millis = rest - seconds * 1000;
    const pad = millis < 10 ? '00' : millis < 100 ? '0' : '';
    return `${prefix}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${pad}${millis}Z`;
  };
}

/** The entries themselves, as `Debrief.entries` holds them (the payloads parsed once, here). */
export function timelineEntries(timeline: DebriefTimeline): TimelineEntry[] {
  const payloads = JSON.parse(timeline.payloads) as unknown[];
  const entries: TimelineEntry[] = new Array<TimelineEntry>(timeline.count);
  const iso = isoWriter();
  let seq = 0;
  let t = 0;
  let at = 0;
  for (let i = 0; i < timeline.count; i += 1) {
    seq += timeline.seq[i] ?? 0;
    t += timeline.t[i] ?? 0;
    at += timeline.at[i] ?? 0;
    const kind = timeline.strings[timeline.kind[i] ?? -1] ?? '';
    const wall = timeline.atText[i] ?? iso(at);
    const source = timeline.strings[timeline.source[i] ?? -1] as Source;
    // Written out per category (no computed key): the same object shape for every entry.
    entries[i] = kind.startsWith('input:')
      ? { seq, t, at: wall, source, kind: 'input', input: payloads[i] as Input }
      : { seq, t, at: wall, source, kind: 'observation', observation: payloads[i] as Observation };
  }
  return entries;
}

/** The `Debrief` of a compact answer, its entries read from the columns. */
export function debriefOfCompact(compact: DebriefCompact): Debrief {
  const { timeline, ...rest } = compact;
  return { ...rest, entries: timelineEntries(timeline) };
}
