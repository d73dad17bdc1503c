import { describe, expect, it } from '@jest/globals';
import {
  callIdCandidates,
  copyIdCandidates,
  copyTitleCandidates,
  isCallId,
  sameTitle,
} from './call-names.js';

/** The first `n` candidates. */
function first(candidates: Iterable<string>, n: number): string[] {
  const taken: string[] = [];
  for (const candidate of candidates) {
    taken.push(candidate);
    if (taken.length === n) break;
  }
  return taken;
}

describe('callIdCandidates', () => {
  it('makes the id from the title: no accent, no capital, dashes between words', () => {
    expect(first(callIdCandidates('Appel à la CAF : retraité·e !'), 1)).toEqual([
      'appel-a-la-caf-retraite-e',
    ]);
    expect(first(callIdCandidates("  Sœur d'Élise  "), 1)).toEqual(['soeur-d-elise']);
  });

  it('numbers it from the second on', () => {
    expect(first(callIdCandidates('Appel CAF'), 3)).toEqual(['appel-caf', 'appel-caf-2', 'appel-caf-3']);
  });

  it('still makes one from a title without a letter or digit', () => {
    expect(first(callIdCandidates(' « — » '), 2)).toEqual(['appel', 'appel-2']);
  });

  it('keeps to the server rule and its 64 characters, even when numbered', () => {
    const ids = [
      ...first(callIdCandidates('Un très long titre '.repeat(10)), 12),
      ...first(copyIdCandidates('a'.repeat(64)), 12),
    ];
    for (const id of ids) expect(isCallId(id)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('copyIdCandidates', () => {
  it('names a copy after its call, then numbers the next ones', () => {
    expect(first(copyIdCandidates('appel-entrainement'), 2)).toEqual([
      'appel-entrainement-copie',
      'appel-entrainement-copie-2',
    ]);
  });
});

describe('copyTitleCandidates', () => {
  it('says it is a copy, then numbers the copies as a trainer reads them', () => {
    expect(first(copyTitleCandidates("Appel d'entraînement"), 3)).toEqual([
      "Appel d'entraînement (copie)",
      "Appel d'entraînement (copie 2)",
      "Appel d'entraînement (copie 3)",
    ]);
  });

  it('numbers a copy of a copy after the same call', () => {
    expect(first(copyTitleCandidates('Appel CAF (copie)'), 2)).toEqual([
      'Appel CAF (copie)',
      'Appel CAF (copie 2)',
    ]);
    expect(first(copyTitleCandidates('Appel CAF (copie 4)'), 1)).toEqual(['Appel CAF (copie)']);
  });
});

describe('sameTitle', () => {
  it('reads two titles as a trainer does in the list: case and outer spaces aside', () => {
    expect(sameTitle('Appel CAF (copie)', ' appel caf (Copie) ')).toBe(true);
    expect(sameTitle('Appel CAF (copie)', 'Appel CAF (copie 2)')).toBe(false);
  });
});
