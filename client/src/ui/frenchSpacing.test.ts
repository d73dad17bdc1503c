import { describe, expect, it } from '@jest/globals';
import { frenchSpacing } from './frenchSpacing.js';

const N = '\u202f';

describe('frenchSpacing', () => {
  it('puts a narrow no-break space before ! ? ; : with none or a breaking one', () => {
    expect(frenchSpacing('Je suis dedans !')).toBe(`Je suis dedans${N}!`);
    expect(frenchSpacing('Allô? Vous êtes là ?')).toBe(`Allô${N}? Vous êtes là${N}?`);
    expect(frenchSpacing('Écoutez: il fait froid; très froid')).toBe(
      `Écoutez${N}: il fait froid${N}; très froid`,
    );
  });

  it('leaves a space already there, a doubled sign, a time and an address', () => {
    expect(frenchSpacing(`Déjà\u00a0? Oui${N}!`)).toBe(`Déjà\u00a0? Oui${N}!`);
    expect(frenchSpacing('Quoi ?!')).toBe(`Quoi${N}?!`);
    expect(frenchSpacing('À 14:30, voyez https://exemple.fr')).toBe('À 14:30, voyez https://exemple.fr');
    expect(frenchSpacing('Bonjour.')).toBe('Bonjour.');
  });
});
