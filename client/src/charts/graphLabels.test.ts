// The state graph's edge labels, laid out by ELK with the states: on the built-in calls, no
// label covers a state or a group's title, whatever region is in play (the folds change the layout).
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parseScenario, scenarioGraphModel, type ScenarioGraph } from '@ecoute/engine';
import { foldGraph, layoutGraph, type Box, type GraphLayout } from './layoutGraph.js';

const dir = new URL('../../../scenarios/', import.meta.url);
const calls = readdirSync(dir).filter((name) => name.endsWith('.yaml') && !name.endsWith('.tests.yaml'));

function graphOf(name: string): ScenarioGraph {
  const parsed = parseScenario(readFileSync(new URL(name, dir), 'utf8'));
  if (!parsed.ok) throw new Error(`${name} should read`);
  return scenarioGraphModel(parsed.scenario);
}

/** The states' boxes in the drawing's coordinates; a group's is its title band only (it holds its states). */
function stateBoxes(layout: GraphLayout): { id: string; box: Box }[] {
  const byId = new Map(layout.nodes.map((node) => [node.id, node]));
  const groups = new Set(layout.nodes.flatMap((node) => (node.parent ? [node.parent] : [])));
  const origin = (id: string | null): { x: number; y: number } => {
    const node = id ? byId.get(id) : undefined;
    if (!node) return { x: 0, y: 0 };
    const above = origin(node.parent);
    return { x: above.x + node.x, y: above.y + node.y };
  };
  return layout.nodes.map((node) => {
    const { x, y } = origin(node.id);
    return { id: node.id, box: { x, y, width: node.width, height: groups.has(node.id) ? 30 : node.height } };
  });
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the state graph’s edge labels', () => {
  it.each(calls)(
    '%s: each edge has a label box, covering no state nor group title',
    async (name) => {
      const graph = graphOf(name);
      const leaves = graph.nodes.filter((node) => !graph.nodes.some((other) => other.parent === node.id));
      // The whole graph, and the folds of a call in its first leaf state.
      const views = [graph, foldGraph(graph, new Set([leaves[0]!.id])).graph];
      for (const view of views) {
        const layout = await layoutGraph(view);
        const boxes = stateBoxes(layout);
        const covered = layout.edges.flatMap((edge) =>
          boxes
            .filter(({ box }) => edge.label && overlap(edge.label, box))
            .map(({ id }) => `${edge.key} ⟂ ${id}`),
        );
        expect(layout.edges.every((edge) => edge.label !== null && edge.label.width > 0)).toBe(true);
        expect(covered).toEqual([]);
        // Beside its edge (ELK puts it against its route, clear of the states): read as its label.
        const astray = layout.edges.filter((edge) => {
          const near = { ...edge.label!, x: edge.label!.x - 4, y: edge.label!.y - 4 };
          near.width += 8;
          near.height += 8;
          return !edge.points.some((from, i) => {
            const to = edge.points[i + 1];
            if (!to) return false;
            const segment = {
              x: Math.min(from.x, to.x),
              y: Math.min(from.y, to.y),
              width: Math.abs(from.x - to.x) || 0.1,
              height: Math.abs(from.y - to.y) || 0.1,
            };
            return overlap(near, segment);
          });
        });
        expect(astray.map((edge) => edge.key)).toEqual([]);
      }
    },
    60_000,
  );
});
