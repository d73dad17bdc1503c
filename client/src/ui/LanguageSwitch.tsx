import { LANGS, useI18n } from '../i18n/index.js';

/** Buttons naming each language in itself (and tagged with its `lang` for speech). */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <nav aria-label={t('lang.label')} className="language-switch">
      <ul>
        {LANGS.map((code) => (
          <li key={code}>
            <button type="button" lang={code} aria-pressed={lang === code} onClick={() => setLang(code)}>
              {t(code === 'fr' ? 'lang.fr' : 'lang.en')}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
