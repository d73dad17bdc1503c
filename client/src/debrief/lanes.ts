// Virtualisation of the debrief (pure): which lane an entry sits on, which markers a time window
// shows (one per few pixels and lane, however many entries fall there), and which rows of a
// long list are on screen. 10,000 entries then draw a few hundred elements at most.
import type { TimelineEntry } from '@ecoute/engine';
import { indexAtTime } from './moment.js';

export const LANES = ['caller', 'listener', 'trainer', 'system'] as const;
export type Lane = (typeof LANES)[number];

/** The caller's lane holds what the caller says (lines, cues, an actor's words); the system's,
 * what the machine and the session did (variables, states, notes, the ending). */
export function laneOf(entry: TimelineEntry): Lane {
  const payload = entry.kind === 'input' ? entry.input : entry.observation;
  return laneOfKind(entry.source, `${entry.kind}:${payload.kind}`);
}

/** The lane of an entry from its source and its `input:<kind>` / `observation:<kind>` (columns). */
export function laneOfKind(source: string, kind: string): Lane {
  if (kind.startsWith('observation:')) {
    return kind === 'observation:line' || kind === 'observation:cue' ? 'caller' : 'system';
  }
  if (source === 'listener' || source === 'trainer') return source;
  return source === 'callerActor' || source === 'caller' ? 'caller' : 'system';
}

/** One drawn marker: the first entry of its bucket, and how many entries it stands for. */
export interface LaneMarker {
  lane: Lane;
  /** Index (in the entries) of the first entry of the bucket. */
  index: number;
  /** Position in px from the window's left edge. */
  x: number;
  count: number;
}

export interface TimeWindow {
  /** Session time at the left edge (ms). */
  from: number;
  /** Session time at the right edge (ms). */
  to: number;
  /** Width in px. */
  width: number;
}

/**
 * The markers of the entries whose time falls in the window, at most one per `bucketPx` per
 * lane. Walks only the entries in the window (found by binary search).
 */
export function laneMarkers(
  /** Each entry's session time (ascending). */
  times: ArrayLike<number>,
  lanes: readonly Lane[],
  window: TimeWindow,
  bucketPx = 6,
): LaneMarker[] {
  const span = window.to - window.from;
  if (span <= 0 || window.width <= 0) return [];
  const scale = window.width / span;
  const first = Math.max(0, indexAtTime(times, window.from - 1e-9) + 1);
  const markers: LaneMarker[] = [];
  const open = new Map<Lane, LaneMarker>();
  for (let i = first; i < times.length; i += 1) {
    const t = times[i] ?? Infinity;
    if (t > window.to) break;
    const lane = lanes[i] ?? 'system';
    const x = (t - window.from) * scale;
    const current = open.get(lane);
    if (current && x - current.x < bucketPx) {
      current.count += 1;
      continue;
    }
    const marker = { lane, index: i, x, count: 1 };
    markers.push(marker);
    open.set(lane, marker);
  }
  return markers;
}

/** Rows of a fixed-height list that are on screen, with `overscan` more on each side. */
export function visibleRows(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 5,
): { start: number; end: number } {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const start = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(
    count,
    Math.ceil((scrollTop + Math.max(viewportHeight, rowHeight)) / rowHeight) + overscan,
  );
  return { start, end: Math.max(start, end) };
}

/** A pleasant tick step (ms) for a time axis: about one tick every `minPx` pixels. */
export function tickStep(pxPerMs: number, minPx = 80): number {
  const steps = [
    1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000,
    3_600_000,
  ];
  return steps.find((step) => step * pxPerMs >= minPx) ?? steps[steps.length - 1]!;
}
