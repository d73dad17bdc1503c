// What the state graph highlights: the active states (and their parents), every state the call
// has been in, and the transitions it took, from the `state` observations of the timeline.
import type { ScenarioGraph, TimelineEntry } from '@ecoute/engine';

export type Parents = ReadonlyMap<string, string | null>;

export function parentsOf(graph: ScenarioGraph): Parents {
  return new Map(graph.nodes.map((node) => [node.id, node.parent]));
}

/** The states with every one of their ancestors. */
export function withAncestors(ids: Iterable<string>, parents: Parents): Set<string> {
  const out = new Set<string>();
  for (const id of ids) {
    let current: string | null | undefined = id;
    while (current && !out.has(current)) {
      out.add(current);
      current = parents.get(current) ?? null;
    }
  }
  return out;
}

/** The active states after each change, in timeline order. */
export function stateHistory(entries: readonly TimelineEntry[]): string[][] {
  return entries.flatMap((entry) =>
    entry.kind === 'observation' && entry.observation.kind === 'state' ? [entry.observation.states] : [],
  );
}

/** The key of a drawn edge: one per (source, target) pair, however many transitions join them. */
export function edgeKey(source: string, target: string): string {
  return `${source}->${target}`;
}

export interface GraphHighlight {
  active: Set<string>;
  visited: Set<string>;
  /** Edge keys (`edgeKey`) the call went along. */
  taken: Set<string>;
}

export function highlightGraph(
  graph: ScenarioGraph,
  current: readonly string[],
  entries: readonly TimelineEntry[],
): GraphHighlight {
  const parents = parentsOf(graph);
  const history = stateHistory(entries);
  const active = withAncestors(current, parents);
  const visited = new Set(active);
  const taken = new Set<string>();
  let before: Set<string> | null = null;
  for (const states of history) {
    const after = withAncestors(states, parents);
    for (const id of after) visited.add(id);
    if (before) {
      const previous: Set<string> = before;
      for (const edge of graph.edges) {
        if (edge.target === null || edge.source === '' || edge.source === edge.target) continue;
        // A transition taken: it leaves a state the call was in, for one it was not in.
        if (previous.has(edge.source) && after.has(edge.target) && !previous.has(edge.target))
          taken.add(edgeKey(edge.source, edge.target));
      }
    }
    before = after;
  }
  return { active, visited, taken };
}

/** What a coverage run reached: states (dot paths) and transition ids (`transitionId`). */
export interface GraphReached {
  states: readonly string[];
  transitions: readonly string[];
}

/**
 * The studio's coverage on the graph: the states and transitions some play-through reached are
 * drawn as visited and taken, so the others stand out as never reached.
 */
export function reachedHighlight(
  graph: ScenarioGraph,
  current: readonly string[],
  reached: GraphReached,
): GraphHighlight {
  const parents = parentsOf(graph);
  const transitions = new Set(reached.transitions);
  const taken = new Set<string>();
  for (const edge of graph.edges)
    if (edge.source && edge.target && transitions.has(edge.id.replace(/#\d+$/, '')))
      taken.add(edgeKey(edge.source, edge.target));
  return {
    active: withAncestors(current, parents),
    visited: withAncestors(reached.states, parents),
    taken,
  };
}

/**
 * The graph's highlight at every point of a timeline, prepared once: when each state was first
 * visited and each transition first taken, counted in `state` observations. The highlight after
 * the first `crossed` of them is then read from those firsts, in the size of the graph, never by
 * a replay of the states before it (the debrief steps through 50,000 entries).
 */
export class GraphProgress {
  private readonly parents: Parents;
  /** Per state: the number of the first `state` observation that visited it (0-based). */
  private readonly firstVisit = new Map<string, number>();
  /** Per edge key: the number of the first `state` observation that took it. */
  private readonly firstTaken = new Map<string, number>();
  private readonly cache = new Map<string, GraphHighlight>();

  constructor(graph: ScenarioGraph, entries: readonly TimelineEntry[]) {
    this.parents = parentsOf(graph);
    let before: Set<string> | null = null;
    stateHistory(entries).forEach((states, k) => {
      const after = withAncestors(states, this.parents);
      for (const id of after) if (!this.firstVisit.has(id)) this.firstVisit.set(id, k);
      if (before) {
        const previous: Set<string> = before;
        for (const edge of graph.edges) {
          if (edge.target === null || edge.source === '' || edge.source === edge.target) continue;
          const key = edgeKey(edge.source, edge.target);
          if (this.firstTaken.has(key)) continue;
          if (previous.has(edge.source) && after.has(edge.target) && !previous.has(edge.target))
            this.firstTaken.set(key, k);
        }
      }
      before = after;
    });
  }

  /** What `highlightGraph` gives for the first `crossed` state observations and these active states. */
  at(crossed: number, current: readonly string[]): GraphHighlight {
    const key = `${crossed}|${current.join('|')}`;
    let found = this.cache.get(key);
    if (!found) {
      const active = withAncestors(current, this.parents);
      const visited = new Set(active);
      for (const [id, k] of this.firstVisit) if (k < crossed) visited.add(id);
      const taken = new Set<string>();
      for (const [edge, k] of this.firstTaken) if (k < crossed) taken.add(edge);
      found = { active, visited, taken };
      // The last few only: a step back and forth finds them again.
      if (this.cache.size > 32) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, found);
    }
    return found;
  }
}
