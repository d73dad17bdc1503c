// The group debrief's graph from the server's counts: how many calls took each drawn edge (the
// graph joins the transitions between two states into one edge, and a state's self-transitions
// and reactions into one loop), and the highlight of every call's path or of one chosen call's.
import type { GroupDebrief, GroupDebriefCall } from '@ecoute/protocol';
import { edgeKey, parentsOf, withAncestors, type GraphHighlight } from '../charts/graphPath.js';

/** The drawn edge (`edgeKey`) of each edge id of the graph; none for the machine root's. */
export function drawnKeys(graph: GroupDebrief['graph']): Map<string, string> {
  const keys = new Map<string, string>();
  for (const edge of graph.edges)
    if (edge.source !== '') keys.set(edge.id, edgeKey(edge.source, edge.target ?? edge.source));
  return keys;
}

/** The drawn edges one call took. */
export function callEdges(keys: ReadonlyMap<string, string>, call: GroupDebriefCall): Set<string> {
  return new Set(call.transitions.flatMap(({ edge }) => keys.get(edge) ?? []));
}

/** Per drawn edge, how many calls took it (a call once, whichever of its transitions it took). */
export function edgeCallCounts(debrief: GroupDebrief): Map<string, number> {
  const keys = drawnKeys(debrief.graph);
  const counts = new Map<string, number>();
  for (const call of debrief.calls)
    for (const key of callEdges(keys, call)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** The states visited and the edges taken by every call, or by the chosen one (`sessionId`). */
export function groupHighlight(debrief: GroupDebrief, sessionId: string | null): GraphHighlight {
  const keys = drawnKeys(debrief.graph);
  const calls = debrief.calls.filter((call) => sessionId === null || call.sessionId === sessionId);
  return {
    active: new Set(),
    visited: withAncestors(
      calls.flatMap((call) => call.path.map((step) => step.state)),
      parentsOf(debrief.graph),
    ),
    taken: new Set(calls.flatMap((call) => [...callEdges(keys, call)])),
  };
}
