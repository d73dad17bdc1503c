import { createContext } from 'react';
import type { Lang, MessageParams } from './catalogue.js';
import type { MessageKey } from './fr.js';

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
}

export const I18nContext = createContext<I18n | null>(null);
