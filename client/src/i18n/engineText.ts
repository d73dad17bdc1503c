// What the engine writes for people (the graph's arrows, the lint's problems) in the page's
// language: the engine gives a code and its parameters (`EngineMessage`), the catalogue the words
// (`engine.<code>`). A code the catalogue lacks keeps the engine's French; an issue or an edge
// without a code (a graph made by hand) keeps the French it came with.
import { ENGINE_MESSAGES, wordMessage, type EngineMessage, type EngineMessageCode } from '@ecoute/engine';
import { catalogueHas, translate, type Lang } from './catalogue.js';
import type { MessageKey } from './fr.js';

/** The catalogue key of an engine message's code, when `lang`'s catalogue has it. */
export function engineMessageKey(code: EngineMessageCode, lang: Lang): MessageKey | undefined {
  const key = `engine.${code}`;
  return catalogueHas(key, lang) ? key : undefined;
}

/** An engine message in `lang`. */
export function engineText(lang: Lang, message: EngineMessage): string {
  return wordMessage(
    message,
    (code) => {
      const key = engineMessageKey(code, lang);
      return key ? translate(lang, key) : ENGINE_MESSAGES[code];
    },
    lang,
  );
}

/** A text the engine wrote, as its `text` (a message) in `lang`, else its French as given. */
export function engineWords(lang: Lang, text: EngineMessage | undefined, french: string): string {
  return text ? engineText(lang, text) : french;
}
