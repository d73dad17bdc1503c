import { scenarioLangAttribute } from './scenarioLang.js';
import { useI18n } from './useI18n.js';

/**
 * The `lang` for an element that holds a scenario text alone and cannot hold a `ScenarioText`
 * (an `<option>`): the scenario's language on a page in another one, else none.
 */
export function useScenarioLang() {
  return scenarioLangAttribute(useI18n().lang);
}
