import { useId } from 'react';
import type { ScenarioGraph, TimelineEntry } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import { ChunkBoundary } from '../ui/ChunkBoundary.js';
import { useHeavyViews } from '../ui/HeavyViews.js';
import type { GraphHighlight } from './graphPath.js';
import { LazyStateGraph } from './lazy.js';
import './charts.css';

/** The state graph panel: the drawing (lazy) and its legend; the states list is its text form. */
export function GraphPanel({
  graph,
  states,
  entries,
  highlight,
  counts,
}: {
  graph: ScenarioGraph | null;
  states: readonly string[];
  entries: readonly TimelineEntry[];
  /** A highlight prepared by the page (`StateGraph`'s `highlight`): `entries` is then not read. */
  highlight?: GraphHighlight | undefined;
  /** The group debrief's number of calls per drawn edge (`StateGraph`'s `counts`). */
  counts?: ReadonlyMap<string, number> | undefined;
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
          <LazyStateGraph
            graph={graph}
            states={states}
            entries={entries}
            highlight={highlight}
            counts={counts}
            label={t('graph.label')}
          />
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
        {counts ? <li>{t('graph.legendCalls')}</li> : null}
      </ul>
    </section>
  );
}
