// The catalogues by language and the one lookup every text of the UI goes through. The
// catalogues are registered, not imported here: the app's entry registers both (`allCatalogues.ts`),
// a debrief link's entry loads only the page's language before its first render and the other
// on demand (`loadCatalogue.ts`). `translate` stays synchronous: it reads what is registered.
import type { AnyErrorCode } from '../socket/clientFailure.js';
import type { Catalogue, MessageKey } from './fr.js';

export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'fr';

const catalogues: Partial<Record<Lang, Catalogue>> = {};

export function registerCatalogue(lang: Lang, catalogue: Catalogue): void {
  catalogues[lang] = catalogue;
}

export function hasCatalogue(lang: Lang): boolean {
  return catalogues[lang] !== undefined;
}

/** Forgets every catalogue (tests of the loading only). */
export function forgetCatalogues(): void {
  for (const lang of LANGS) delete catalogues[lang];
}

// A language not loaded yet reads another one's text (its load then renders again); never a crash.
function catalogueOf(lang: Lang): Catalogue | undefined {
  return catalogues[lang] ?? catalogues[DEFAULT_LANG] ?? LANGS.map((l) => catalogues[l]).find(Boolean);
}

export type MessageParams = Record<string, string | number>;

/** The text of `key` in `lang`, with each `{name}` replaced by `params.name`. */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const text = catalogueOf(lang)?.[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Whether `lang`'s catalogue (or the one read in its place while it loads) has `key`. */
export function catalogueHas(key: string, lang: Lang = DEFAULT_LANG): key is MessageKey {
  const catalogue = catalogueOf(lang);
  return catalogue !== undefined && key in catalogue;
}

/** The catalogue key of an error code (from an ack, a REST answer or a refused handshake). */
export function errorMessageKey(code: string | undefined): MessageKey {
  const key = `error.${code ?? ''}`;
  // Every catalogue has the same keys (`en` is typed as `Catalogue`): any registered one answers.
  const catalogue = catalogueOf(DEFAULT_LANG);
  return catalogue && key in catalogue ? (key as MessageKey) : 'error.client/unknown';
}

/** Placeholders used by a text, e.g. `['role']` for 'Copier le lien {role}'. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

// Every error code of the protocol and of the client has its text: a new code fails to compile.
type UnexplainedErrors = Exclude<`error.${AnyErrorCode}`, MessageKey>;
export const _everyErrorExplained: [UnexplainedErrors] extends [never] ? true : UnexplainedErrors = true;
