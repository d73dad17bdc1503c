import { describe, expect, it } from '@jest/globals';
import { pseudonymKey } from './pseudonym.js';

describe('pseudonymKey', () => {
  it('reads one name whatever its case, accents and spaces', () => {
    for (const typed of ['Inès', 'ines', '  INÈS ', 'Ine\u0300s', 'INES'])
      expect(pseudonymKey(typed)).toBe('ines');
    expect(pseudonymKey('Anne  Marie')).toBe(pseudonymKey('anne marie'));
  });

  it('keeps names that differ otherwise apart', () => {
    expect(pseudonymKey('Inès B.')).not.toBe(pseudonymKey('Inès'));
    expect(pseudonymKey('Inès2')).not.toBe(pseudonymKey('Inès'));
    expect(pseudonymKey('Anne-Marie')).not.toBe(pseudonymKey('Anne Marie'));
  });
});
