// The state graph's edges as @xyflow/react draws them, from the layout and the highlight: their
// names in words, their style (taken, next), their labels — the ways out of the current states,
// or, in the group debrief, how many calls took each (« 3 appels ») with a thickness to match.
import { MarkerType, type Edge, type Rect } from '@xyflow/react';
import type { I18n } from '../i18n/I18nContext.js';
import { pluralForm } from '../i18n/plural.js';
import { joinParts } from '../i18n/joinParts.js';
import type { GraphHighlight } from './graphPath.js';
import { edgeLabelWidth, groupTitleRoom, shortEdgeLabel, type Box, type GraphLayout } from './layoutGraph.js';
import { stateRects } from './graphCanvas.js';

export type RoutedEdge = Edge<
  {
    points: { x: number; y: number }[];
    /** Where ELK kept room for the label, clear of the states (null: at the route's middle). */
    labelBox: Box | null;
    /** A loop (self-transition or reaction): the width of its state, which it goes round. */
    loopWidth?: number;
  },
  'routed'
>;

/** How far a loop stands off its state's right side, at its farthest. */
export const LOOP_REACH = 24;

/** An edge label's box (13 px text on its background, `.react-flow__edge-text`). */
const LABEL_HEIGHT = 20;

/**
 * A loop (a state's self-transitions and reactions, the group debrief) as a small ear on the
 * state's right side: out from the side above its middle, round, and back in below it (the
 * arrow's end); its label (`labelWidth` wide) just above it, from the side out. It was drawn round
 * the state's right half, from its bottom to its top: with a thick stroke it read as a square
 * frame round « Accueil », its bottom run over the edge that leaves the state, and its count stood
 * past the box's side on a phone. Within the room the layout keeps at a state's right
 * (`layoutGraph`: 64 px).
 */
export function loopGeometry(state: Rect, labelWidth = 0): { path: string; label: { x: number; y: number } } {
  const side = state.x + state.width;
  const middle = state.y + state.height / 2;
  // The ends on the side, 8 px either way of the middle (a state is 44 px high at least).
  const ends = Math.min(8, state.height / 4);
  // A cubic's farthest point is 3/4 of its control points' reach; its top and bottom ≈ 12 px off.
  const reach = (LOOP_REACH * 4) / 3;
  const bulge = ends + 18;
  return {
    path:
      `M${side} ${middle - ends} ` +
      `C${side + reach} ${middle - bulge} ${side + reach} ${middle + bulge} ${side} ${middle + ends}`,
    label: { x: side + 4 + labelWidth / 2, y: middle - 13 - LABEL_HEIGHT / 2 },
  };
}

/**
 * Where the edges' labels are drawn (`labelled`: edge key → text), as boxes in the drawing: a
 * loop's just above it (`loopGeometry`), another's in the room ELK kept for it, or at its
 * route's middle point — as `StateGraph`'s edges place them. For the fit (`FitOn.labels`).
 */
export function edgeLabelRects(
  layout: GraphLayout,
  rects: ReadonlyMap<string, Rect>,
  labelled: ReadonlyMap<string, string>,
): Rect[] {
  return layout.edges.flatMap((edge) => {
    const text = labelled.get(edge.key);
    if (text === undefined) return [];
    const width = edgeLabelWidth(text);
    const state = edge.source === edge.target ? rects.get(edge.source) : undefined;
    const at = state
      ? loopGeometry(state, width).label
      : edge.label
        ? { x: edge.label.x + edge.label.width / 2, y: edge.label.y + edge.label.height / 2 }
        : edge.points[Math.floor(edge.points.length / 2)];
    if (!at) return [];
    return [{ x: at.x - width / 2, y: at.y - LABEL_HEIGHT / 2, width, height: LABEL_HEIGHT }];
  });
}

/** The stroke of an edge `count` calls took, when the most taken one has `most`: 2 to 7 px. */
export function countStroke(count: number, most: number): number {
  return 2 + (5 * count) / Math.max(1, most);
}

export function flowEdges(
  layout: GraphLayout | null,
  highlight: GraphHighlight,
  i18n: Pick<I18n, 't' | 'lang'>,
  labelOf: ReadonlyMap<string, string>,
  counts?: ReadonlyMap<string, number>,
): RoutedEdge[] {
  const { t, lang } = i18n;
  const widths = new Map((layout?.nodes ?? []).map((node) => [node.id, node.width]));
  const rects = layout ? stateRects(layout) : new Map<string, Rect>();
  // An edge from a group into one of its states starts under the group's title, not across it
  // (the group debrief's « Elle explique son problème », its title on two lines).
  const titleRoom = groupTitleRoom(counts !== undefined) - 6;
  const route = (edge: GraphLayout['edges'][number]) => {
    const group = edge.target.startsWith(`${edge.source}.`) ? rects.get(edge.source) : undefined;
    if (!group) return edge.points;
    const below = group.y + titleRoom;
    return edge.points.map((point) => (point.y < below ? { x: point.x, y: below } : point));
  };
  const most = Math.max(1, ...(counts?.values() ?? []));
  return (layout?.edges ?? []).map((edge): RoutedEdge => {
    const taken = highlight.taken.has(edge.key);
    // Labels only on the ways out of the current states: what can happen next.
    const next = highlight.active.has(edge.source);
    const count = counts?.get(edge.key) ?? 0;
    const calls = count > 0 ? t(`graph.edgeCalls.${pluralForm(lang, count)}`, { count }) : null;
    const label = calls ?? (next ? shortEdgeLabel(edge.labels) : null);
    return {
      id: edge.key,
      type: 'routed',
      source: edge.source,
      target: edge.target,
      data: {
        points: route(edge),
        labelBox: edge.label,
        ...(edge.source === edge.target ? { loopWidth: widths.get(edge.source) ?? 0 } : {}),
      },
      focusable: false,
      selectable: false,
      // In French, by the states' labels (xyflow says « Edge from <id> to <id> »).
      ariaLabel: joinParts(
        t,
        [
          t('graph.edge', { from: labelOf.get(edge.source) ?? '', to: labelOf.get(edge.target) ?? '' }),
          taken && t('graph.text.edgeTaken'),
          calls,
        ],
        'dash',
      ),
      zIndex: 2,
      className: `state-edge${taken ? ' state-edge--taken' : ''}${next ? ' state-edge--next' : ''}`,
      markerEnd: {
        type: MarkerType.ArrowClosed,
        width: 16,
        height: 16,
        color: taken ? '#1f5fbf' : '#5a6472',
        // A thick edge keeps the arrowhead of a thin one (by default it grows with the stroke).
        ...(count > 0 ? { markerUnits: 'userSpaceOnUse' } : {}),
      },
      // Thicker as more calls took it.
      ...(count > 0 ? { style: { strokeWidth: countStroke(count, most) } } : {}),
      ...(label ? { label } : {}),
    };
  });
}
