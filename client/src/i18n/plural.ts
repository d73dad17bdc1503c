// The plural form of a count in the page's language (CLDR rules through Intl.PluralRules:
// French puts 0 and 1 in `one`, English only 1). The catalogue holds `<key>.one` / `<key>.other`.
import type { Lang } from './catalogue.js';

const rules = new Map<Lang, Intl.PluralRules>();

/** `one` or `other`: the catalogue's two forms (other CLDR categories read as `other`). */
export function pluralForm(lang: Lang, count: number): 'one' | 'other' {
  let rule = rules.get(lang);
  if (!rule) {
    rule = new Intl.PluralRules(lang);
    rules.set(lang, rule);
  }
  return rule.select(count) === 'one' ? 'one' : 'other';
}
