// The language a page opens in: the one a person chose, remembered in localStorage; before any
// choice, the first of the browser's languages (`navigator.languages`, what Accept-Language says)
// that has a catalogue, so an English browser opens in English; else French, the product's first.
// React-free: a debrief link's first script reads it to start loading that catalogue.
import { DEFAULT_LANG, isLang, type Lang } from './catalogue.js';

export const LANG_STORAGE_KEY = 'ecoute.lang';

/** The first of `languages` (BCP 47 tags, « en-GB ») that has a catalogue; French when none has. */
export function browserLang(
  languages: readonly string[] | undefined = globalThis.navigator?.languages,
): Lang {
  for (const tag of languages ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return DEFAULT_LANG;
}

export function storedLang(languages?: readonly string[]): Lang {
  try {
    const value = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    if (isLang(value)) return value;
  } catch {
    // Storage refused (private browsing): the browser's language, as before any choice.
  }
  return browserLang(languages);
}
