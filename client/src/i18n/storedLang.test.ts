import { afterEach, describe, expect, it } from '@jest/globals';
import { LANG_STORAGE_KEY, browserLang, storedLang } from './storedLang.js';

afterEach(() => localStorage.clear());

describe('the language a page opens in', () => {
  it('is the browser’s first language that has a catalogue, before any choice', () => {
    expect(storedLang(['en-GB', 'en'])).toBe('en');
    expect(storedLang(['de-DE', 'en-US', 'fr'])).toBe('en');
    expect(storedLang(['fr-CA', 'en'])).toBe('fr');
  });

  it('is French when the browser asks for none of the catalogues', () => {
    expect(storedLang(['de-DE', 'es'])).toBe('fr');
    expect(browserLang([])).toBe('fr');
  });

  it('is the person’s own choice once made, whatever the browser says', () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'fr');
    expect(storedLang(['en-GB'])).toBe('fr');
    localStorage.setItem(LANG_STORAGE_KEY, 'en');
    expect(storedLang(['fr-FR'])).toBe('en');
  });
});
