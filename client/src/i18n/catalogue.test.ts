import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@ecoute/protocol';
import { catalogues, errorMessageKey, placeholdersOf, translate } from './catalogue.js';
import { en } from './en.js';
import { fr, type MessageKey } from './fr.js';

describe('catalogues', () => {
  it('have the same keys in French and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it('have no empty text', () => {
    for (const [lang, catalogue] of Object.entries(catalogues)) {
      for (const [key, text] of Object.entries(catalogue)) {
        expect({ lang, key, empty: text.trim() === '' }).toEqual({ lang, key, empty: false });
      }
    }
  });

  it('use the same placeholders in every language', () => {
    for (const key of Object.keys(fr) as MessageKey[]) {
      expect({ key, en: placeholdersOf(en[key]) }).toEqual({ key, en: placeholdersOf(fr[key]) });
    }
  });

  it('explain every error code of the protocol', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(errorMessageKey(code)).toBe(`error.${code}`);
    }
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('fr', 'link.copyLabel', { role: 'Écoutant·e' })).toBe('Copier le lien Écoutant·e');
    expect(translate('en', 'trainer.variables.value', { value: 3, max: 10 })).toBe('3 out of 10');
  });

  it('falls back to a generic message for an unknown error code', () => {
    expect(errorMessageKey('nope/never')).toBe('error.client/unknown');
    expect(errorMessageKey(undefined)).toBe('error.client/unknown');
  });
});
