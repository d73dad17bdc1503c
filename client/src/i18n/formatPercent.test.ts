import { describe, expect, it } from '@jest/globals';
import { translate, type Lang, type MessageParams } from './catalogue.js';
import type { MessageKey } from './fr.js';
import { formatPercent } from './formatPercent.js';

const tOf = (lang: Lang) => (key: MessageKey, params?: MessageParams) => translate(lang, key, params);

describe('formatPercent', () => {
  it('writes a share as English does, with no space before the sign', () => {
    expect(formatPercent(tOf('en'), 0.62)).toBe('62%');
    expect(formatPercent(tOf('en'), 0.555)).toBe('56%');
  });

  it('writes it as French does, a no-break space before the sign (narrow or not, as the ICU has it)', () => {
    expect(formatPercent(tOf('fr'), 0.62)).toMatch(/^62[\u00a0\u202f]%$/);
  });
});
