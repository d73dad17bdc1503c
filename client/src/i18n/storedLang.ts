// The language a person chose, remembered in localStorage (React-free: a debrief link's first
// script reads it to start loading that catalogue).
import { DEFAULT_LANG, isLang, type Lang } from './catalogue.js';

export const LANG_STORAGE_KEY = 'ecoute.lang';

export function storedLang(): Lang {
  try {
    const value = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    return isLang(value) ? value : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}
