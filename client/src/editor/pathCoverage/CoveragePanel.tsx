// `studio.coverage.heading`: runs the draft's play-throughs (the shortest path to every ending) and lists
// the states and transitions no path reached, by their labels; the editor's graph marks them
// (reached states carry a ✓, the others read `graph.text.unvisited` in the graph's words).
import { useEffect, useId, useState } from 'react';
import type { ScenarioGraph } from '@ecoute/engine';
import { engineText, engineWords, useI18n } from '../../i18n/index.js';
import { edgeTransition, type DraftCoverage } from './draftCoverage.js';
import { runCoverage } from './runCoverage.js';

export interface Reached {
  states: string[];
  transitions: string[];
}

export function CoveragePanel({
  text,
  graph,
  onReached,
  run = runCoverage,
}: {
  text: string;
  graph: ScenarioGraph | null;
  onReached: (reached: Reached | null) => void;
  run?: (text: string) => Promise<DraftCoverage>;
}) {
  const { t, lang } = useI18n();
  const headingId = useId();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<DraftCoverage | null>(null);

  // A result is of one text: once the text changes it no longer says anything, on the graph either.
  useEffect(() => {
    setResult(null);
    onReached(null);
  }, [text, onReached]);

  const start = async () => {
    setRunning(true);
    onReached(null);
    const next = await run(text).catch(() => null);
    setRunning(false);
    setResult(next);
    if (next?.ok) {
      const missingStates = new Set(next.states.missing);
      const missingTransitions = new Set(next.transitions.missing);
      onReached({
        states: (graph?.nodes ?? []).map((n) => n.id).filter((id) => !missingStates.has(id)),
        transitions: (graph?.edges ?? [])
          .map((e) => edgeTransition(e.id))
          .filter((id) => !missingTransitions.has(id)),
      });
    }
  };

  const nodeLabel = (id: string) => graph?.nodes.find((n) => n.id === id)?.label ?? '';
  const missingStates = result?.ok ? result.states.missing.map(nodeLabel).filter(Boolean) : [];
  const missingEdges = result?.ok
    ? (graph?.edges ?? []).filter((e) => result.transitions.missing.includes(edgeTransition(e.id)))
    : [];

  return (
    <section className="coverage" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('studio.coverage.heading')}</h3>
      <button type="button" disabled={running} onClick={() => void start()}>
        {t('studio.coverage.run')}
      </button>
      <p role="status">
        {running
          ? t('studio.coverage.running')
          : result?.ok
            ? t('studio.coverage.summary', {
                paths: result.paths,
                states: result.states.covered,
                statesTotal: result.states.total,
                transitions: result.transitions.covered,
                transitionsTotal: result.transitions.total,
              })
            : result
              ? t('studio.play.invalid')
              : ''}
      </p>
      {result?.ok ? (
        <>
          {result.failed.length > 0 ? (
            <ul aria-label={t('studio.coverage.failed')} className="coverage__failed">
              {/* Each path's name and what went wrong on it, in the engine's words (`engine.test.*`). */}
              {result.failed.map((path) => (
                <li key={path.name}>
                  {engineWords(lang, path.nameText, path.name)}
                  {path.failures.length > 0 ? (
                    <ul>
                      {path.failures.map((failure, i) => (
                        <li key={i}>{engineText(lang, failure)}</li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
          <h4>{t('studio.coverage.missingStates')}</h4>
          {missingStates.length > 0 ? (
            <ul className="coverage__missing">
              {missingStates.map((label, i) => (
                <li key={i}>{label}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('studio.coverage.noStates')}</p>
          )}
          <h4>{t('studio.coverage.missingTransitions')}</h4>
          {missingEdges.length > 0 ? (
            <ul className="coverage__missing">
              {missingEdges.map((edge) => (
                <li key={edge.id}>
                  {t('studio.coverage.transition', {
                    from: edge.source ? nodeLabel(edge.source) : t('studio.coverage.anywhere'),
                    to: edge.target
                      ? nodeLabel(edge.target)
                      : edge.source
                        ? nodeLabel(edge.source)
                        : t('studio.coverage.anywhere'),
                    label: engineWords(lang, edge.text, edge.label),
                  })}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('studio.coverage.noTransitions')}</p>
          )}
          {result.unreached.length > 0 ? (
            <>
              <h4>{t('studio.coverage.unreached')}</h4>
              <ul className="coverage__missing">
                {result.unreached.map((message, i) => (
                  <li key={i}>{message}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
