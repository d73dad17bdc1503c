// Lays the state graph out with ELK (layered, nested states as groups), as absolute boxes
// relative to their parent: what @xyflow/react draws.
import type { ScenarioGraph } from '@ecoute/engine';
import type { ELK, ElkEdgeSection, ElkNode } from 'elkjs/lib/elk-api.js';
import { edgeKey } from './graphPath.js';

export interface LaidOutNode {
  id: string;
  label: string;
  parent: string | null;
  type: ScenarioGraph['nodes'][number]['type'];
  description: string | null;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LaidOutEdge {
  key: string;
  source: string;
  target: string;
  labels: string[];
  kinds: ScenarioGraph['edges'][number]['kind'][];
  /** ELK's route (start, bends, end) in the drawing's coordinates; empty before layout. */
  points: { x: number; y: number }[];
  /**
   * Where ELK put the edge's label (its box, in the drawing's coordinates): room kept for it
   * between the states, so a label never covers a state. Null before layout and for loops.
   */
  label: Box | null;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GraphLayout {
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
  width: number;
  height: number;
}

const LEAF_HEIGHT = 44;

/** An edge label's line (13 px text, `.react-flow__edge-text`, with its background's padding). */
const EDGE_LABEL_HEIGHT = 20;

/** The width kept for an edge label: its text at 13 px (≈ 7.3 px a character) and the padding. */
export function edgeLabelWidth(text: string): number {
  return Math.round(text.length * 7.3) + 10;
}

/** The group debrief writes « 12 appels » on its edges: the room kept for that, whatever the text. */
const COUNT_LABEL = '999 appels';

/**
 * The room at a group's top for its title (its states below it): with loops (the group debrief)
 * for a title on two lines and the loops' counts.
 */
export function groupTitleRoom(loops: boolean): number {
  return loops ? 64 : 34;
}

/** Wide enough for the label at 13 px (the drawing is read at zoom 1 or more: ≥ 12 px). */
function leafWidth(label: string): number {
  return Math.min(260, Math.max(96, Math.round(label.length * 7.6) + 30));
}

/**
 * The graph with the regions not in play folded: a compound state with no active state inside
 * is drawn as one box (its inner states and transitions hidden; edges to them end at the box).
 * `folded` lists the boxes that hide states, for their style.
 */
export function foldGraph(
  graph: ScenarioGraph,
  active: ReadonlySet<string>,
): { graph: ScenarioGraph; folded: Set<string> } {
  const inPlay = (id: string) => [...active].some((state) => state === id || state.startsWith(`${id}.`));
  const parents = new Set(graph.nodes.flatMap((node) => (node.parent ? [node.parent] : [])));
  // The outermost compound states not in play, when something is in play at all.
  const folded = new Set(
    active.size === 0
      ? []
      : graph.nodes
          .filter((node) => parents.has(node.id) && !inPlay(node.id))
          .filter((node) => !node.parent || inPlay(node.parent))
          .map((node) => node.id),
  );
  const foldOf = (id: string): string | undefined =>
    [...folded].find((f) => id !== f && id.startsWith(`${f}.`));
  const nodes = graph.nodes.filter((node) => foldOf(node.id) === undefined);
  const redirect = (id: string) => foldOf(id) ?? id;
  const edges = graph.edges.map((edge) => ({
    ...edge,
    source: edge.source === '' ? '' : redirect(edge.source),
    target: edge.target === null ? null : redirect(edge.target),
  }));
  return { graph: { nodes, edges }, folded };
}

/** An edge's label as drawn: without its guard (the states list and the help say it), short. */
export function shortEdgeLabel(labels: readonly string[]): string {
  const unique = [...new Set(labels.map((label) => label.replace(/\s*\[.*\]\s*$/, '').trim()))];
  const text = unique.join(' · ');
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
}

/**
 * The edges worth drawing: between two known states, one per pair, labels gathered. With
 * `loops` (the group debrief), a state's self-transitions and reactions (no target: it stays)
 * too, as one loop per state (`edgeKey(state, state)`).
 */
export function drawnEdges(graph: ScenarioGraph, loops = false): LaidOutEdge[] {
  const known = new Set(graph.nodes.map((node) => node.id));
  const byKey = new Map<string, LaidOutEdge>();
  for (const edge of graph.edges) {
    const target = edge.target ?? (loops ? edge.source : null);
    if (target === null || (edge.source === target && !loops)) continue;
    if (!known.has(edge.source) || !known.has(target)) continue;
    const key = edgeKey(edge.source, target);
    const drawn = byKey.get(key) ?? {
      key,
      source: edge.source,
      target,
      labels: [],
      kinds: [],
      points: [],
      label: null,
    };
    if (!drawn.labels.includes(edge.label)) drawn.labels.push(edge.label);
    drawn.kinds.push(edge.kind);
    byKey.set(key, drawn);
  }
  return [...byKey.values()];
}

/** ELK on the main thread, loaded only when asked for (its code weighs 1.6 MB, and starts heavy). */
async function mainThreadElk(): Promise<ELK> {
  const { default: Bundled } = await import('elkjs/lib/elk.bundled.js');
  return new Bundled();
}

/**
 * Lays the graph out with `elk` (a worker's, `elkEngine`), or with ELK on the main thread. With
 * `loops`, the loops of `drawnEdges` come along, without a route: the drawing bends them round
 * their state's side.
 */
export async function layoutGraph(graph: ScenarioGraph, engine?: ELK, loops = false): Promise<GraphLayout> {
  const elk = engine ?? (await mainThreadElk());
  const children = new Map<string | null, ScenarioGraph['nodes']>();
  for (const node of graph.nodes) {
    const siblings = children.get(node.parent) ?? [];
    siblings.push(node);
    children.set(node.parent, siblings);
  }
  const build = (node: ScenarioGraph['nodes'][number]): ElkNode => {
    const inner = children.get(node.id) ?? [];
    if (inner.length === 0) return { id: node.id, width: leafWidth(node.label), height: LEAF_HEIGHT };
    return {
      id: node.id,
      layoutOptions: {
        // With loops, room for them and their labels inside the box, and for its whole title.
        'elk.padding': `[top=${groupTitleRoom(loops)},${loops ? 'left=16,bottom=24,right=64' : 'left=12,bottom=12,right=12'}]`,
        ...(loops
          ? {
              // Wide enough for its title. (Only here: given to every group, this minimum size
              // also doubled the trainer's groups' height, « Elle explique son problème » 126 → 252 px.)
              'elk.nodeSize.constraints': 'MINIMUM_SIZE',
              'elk.nodeSize.minimum': `(${leafWidth(node.label) + 24}, 0)`,
              'elk.spacing.nodeNode': '64',
              'elk.layered.spacing.nodeNodeBetweenLayers': '56',
            }
          : {}),
        // Parallel regions side by side; a compound state's children flow downwards.
        'elk.direction': node.type === 'parallel' ? 'RIGHT' : 'DOWN',
      },
      children: inner.map(build),
    };
  };
  const all = drawnEdges(graph, loops);
  const edges = all.filter((edge) => edge.source !== edge.target);
  const root: ElkNode = {
    id: '__root__',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      // With loops (and numbers on the edges): room between states for them.
      'elk.layered.spacing.nodeNodeBetweenLayers': loops ? '56' : '36',
      'elk.spacing.nodeNode': loops ? '64' : '18',
      'elk.spacing.componentComponent': '28',
      'elk.edgeRouting': 'ORTHOGONAL',
      // Edge labels laid out by ELK with the states: room is kept for each between the layers,
      // beside its edge, so a label never covers a state or a group's title.
      'elk.edgeLabels.placement': 'CENTER',
      // Routes and labels in the root's coordinates: what the drawing uses.
      'elk.json.edgeCoords': 'ROOT',
    },
    children: (children.get(null) ?? []).map(build),
    // Every edge's label is given its room, drawn or not yet: the labels drawn follow the call
    // (the ways out of the active states), and the layout must not change at each step.
    edges: edges.map((edge) => {
      const text = loops ? COUNT_LABEL : shortEdgeLabel(edge.labels);
      return {
        id: edge.key,
        sources: [edge.source],
        targets: [edge.target],
        labels: [{ id: `${edge.key}#label`, text, width: edgeLabelWidth(text), height: EDGE_LABEL_HEIGHT }],
      };
    }),
  };
  const laid = await elk.layout(root);
  const info = new Map(graph.nodes.map((node) => [node.id, node]));
  const nodes: LaidOutNode[] = [];
  const visit = (elkNode: ElkNode, parent: string | null): void => {
    const node = info.get(elkNode.id);
    if (node) {
      nodes.push({
        id: node.id,
        label: node.label,
        parent,
        type: node.type,
        description: node.description,
        x: elkNode.x ?? 0,
        y: elkNode.y ?? 0,
        width: elkNode.width ?? leafWidth(node.label),
        height: elkNode.height ?? LEAF_HEIGHT,
      });
    }
    for (const child of elkNode.children ?? []) visit(child, node ? node.id : null);
  };
  for (const child of laid.children ?? []) visit(child, null);
  const routes = new Map(
    (laid.edges ?? []).map((edge) => {
      const section = (edge as { sections?: ElkEdgeSection[] }).sections?.[0];
      const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
      const placed = edge.labels?.[0];
      const label =
        placed && placed.x !== undefined && placed.y !== undefined
          ? { x: placed.x, y: placed.y, width: placed.width ?? 0, height: placed.height ?? 0 }
          : null;
      return [edge.id, { points: points.map(({ x, y }) => ({ x, y })), label }] as const;
    }),
  );
  return {
    nodes,
    edges: all.map((edge) => ({
      ...edge,
      points: routes.get(edge.key)?.points ?? [],
      label: routes.get(edge.key)?.label ?? null,
    })),
    width: laid.width ?? 0,
    height: laid.height ?? 0,
  };
}
