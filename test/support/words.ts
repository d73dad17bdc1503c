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

/** `fr(key, params)` with each run of spaces one plain space, as `settledFocus` reads a text. */
export function frPlain(key: MessageKey, params?: MessageParams): string {
  return fr(key, params).replace(/\s+/g, ' ').trim();
}

/**
 * `text` as a regular expression's source matching it as it is, each space read `\s`: the
 * catalogue's no-break spaces before « : ; ! ? » match whether the text read keeps them or a
 * whitespace normalisation made them plain.
 */
export function textPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s/g, '\\s');
}

/** `text` alone (`^…$`), read as `textPattern` reads it: e.g. what `settledFocus` reads, `tag: text`. */
export function wholePattern(text: string): RegExp {
  return new RegExp(`^${textPattern(text)}$`);
}

/** A `{name}`'s value in a pattern: a text (as it is) or a regular expression of its own. */
export type PatternParams = Record<string, string | number | RegExp>;

/**
 * The catalogue's text of `key` as a regular expression, for a test that knows part of a sentence
 * or reads it among other words: each `{name}` is `params.name` (a text as it is, a RegExp as its
 * own pattern, a group of it — one made without `start` or `whole`: an anchor inside never
 * matches) or, without a value, any text (`.+?`); the catalogue's words as
 * `textPattern` reads them. `start`: the text begins there (`^…`); `whole`: the text alone (`^…$`).
 */
export function frPattern(
  key: MessageKey,
  params: PatternParams = {},
  { start = false, whole = false, flags = '' }: { start?: boolean; whole?: boolean; flags?: string } = {},
): RegExp {
  const parts = fr(key).split(/\{(\w+)\}/);
  const source = parts
    .map((part, i) => {
      if (i % 2 === 0) return textPattern(part);
      const value = params[part];
      if (value === undefined) return '.+?';
      return value instanceof RegExp ? `(?:${value.source})` : textPattern(String(value));
    })
    .join('');
  return new RegExp(`${start || whole ? '^' : ''}${source}${whole ? '$' : ''}`, flags);
}
