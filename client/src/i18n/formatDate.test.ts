import { describe, expect, it } from '@jest/globals';
import { translate, type Lang } from './catalogue.js';
import type { MessageKey } from './fr.js';
import { formatDate, formatDateTime, formatTime } from './formatDate.js';

const t = (lang: Lang) => (key: MessageKey) => translate(lang, key);
// 5 December 2026, 09:30:53 local time: a day ≤ 12 tells day/month from month/day.
const at = new Date(2026, 11, 5, 9, 30, 53);

describe('formatDate', () => {
  it('writes a date day/month and a 24-hour time to the minute in French', () => {
    expect(formatDateTime(t('fr'), at)).toBe('05/12/2026 09:30');
    expect(formatDate(t('fr'), at.toISOString())).toBe('05/12/2026');
  });

  it("follows the catalogue's locale in English, never the browser's", () => {
    expect(formatDateTime(t('en'), at.getTime())).toBe('05/12/2026, 09:30');
    expect(formatDate(t('en'), at)).toBe('05/12/2026');
    expect(formatDateTime(t('en'), at)).not.toMatch(/AM|PM/);
  });

  it('writes a time alone to the minute, 24-hour in both languages (a message of today)', () => {
    expect(formatTime(t('fr'), at)).toBe('09:30');
    expect(formatTime(t('en'), at.toISOString())).toBe('09:30');
  });

  it('writes nothing for a date that is not one', () => {
    expect(formatDateTime(t('fr'), 'not a date')).toBe('');
  });
});
