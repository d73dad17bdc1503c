// The catalogues by language and the one lookup every text of the UI goes through.
import type { AnyErrorCode } from '../socket/clientFailure.js';
import { en } from './en.js';
import { fr, type Catalogue, type MessageKey } from './fr.js';

export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'fr';

export const catalogues: Record<Lang, Catalogue> = { fr, en };

export type MessageParams = Record<string, string | number>;

/** The text of `key` in `lang`, with each `{name}` replaced by `params.name`. */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const text = catalogues[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The catalogue key of an error code (from an ack, a REST answer or a refused handshake). */
export function errorMessageKey(code: string | undefined): MessageKey {
  const key = `error.${code ?? ''}`;
  return key in fr ? (key as MessageKey) : 'error.client/unknown';
}

/** Placeholders used by a text, e.g. `['role']` for 'Copier le lien {role}'. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

// Every error code of the protocol and of the client has its text: a new code fails to compile.
type UnexplainedErrors = Exclude<`error.${AnyErrorCode}`, MessageKey>;
export const _everyErrorExplained: [UnexplainedErrors] extends [never] ? true : UnexplainedErrors = true;
