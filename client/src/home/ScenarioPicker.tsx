import { useId } from 'react';
import type { ScenarioSummary } from '@ecoute/protocol';
import { useI18n, type MessageKey } from '../i18n/index.js';
import './home.css';

const DIFFICULTY_KEYS: Record<string, MessageKey> = {
  easy: 'difficulty.easy',
  medium: 'difficulty.medium',
  hard: 'difficulty.hard',
};

/** A radio group of scenarios, each with its summary, difficulty and duration as description. */
export function ScenarioPicker({
  scenarios,
  selected,
  onSelect,
}: {
  scenarios: ScenarioSummary[];
  selected: string | null;
  onSelect: (scenarioId: string) => void;
}) {
  const { t } = useI18n();
  // The difficulty in words (`difficulty.easy`, `difficulty.medium`, `difficulty.hard`), never its code.
  const difficultyText = (difficulty: string): string => {
    const key = DIFFICULTY_KEYS[difficulty];
    return key ? t(key) : difficulty;
  };
  const idPrefix = useId();
  return (
    <fieldset className="scenario-picker">
      <legend>{t('home.scenarios.legend')}</legend>
      <ul className="scenario-picker__list">
        {scenarios.map((scenario) => {
          const id = `${idPrefix}-${scenario.id}`;
          return (
            <li key={scenario.id} className="scenario-option">
              <input
                type="radio"
                id={id}
                name={`${idPrefix}-scenario`}
                value={scenario.id}
                checked={selected === scenario.id}
                onChange={() => onSelect(scenario.id)}
                aria-describedby={`${id}-desc`}
              />
              <label htmlFor={id} className="scenario-option__title">
                {scenario.title}
              </label>
              <div id={`${id}-desc`} className="scenario-option__desc">
                <p>{scenario.summary}</p>
                <p className="muted">
                  {t('home.scenarios.meta', {
                    version: scenario.version,
                    difficulty: difficultyText(scenario.difficulty),
                    minutes: scenario.durationMinutes,
                  })}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
