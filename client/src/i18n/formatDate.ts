// Dates and times in the UI's language, never the browser's: the locale comes from the catalogue
// (`lang.locale`: fr-FR « 05/12/2026 09:30 », en-GB « 05/12/2026, 09:30 »), so a French page
// never shows « 12/5/2026, 9:30:53 AM ». Every date on screen goes through here.
import type { I18n } from './I18nContext.js';

type DateInput = string | number | Date;

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, options: Intl.DateTimeFormatOptions, value: DateInput): string {
  const key = `${locale}|${options.dateStyle ?? ''}|${options.timeStyle ?? ''}`;
  let formatter = formats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formats.set(key, formatter);
  }
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? '' : formatter.format(date);
}

/** A day and a time to the minute, e.g. « 05/12/2026 09:30 ». */
export function formatDateTime(t: I18n['t'], value: DateInput): string {
  return format(t('lang.locale'), { dateStyle: 'short', timeStyle: 'short' }, value);
}

/** A time to the minute, e.g. « 14:32 » (a message of today). */
export function formatTime(t: I18n['t'], value: DateInput): string {
  return format(t('lang.locale'), { timeStyle: 'short' }, value);
}

/** A day, e.g. « 05/12/2026 ». */
export function formatDate(t: I18n['t'], value: DateInput): string {
  return format(t('lang.locale'), { dateStyle: 'short' }, value);
}
