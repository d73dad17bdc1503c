// The language scenario texts are written in: titles, persona, caller lines, labels of moves,
// injects, variables, states, endings and rubric. The built-in calls and the studio's are French
// (the schema's `locale` defaults to fr-FR and is not sent to the client); on a page in another
// language each such text carries `lang="fr"` (`ScenarioText`, `MessageWithScenario`), so that a
// screen reader reads it in French.
import type { Lang } from './catalogue.js';

export const SCENARIO_LANG: Lang = 'fr';

/** The `lang` attribute a scenario text needs on a page in `pageLang`: none when it is the same. */
export function scenarioLangAttribute(pageLang: Lang): Lang | undefined {
  return pageLang === SCENARIO_LANG ? undefined : SCENARIO_LANG;
}
