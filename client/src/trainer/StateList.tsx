import { useId, useMemo } from 'react';
import type { ScenarioGraph, TimelineEntry } from '@ecoute/engine';
import { stateStatus, type StateStatus } from '../charts/GraphText.js';
import { highlightGraph } from '../charts/graphPath.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import './stateList.css';
import { ScenarioText } from '../i18n/ScenarioText.js';

const STATUS_KEYS: Record<StateStatus, MessageKey> = {
  active: 'graph.text.active',
  visited: 'graph.text.visited',
  unvisited: 'graph.text.unvisited',
};

type Node = ScenarioGraph['nodes'][number];

/**
 * The graph's states as a list, nested as the machine nests them, each with where the call is
 * (active, already visited, not reached): the graph's view on a phone, above the drawing
 * (`stateList.css` shows it at 40rem and less). There the drawing cannot show a group whole with
 * its states' names — in the tutorial call an active group cut its last state's name at the box's side — and a
 * list's lines wrap.
 */
export function StateList({
  graph,
  states,
  entries,
}: {
  graph: ScenarioGraph | null;
  states: readonly string[];
  entries: readonly TimelineEntry[];
}) {
  const { t } = useI18n();
  const headingId = useId();
  const highlight = useMemo(
    () => (graph ? highlightGraph(graph, states, entries) : null),
    [graph, states, entries],
  );
  if (!graph || !highlight) return null;
  // A history pseudo-state is no place the call can be in: not listed.
  const shown = graph.nodes.filter((node) => node.type !== 'history');
  const childrenOf = (parent: string | null): Node[] => shown.filter((node) => node.parent === parent);
  const list = (parent: string | null) => {
    const children = childrenOf(parent);
    if (children.length === 0) return null;
    return (
      <ul className="state-list__list">
        {children.map((node) => {
          const status = stateStatus(highlight, node.id);
          return (
            <li key={node.id} className={`state-list__state state-list__state--${status}`}>
              <ScenarioText className="state-list__name">{node.label}</ScenarioText>{' '}
              <span className="state-list__status">— {t(STATUS_KEYS[status])}</span>
              {list(node.id)}
            </li>
          );
        })}
      </ul>
    );
  };
  return (
    <section className="panel state-list" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('trainer.stateList.heading')}</h2>
      {list(null)}
    </section>
  );
}
