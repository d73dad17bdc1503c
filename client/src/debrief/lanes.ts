// Virtualisation of the debrief (pure): which lane an entry sits on, which markers a time window
// shows (one per few pixels and lane, however many entries fall there), and which rows of a
// long list are on screen. 10,000 entries then draw a few hundred elements at most. The lanes'
// geometry itself (lanes, markers, ticks) is `@ecoute/engine`'s: the server draws the same
// picture into a debrief link's HTML.
import { laneOfKind, type Lane, type TimelineEntry } from '@ecoute/engine';

export {
  LANES,
  laneMarkers,
  laneOfKind,
  rulerTicks,
  tickStep,
  type Lane,
  type LaneMarker,
  type TimeWindow,
} from '@ecoute/engine';

/** The lane of an entry (`laneOfKind` of its source and kind). */
export function laneOf(entry: TimelineEntry): Lane {
  const payload = entry.kind === 'input' ? entry.input : entry.observation;
  return laneOfKind(entry.source, `${entry.kind}:${payload.kind}`);
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
