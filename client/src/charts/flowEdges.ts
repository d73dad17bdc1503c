// The state graph's edges as @xyflow/react draws them, from the layout and the highlight: their
// names in words, their style (taken, next), their labels — the ways out of the current states,
// or, in the group debrief, how many calls took each (« 3 appels ») with a thickness to match.
import { MarkerType, type Edge } from '@xyflow/react';
import type { I18n } from '../i18n/I18nContext.js';
import { pluralForm } from '../i18n/plural.js';
import { joinParts } from '../i18n/joinParts.js';
import type { GraphHighlight } from './graphPath.js';
import { shortEdgeLabel, type Box, type GraphLayout } from './layoutGraph.js';

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
        points: edge.points,
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
