// Keeps the state graph's view on the call: on the active states when they change, when the
// drawing is laid out again, and when it is resized (a window narrowed, a phone turned).
import { useEffect, useMemo, useRef } from 'react';
import { useStore, type Node } from '@xyflow/react';
import { fitTargets } from './fitTargets.js';
import type { GraphLayout } from './layoutGraph.js';
import { READABLE_ZOOM, useFitGraph } from './useFitGraph.js';

/** The whole graph (or the path of an ended call) is shown whole, smaller if it must. */
const WHOLE_GRAPH_MIN_ZOOM = 0.5;

type Fitted = { drawing: object; key: string; width: number; height: number };

/**
 * Fits the view on the active states with their neighbours (one transition away) at a readable
 * zoom — the active states always in view, the neighbours as far as they fit —; once the call
 * has ended (or only final states are active), on the whole path taken; with none active (the group
 * debrief), on the whole graph, loops and labels included. `nodes` are the nodes given to
 * xyflow: the view is set once they are in its store (their absolute positions computed).
 * A new `layout` is fitted again, not a re-render of the same one (a move that changes no
 * state keeps the view where the trainer put it).
 */
export function FitToActive({
  active,
  visited,
  ended,
  layout,
  nodes,
}: {
  active: readonly string[];
  visited: ReadonlySet<string>;
  /** The call has ended: the whole path is shown. */
  ended: boolean;
  layout: GraphLayout;
  nodes: readonly Node[];
}) {
  const fit = useFitGraph();
  const inStore = useStore((s) => s.nodes === nodes);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const states = active.join('|');
  // Fitted again when the call ends too (a hang-up may leave the states as they were).
  const key = `${ended ? 'ended:' : ''}${states}`;
  const targets = useMemo(
    () => (states ? fitTargets(layout, states.split('|'), visited, ended) : null),
    [layout, states, visited, ended],
  );
  const fitted = useRef<Fitted | null>(null);
  useEffect(() => {
    // Fitted again only on a new layout, other active states or a new size (not on a re-render).
    if (!inStore) return;
    const last = fitted.current;
    if (last && last.drawing === layout && last.key === key && last.width === width && last.height === height)
      return;
    const done = targets
      ? fit(
          targets.context,
          targets.ended ? WHOLE_GRAPH_MIN_ZOOM : READABLE_ZOOM,
          targets.focus,
          targets.near,
          targets.groups,
        )
      : fit(undefined, WHOLE_GRAPH_MIN_ZOOM);
    if (done) fitted.current = { drawing: layout, key, width, height };
  }, [fit, inStore, layout, key, targets, width, height]);
  return null;
}
