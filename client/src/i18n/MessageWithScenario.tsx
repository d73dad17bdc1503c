import { Fragment } from 'react';
import type { MessageParams } from './catalogue.js';
import type { MessageKey } from './fr.js';
import { ScenarioText } from './ScenarioText.js';
import { useI18n } from './useI18n.js';

/**
 * A catalogue text whose `scenario` placeholders are scenario texts (« Trainer — {scenario} »):
 * those are marked with the scenario's language (`ScenarioText`), the rest reads in the page's.
 * `params` fill the other placeholders as `t` does.
 */
export function MessageWithScenario({
  k,
  params = {},
  scenario,
}: {
  k: MessageKey;
  params?: MessageParams;
  scenario: Record<string, string>;
}) {
  const { t } = useI18n();
  // Placeholders that are not the scenario's are filled first; the scenario's stay `{name}`.
  const kept = Object.fromEntries(Object.keys(scenario).map((name) => [name, `{${name}}`]));
  const parts = t(k, { ...params, ...kept }).split(/(\{\w+\})/);
  return (
    <>
      {parts.map((part, index) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        return name !== undefined && name in scenario ? (
          <ScenarioText key={index}>{scenario[name]}</ScenarioText>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        );
      })}
    </>
  );
}
