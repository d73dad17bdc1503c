export { LANGS, DEFAULT_LANG, translate, errorMessageKey, isLang, type Lang } from './catalogue.js';
export { storedLang } from './storedLang.js';
export type { MessageKey, Catalogue } from './fr.js';
export { I18nProvider } from './I18nProvider.js';
export { useI18n } from './useI18n.js';
export { pluralForm } from './plural.js';
export { engineText, engineWords } from './engineText.js';
