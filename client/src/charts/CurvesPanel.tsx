import { useId } from 'react';
import type { TimelineEntry, VariableGauge } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import { ChunkBoundary } from '../ui/ChunkBoundary.js';
import { useHeavyViews } from '../ui/HeavyViews.js';
import { LazyVariableCurves } from './lazy.js';
import './charts.css';

/** The hidden variables over call time (lazy uPlot chart). */
export function CurvesPanel({
  variables,
  entries,
  now,
}: {
  variables: readonly VariableGauge[];
  entries: readonly TimelineEntry[];
  now: number;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const heavy = useHeavyViews();
  return (
    <section className="panel curves-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('curves.heading')}</h2>
      {variables.length === 0 ? (
        <p className="muted">{t('curves.none')}</p>
      ) : !heavy ? null : (
        <ChunkBoundary
          loading={<p className="muted">{t('curves.loading')}</p>}
          failed={<p className="muted">{t('curves.failed')}</p>}
        >
          <LazyVariableCurves variables={variables} entries={entries} now={now} label={t('curves.label')} />
        </ChunkBoundary>
      )}
    </section>
  );
}
