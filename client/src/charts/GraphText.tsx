// The state graph in words (its text equivalent, wherever the drawing is): every state by its
// label with where the call is — active, already visited, not reached — and the transitions the
// call took. Not by colour alone: the same facts the drawing shows with fills and borders.
import type { ScenarioGraph } from '@ecoute/engine';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { edgeKey, type GraphHighlight } from './graphPath.js';
import { ScenarioText } from '../i18n/ScenarioText.js';
import { MessageWithScenario } from '../i18n/MessageWithScenario.js';

export type StateStatus = 'active' | 'visited' | 'unvisited';

const STATUS_KEYS: Record<StateStatus, MessageKey> = {
  active: 'graph.text.active',
  visited: 'graph.text.visited',
  unvisited: 'graph.text.unvisited',
};

export function stateStatus(highlight: GraphHighlight, id: string): StateStatus {
  return highlight.active.has(id) ? 'active' : highlight.visited.has(id) ? 'visited' : 'unvisited';
}

export function GraphText({ graph, highlight }: { graph: ScenarioGraph; highlight: GraphHighlight }) {
  const { t } = useI18n();
  const labels = new Map(graph.nodes.map((node) => [node.id, node.label]));
  const taken = [
    ...new Map(
      graph.edges
        .flatMap((edge) => (edge.source && edge.target ? [{ source: edge.source, target: edge.target }] : []))
        .filter((edge) => highlight.taken.has(edgeKey(edge.source, edge.target)))
        .map((edge) => [edgeKey(edge.source, edge.target), edge] as const),
    ).values(),
  ];
  return (
    <details className="graph-text">
      <summary>{t('graph.text.summary')}</summary>
      <ul className="graph-text__states">
        {graph.nodes.map((node) => {
          const status = stateStatus(highlight, node.id);
          return (
            <li key={node.id} data-status={status}>
              <ScenarioText>{node.label}</ScenarioText> — {t(STATUS_KEYS[status])}
            </li>
          );
        })}
      </ul>
      {taken.length > 0 ? (
        <>
          <p>{t('graph.text.taken')}</p>
          <ul>
            {taken.map((edge) => (
              <li key={edgeKey(edge.source, edge.target)}>
                <MessageWithScenario
                  k="graph.edge"
                  scenario={{ from: labels.get(edge.source) ?? '', to: labels.get(edge.target) ?? '' }}
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </details>
  );
}
