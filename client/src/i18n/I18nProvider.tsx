import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { hasCatalogue, translate, type Lang, type MessageParams } from './catalogue.js';
import type { MessageKey } from './fr.js';
import { I18nContext, type I18n } from './I18nContext.js';
import { loadCatalogue } from './loadCatalogue.js';
import { LANG_STORAGE_KEY, storedLang } from './storedLang.js';

/**
 * Holds the chosen language (remembered in localStorage) and keeps `<html lang>` in step. A
 * language whose catalogue is not loaded yet (a debrief link's page loads one) is shown once its
 * catalogue arrived.
 */
export function I18nProvider({ children, initialLang }: { children: ReactNode; initialLang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initialLang ?? storedLang());
  // Bumped when a catalogue arrives: the texts are read again.
  const [loaded, setLoaded] = useState(0);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    if (hasCatalogue(lang)) return;
    let current = true;
    void loadCatalogue(lang).then(() => {
      if (current) setLoaded((n) => n + 1);
    });
    return () => {
      current = false;
    };
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    const choose = () => {
      setLangState(next);
      try {
        globalThis.localStorage?.setItem(LANG_STORAGE_KEY, next);
      } catch {
        // Private browsing may refuse storage: the choice then lasts for this page only.
      }
    };
    if (hasCatalogue(next)) choose();
    else void loadCatalogue(next).then(choose);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key: MessageKey, params?: MessageParams) => translate(lang, key, params),
    }),
    // `loaded`: a catalogue that arrived gives a new `t`, so every text is read again.
    [lang, setLang, loaded],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
