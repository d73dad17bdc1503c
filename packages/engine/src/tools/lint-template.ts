// Lint of what a new call keeps of the blank template (server/src/studio/blank-template.ts, which
// writes these very texts): a call published with its « À décrire » summary showed it to trainers
// in the home page's list of calls, and its caller stayed the template's Camille, 40, from Lyon.
// One warning per part still as the template wrote it, naming the part and where the forms change
// it (the studio's « Aller au formulaire » takes the author there; publishing asks first).
import { msg, type EngineMessageCode } from '../messages.js';
import type { Scenario } from '../scenario/schema.js';
import type { At } from './lint.js';

export const TemplateLintCode = {
  /** A part of the call still equal to the blank template's placeholder. */
  TemplateText: 'lint/template_text',
} as const;

/** The blank template's placeholders: the template writes them, the lint finds them left. */
export const BLANK_TEMPLATE_TEXTS = {
  summary: 'À décrire\u00a0: la situation de la personne qui appelle.',
  background: "À décrire\u00a0: ce que la personne vit, ce que l'écoutant·e ne sait pas encore.",
  /** The caller as the template gives it: all three kept means nobody chose them. */
  persona: { name: 'Camille', age: 40, place: 'Lyon' },
} as const;

export function checkTemplateTexts(scenario: Scenario, at: At): void {
  const warn = (code: EngineMessageCode, path: string[], params?: Record<string, string | number>) =>
    at('warning', TemplateLintCode.TemplateText, msg(code, params), path);
  if (scenario.summary.trim() === BLANK_TEMPLATE_TEXTS.summary)
    warn('lint.template_text.summary', ['summary']);
  const { persona } = scenario;
  const kept = BLANK_TEMPLATE_TEXTS.persona;
  if (persona.name.trim() === kept.name && persona.age === kept.age && persona.place.trim() === kept.place)
    warn('lint.template_text.persona', ['persona', 'name'], { ...kept });
  if (persona.background.trim() === BLANK_TEMPLATE_TEXTS.background)
    warn('lint.template_text.background', ['persona', 'background']);
}
