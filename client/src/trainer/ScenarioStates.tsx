import { useId } from 'react';
import type { ScenarioGraph, TimelineEntry } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import { stateName } from '../ui/describeEntry.js';
import { callTimeOf } from '../ui/callTime.js';
import type { KnownLabels } from '../ui/useKnownLabels.js';
import './scenarioStates.css';
import { ScenarioText } from '../i18n/ScenarioText.js';

/** How many of the latest state changes the path lists. */
const PATH_SHOWN = 15;

/** One change of the active states: when, and which states it entered. */
export interface StatePathStep {
  seq: number;
  t: number;
  entered: string[];
}

/** Each change of the active states: when, and which states it entered. */
export function statePath(entries: readonly TimelineEntry[]): StatePathStep[] {
  const path: StatePathStep[] = [];
  let before: readonly string[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'observation' || entry.observation.kind !== 'state') continue;
    const states = entry.observation.states;
    const entered = states.filter((state) => !before.includes(state));
    if (entered.length > 0) path.push({ seq: entry.seq, t: entry.t, entered });
    before = states;
  }
  return path;
}

/**
 * The active states of the scenario machine, with what the author says each expects, and the
 * path taken so far: the text form of the graph.
 */
export function ScenarioStates({
  states,
  entries = [],
  path: prepared,
  graph = null,
  labels,
  formatTime,
}: {
  /** How a time of the path reads: call time from the pickup in `entries` unless given (the
   * debrief passes its call clock, the observer the clock of its own timeline). */
  formatTime?: (t: number) => string;
  states: readonly string[];
  entries?: readonly TimelineEntry[];
  /** The path so far, prepared by the caller (the debrief): then `entries` is not read. */
  path?: readonly StatePathStep[] | undefined;
  graph?: ScenarioGraph | null;
  /** State labels from the session (the graph's are used too). */
  labels?: Pick<KnownLabels, 'states'>;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const descriptions = new Map(graph?.nodes.map((node) => [node.id, node.description]) ?? []);
  const names = {
    states: new Map([
      ...(graph?.nodes.map((node): [string, string] => [node.id, node.label]) ?? []),
      ...(labels?.states ?? []),
    ]),
  };
  const path = (prepared ?? statePath(entries)).slice(-PATH_SHOWN);
  const timeOf = formatTime ?? callTimeOf(entries);
  return (
    <section className="panel states" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('trainer.states.heading')}</h2>
      {states.length === 0 ? (
        <p className="muted">{t('trainer.states.none')}</p>
      ) : (
        <ul className="states__list">
          {states.map((state) => {
            const description = descriptions.get(state);
            return (
              <li key={state}>
                <strong>
                  <ScenarioText>{stateName(names, state)}</ScenarioText>
                </strong>
                {description ? (
                  <span className="states__description">
                    {t('ui.separator.dash')}
                    <ScenarioText>{description}</ScenarioText>
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {path.length > 0 ? (
        <>
          <h3>{t('trainer.states.path')}</h3>
          <ol className="states__path">
            {path.map((step) => (
              <li key={step.seq}>
                <span className="states__time">{timeOf(step.t)}</span>{' '}
                <ScenarioText>{step.entered.map((state) => stateName(names, state)).join(', ')}</ScenarioText>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
