// The UI's words as the browser tests read them: from the client's French catalogue, never copied,
// so a wording changed in the catalogue changes what the tests look for with it. Scenario texts
// (the caller's lines) and what a test types itself stay literal.
import { registerCatalogue, translate, type MessageParams } from '@ecoute/client/i18n/catalogue.js';
import { fr as french, type MessageKey } from '@ecoute/client/i18n/fr.js';

export type { MessageKey };

registerCatalogue('fr', french);

/** The French text of `key`, each `{name}` replaced by `params.name` (the client's `translate`). */
export function fr(key: MessageKey, params?: MessageParams): string {
  return translate('fr', key, params);
}

/**
 * `text` as a regular expression's source matching it as it is, each space read `\s`: the
 * catalogue's no-break spaces before « : ; ! ? » match whether the text read keeps them or a
 * whitespace normalisation made them plain.
 */
export function textPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s/g, '\\s');
}

/**
 * The catalogue's text of `key` as a regular expression, for a test that knows part of a sentence
 * or reads it among other words: each `{name}` without a value in `params` matches any text
 * (`.+?`), the rest as `textPattern` reads it; `whole`: the text alone (`^…$`).
 */
export function frPattern(
  key: MessageKey,
  params: MessageParams = {},
  { whole = false, flags = '' }: { whole?: boolean; flags?: string } = {},
): RegExp {
  const parts = fr(key, params).split(/(\{\w+\})/);
  const source = parts.map((part, i) => (i % 2 === 1 ? '.+?' : textPattern(part))).join('');
  return new RegExp(whole ? `^${source}$` : source, flags);
}
