// A share as a whole percentage in the UI's language (the catalogue's `lang.locale`): French
// « 62 % » (U+202F before the sign), English « 62% ». Every percentage on screen goes through here.
import type { I18n } from './I18nContext.js';

const formats = new Map<string, Intl.NumberFormat>();

/** `ratio` (0…1) as a whole percentage, e.g. « 62 % » in French, « 62% » in English. */
export function formatPercent(t: I18n['t'], ratio: number): string {
  const locale = t('lang.locale');
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    formats.set(locale, format);
  }
  return format.format(ratio);
}
