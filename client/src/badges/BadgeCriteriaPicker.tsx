// The criteria a new badge asks for (`BadgesPage`'s form): some 260 of the built-in and the
// organisation's calls. One disclosure per call (`<details>`, closed until opened, open from the
// start when it holds chosen criteria), its summary the call's title and how many of its criteria
// are chosen; inside, the call's group (fieldset, the title as legend for a screen reader) and
// one group per rubric section (its competency as legend), each criterion a checkbox named by its
// own words.
import { useState } from 'react';
import { pluralForm, useI18n } from '../i18n/index.js';
import type { CriterionChoice } from './badgesApi.js';
import { criterionKey, groupCriteria } from './criteriaGroups.js';
import './badges.css';
import { ScenarioText } from '../i18n/ScenarioText.js';

export function BadgeCriteriaPicker({
  choices,
  picked,
  onChange,
}: {
  choices: readonly CriterionChoice[];
  picked: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}) {
  const { t, lang } = useI18n();
  const calls = groupCriteria(choices);
  const chosenIn = (scenario: string): number =>
    choices.filter((c) => c.scenario === scenario && picked.has(criterionKey(c))).length;
  // The calls the person opened or closed; a call not toggled yet is open when it has choices.
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map());

  function toggle(key: string, checked: boolean): void {
    const next = new Set(picked);
    if (checked) next.add(key);
    else next.delete(key);
    onChange(next);
  }

  return (
    <div className="badge-criteria">
      {calls.map((call) => {
        const chosen = chosenIn(call.scenario);
        const total = call.sections.reduce((n, s) => n + s.criteria.length, 0);
        const open = toggled.get(call.scenario) ?? chosen > 0;
        return (
          <details
            key={call.scenario}
            className="badge-criteria__call"
            open={open}
            onToggle={(event) => {
              const isOpen = event.currentTarget.open;
              if (isOpen !== open) setToggled((all) => new Map(all).set(call.scenario, isOpen));
            }}
          >
            <summary>
              <ScenarioText className="badge-criteria__title">{call.title}</ScenarioText>
              {t('ui.separator.dash')}
              <span
                className={
                  chosen > 0 ? 'badge-criteria__count badge-criteria__count--some' : 'badge-criteria__count'
                }
              >
                {t(`badges.callChosen.${pluralForm(lang, chosen)}`, { count: chosen, total })}
              </span>
            </summary>
            <fieldset className="badges-page__call">
              {/* The summary shows the title: the legend names the group for a screen reader. */}
              <legend className="visually-hidden">
                <ScenarioText>{call.title}</ScenarioText>
              </legend>
              {call.sections.map((section) => (
                <fieldset key={section.competency} className="badge-criteria__section">
                  <legend>
                    <ScenarioText>{section.label}</ScenarioText>
                  </legend>
                  <ul className="badge-criteria__list">
                    {section.criteria.map((c) => (
                      <li key={criterionKey(c)}>
                        <label>
                          <input
                            type="checkbox"
                            checked={picked.has(criterionKey(c))}
                            onChange={(event) => toggle(criterionKey(c), event.target.checked)}
                          />{' '}
                          <ScenarioText>{c.label}</ScenarioText>
                        </label>
                      </li>
                    ))}
                  </ul>
                </fieldset>
              ))}
            </fieldset>
          </details>
        );
      })}
    </div>
  );
}
