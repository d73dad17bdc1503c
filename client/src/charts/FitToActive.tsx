// Keeps the state graph's view on the call: on the active states when they change, when the
// drawing is laid out again, and when it is resized (a window narrowed, a phone turned).
import { useEffect, useRef } from 'react';
import { useStore, type Node } from '@xyflow/react';
import { READABLE_ZOOM, useFitGraph } from './useFitGraph.js';

/** The whole graph is shown whole, smaller if it must: the end states are not cut off. */
const WHOLE_GRAPH_MIN_ZOOM = 0.5;

type Fitted = { drawing: object; key: string; width: number; height: number };

/**
 * Centres the view on the active states at a readable zoom; with none active (the group
 * debrief), fits the whole graph, loops and labels included. `nodes` are the nodes given to
 * xyflow: the view is set once they are in its store (their absolute positions computed).
 * `drawing` is the layout they come from: a new one is fitted again, not a re-render of the
 * same one (a move that changes no state keeps the view where the trainer put it).
 */
export function FitToActive({
  active,
  drawing,
  nodes,
}: {
  active: readonly string[];
  drawing: object;
  nodes: readonly Node[];
}) {
  const fit = useFitGraph();
  const inStore = useStore((s) => s.nodes === nodes);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const key = active.join('|');
  const fitted = useRef<Fitted | null>(null);
  useEffect(() => {
    if (!inStore) return;
    const last = fitted.current;
    if (
      last &&
      last.drawing === drawing &&
      last.key === key &&
      last.width === width &&
      last.height === height
    )
      return;
    const states = key ? key.split('|') : undefined;
    if (fit(states, states ? READABLE_ZOOM : WHOLE_GRAPH_MIN_ZOOM))
      fitted.current = { drawing, key, width, height };
  }, [fit, inStore, drawing, key, width, height]);
  return null;
}
