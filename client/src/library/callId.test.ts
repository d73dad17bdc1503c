import { describe, expect, it } from '@jest/globals';
import { callIdFrom, copyIdOf } from './callId.js';

const ID_RULE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('callIdFrom', () => {
  it('makes the id from the title: no accent, no capital, dashes between words', () => {
    expect(callIdFrom('Appel à la CAF : retraité·e !', [])).toBe('appel-a-la-caf-retraite-e');
    expect(callIdFrom("  Sœur d'Élise  ", [])).toBe('soeur-d-elise');
  });

  it('is empty while the title has no letter or digit', () => {
    expect(callIdFrom('', [])).toBe('');
    expect(callIdFrom(' « — » ', [])).toBe('');
  });

  it('never takes the id of a call already in the library', () => {
    expect(callIdFrom('Appel CAF', ['appel-caf'])).toBe('appel-caf-2');
    expect(callIdFrom('Appel CAF', ['appel-caf', 'appel-caf-2'])).toBe('appel-caf-3');
  });

  it('keeps to the server rule and its 64 characters, even when numbered', () => {
    const long = 'Un très long titre '.repeat(10);
    const first = callIdFrom(long, []);
    const second = callIdFrom(long, [first]);
    for (const id of [first, second]) {
      expect(id).toMatch(ID_RULE);
      expect(id.length).toBeLessThanOrEqual(64);
    }
    expect(second).not.toBe(first);
  });
});

describe('copyIdOf', () => {
  it('names a copy after its call, and a second copy differently', () => {
    expect(copyIdOf('appel-entrainement', ['appel-entrainement'])).toBe('appel-entrainement-copie');
    expect(copyIdOf('appel-entrainement', ['appel-entrainement', 'appel-entrainement-copie'])).toBe(
      'appel-entrainement-copie-2',
    );
  });

  it('keeps to the server rule for the longest ids', () => {
    const id = 'a'.repeat(64);
    const copy = copyIdOf(id, [id, copyIdOf(id, [id])]);
    expect(copy).toMatch(ID_RULE);
    expect(copy.length).toBeLessThanOrEqual(64);
  });
});
