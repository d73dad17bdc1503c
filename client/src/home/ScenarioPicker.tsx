import { useId } from 'react';
import type { ScenarioSummary } from '@ecoute/protocol';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { ScenarioText } from '../i18n/ScenarioText.js';
import './home.css';

const DIFFICULTY_KEYS: Record<string, MessageKey> = {
  easy: 'difficulty.easy',
  medium: 'difficulty.medium',
  hard: 'difficulty.hard',
};

/**
 * A radio group of scenarios: each call's title and its difficulty and duration, the chosen
 * call's summary and version under it. The summaries of the others are hidden, still each radio's
 * description (read with its name, as they are reached with the arrow keys): with all eight
 * shown, the form's `home.create` button was 4,600 px down the page on a phone.
 */
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
          const chosen = selected === scenario.id;
          return (
            <li key={scenario.id} className="scenario-option">
              <input
                type="radio"
                id={id}
                name={`${idPrefix}-scenario`}
                value={scenario.id}
                checked={chosen}
                onChange={() => onSelect(scenario.id)}
                aria-describedby={`${id}-summary ${id}-meta`}
              />
              <label htmlFor={id} className="scenario-option__title">
                <ScenarioText>{scenario.title}</ScenarioText>
              </label>
              <p id={`${id}-meta`} className="scenario-option__meta muted">
                {t('home.scenarios.meta', {
                  difficulty: difficultyText(scenario.difficulty),
                  minutes: scenario.durationMinutes,
                })}
              </p>
              <div id={`${id}-summary`} className="scenario-option__summary" hidden={!chosen}>
                <p>
                  <ScenarioText>{scenario.summary}</ScenarioText>
                </p>
                <p className="muted">{t('home.scenarios.version', { version: scenario.version })}</p>
              </div>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
