// The state graph of a scenario as data (`ScenarioGraph`), for drawing: the trainer's console,
// the projector and the debrief lay it out themselves. Same sources as `scenario graph` (the
// CLI's Mermaid/DOT): `collectStates` and `listTransitions`, labels from `transitionText` (as a
// message the client words in its page's language, and in French in `label`).
import { collectStates, type StateInfo } from '../scenario/references.js';
import type { Scenario } from '../scenario/schema.js';
import { listTransitions, type TransitionInfo } from '../scenario/transitions.js';
import { frenchText } from '../messages.js';
import { transitionText } from '../tools/graph.js';
import type { ScenarioGraph } from './types.js';

type GraphNode = ScenarioGraph['nodes'][number];
type GraphEdge = ScenarioGraph['edges'][number];

/**
 * Every state but the root as a node (document order, parents before children), every
 * transition as an edge per target (a targetless reaction: one edge with `target: null`).
 * Transitions of the machine root (reactions in any state) have `source: ''`.
 */
export function scenarioGraphModel(scenario: Scenario): ScenarioGraph {
  const states = collectStates(scenario.machine);
  const nodes: GraphNode[] = [];
  for (const [key, { path, node }] of states) {
    if (key === '') continue;
    const hasChildren = Object.keys(node.states ?? {}).length > 0;
    nodes.push({
      id: key,
      label: node.label ?? humanStateName(path[path.length - 1]!),
      parent: path.length > 1 ? path.slice(0, -1).join('.') : null,
      type: node.type ?? (hasChildren ? 'compound' : 'atomic'),
      description: node.description ?? null,
    });
  }
  const edges: GraphEdge[] = [];
  for (const t of listTransitions(scenario, states)) {
    const text = transitionText(scenario, t);
    const label = frenchText(text);
    const kind = edgeKind(scenario, t);
    if (t.targets.length === 0) edges.push({ id: t.id, source: t.source, target: null, label, text, kind });
    t.targets.forEach((target, i) =>
      edges.push({
        id: t.targets.length === 1 ? t.id : `${t.id}#${i}`,
        source: t.source,
        target,
        label,
        text,
        kind,
      }),
    );
  }
  return { nodes, edges };
}

function edgeKind(scenario: Scenario, t: TransitionInfo): GraphEdge['kind'] {
  if (t.kind === 'after') return 'after';
  if (t.kind === 'always') return 'always';
  if (t.event === 'say' || t.event === 'acted') return 'say';
  if (t.event === 'hangup') return 'hangup';
  if (t.event !== undefined && t.event in scenario.moves) return 'move';
  if (t.event !== undefined && t.event in scenario.injects) return 'inject';
  return 'other';
}

/** A state without a `label`: its name made readable (`en_ligne` → « En ligne »). */
export function humanStateName(name: string): string {
  const words = name.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What people read for the state at `path` (dotted): its `label`, else its name made readable. */
export function stateLabel(states: ReadonlyMap<string, StateInfo>, path: string): string {
  const info = states.get(path);
  return info?.node.label ?? humanStateName(path.split('.').pop() ?? path);
}
