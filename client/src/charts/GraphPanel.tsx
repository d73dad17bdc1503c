import { useId } from 'react';
import type { ScenarioGraph, TimelineEntry } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import { ChunkBoundary } from '../ui/ChunkBoundary.js';
import { useHeavyViews } from '../ui/HeavyViews.js';
import { LazyStateGraph } from './lazy.js';
import './charts.css';

/** The state graph panel: the drawing (lazy) and its legend; the states list is its text form. */
export function GraphPanel({
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
  const heavy = useHeavyViews();
  return (
    <section className="panel graph-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('graph.heading')}</h2>
      {graph && heavy ? (
        <ChunkBoundary
          loading={<p className="muted">{t('graph.loading')}</p>}
          failed={<p className="muted">{t('graph.failed')}</p>}
        >
          <LazyStateGraph graph={graph} states={states} entries={entries} label={t('graph.label')} />
        </ChunkBoundary>
      ) : (
        <p className="muted">{t('graph.none')}</p>
      )}
      <ul className="graph-legend" aria-label={t('graph.legend')}>
        <li>
          <span className="graph-legend__swatch graph-legend__swatch--active" aria-hidden="true" />
          {t('graph.legendActive')}
        </li>
        <li>
          <span className="graph-legend__swatch graph-legend__swatch--visited" aria-hidden="true" />
          {t('graph.legendVisited')}
        </li>
        <li>
          <span className="graph-legend__swatch graph-legend__swatch--taken" aria-hidden="true" />
          {t('graph.legendTaken')}
        </li>
      </ul>
    </section>
  );
}
