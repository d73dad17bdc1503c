import { describe, expect, it } from '@jest/globals';
import { formatDuration } from '@ecoute/engine';
import { translate, type Lang } from './catalogue.js';
import type { MessageKey } from './fr.js';
import type { MessageParams } from './catalogue.js';
import { formatSpan } from './formatSpan.js';

const t = (lang: Lang) => (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
// The catalogue keeps a number and its unit together: a non-breaking space between them.
const words = (text: string) => text.replaceAll('\u00a0', ' ');

describe('formatSpan', () => {
  it('writes a duration in French as one, never as a clock reading', () => {
    expect(words(formatSpan(t('fr'), 3_000))).toBe('3 s');
    expect(words(formatSpan(t('fr'), 65_000))).toBe('1 min 05 s');
    expect(words(formatSpan(t('fr'), 120_000))).toBe('2 min');
    expect(words(formatSpan(t('fr'), 3_725_000))).toBe('1 h 02 min 05 s');
    // The moment 0:03 of the call and a silence of three seconds read apart.
    expect(formatSpan(t('fr'), 3_000)).not.toBe(formatDuration(3_000));
  });

  it('writes it in English with the seconds unpadded', () => {
    expect(words(formatSpan(t('en'), 3_000))).toBe('3 s');
    expect(words(formatSpan(t('en'), 65_000))).toBe('1 min 5 s');
    expect(words(formatSpan(t('en'), 3_725_000))).toBe('1 h 2 min 5 s');
  });

  it('counts whole seconds as the clock does, and nothing below zero', () => {
    // 14.9 s to a moment the clock reads 0:14: the span reads 14 s, not 15.
    expect(words(formatSpan(t('fr'), 14_900))).toBe('14 s');
    expect(words(formatSpan(t('fr'), 400))).toBe('0 s');
    expect(words(formatSpan(t('fr'), -2_000))).toBe('0 s');
  });

  it('keeps each number with its unit on one line', () => {
    expect(formatSpan(t('fr'), 65_000)).toBe('1\u00a0min 05\u00a0s');
  });
});
