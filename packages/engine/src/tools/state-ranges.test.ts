import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { stateAt, stateRanges } from './state-ranges.js';
import { withScenarioIdentity } from './identity.js';

const tutorial = readFileSync(
  new URL('../../../../scenarios/appel-entrainement.yaml', import.meta.url),
  'utf8',
);

describe('state ranges', () => {
  it('finds each state of the text, nested ones by their dotted path, and the innermost at a cursor', () => {
    const ranges = stateRanges(tutorial);
    const accueil = ranges.find((r) => r.id === 'accueil')!;
    expect(tutorial.slice(accueil.from, accueil.from + 'accueil:'.length)).toBe('accueil:');
    const nested = ranges.find((r) => r.id.includes('.'))!;
    const leaf = nested.id.split('.').at(-1)!;
    expect(tutorial.slice(nested.from).startsWith(`${leaf}:`)).toBe(true);
    expect(stateAt(ranges, nested.from + 1)).toBe(nested.id);
    expect(stateAt(ranges, 0)).toBeUndefined();
  });

  it('sets id and version keeping comments and order', () => {
    const out = withScenarioIdentity(tutorial, 'copie', 7)!;
    expect(out).toMatch(/^id: copie$/m);
    expect(out).toMatch(/^version: 7$/m);
    expect(out.split('\n').filter((l) => l.trimStart().startsWith('#'))).toEqual(
      tutorial.split('\n').filter((l) => l.trimStart().startsWith('#')),
    );
    expect(withScenarioIdentity('- une liste', 'x', 1)).toBeUndefined();
  });
});
