import { describe, it, expect } from '@jest/globals';
import { stringify } from 'yaml';
import { testScenarioInput } from '../testing/fixtures.js';
import { parseScenario } from './parse.js';
import type { ScenarioInput } from './schema.js';

const rubric = (criteria: unknown[]): ScenarioInput['rubric'] =>
  [{ id: 'ecoute', label: 'Écoute', criteria }] as ScenarioInput['rubric'];

function parseWith(edit: (s: ScenarioInput) => void) {
  const input = testScenarioInput();
  edit(input);
  return parseScenario(stringify(input));
}

describe('rubric', () => {
  it('accepts every kind of criterion', () => {
    const result = parseWith((s) => {
      s.rubric = rubric([
        { id: 'a', label: 'A', auto: { move: 'ecouter', within: 60000, atLeast: 2 } },
        { id: 'b', label: 'B', auto: { notMove: 'jamais' } },
        { id: 'c', label: 'C', auto: { state: 'milieu.tache.fait', within: 1000 } },
        { id: 'd', label: 'D', auto: { notState: 'milieu' } },
        { id: 'e', label: 'E', auto: { variable: 'detresse', min: 0, max: 8 } },
        { id: 'f', label: 'F', auto: { flag: 'informe' } },
        { id: 'g', label: 'G', auto: { ending: ['best', 'good'] } },
        { id: 'h', label: 'H', help: 'Jugé.', judged: true },
      ]);
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.rubric?.[0]?.criteria).toHaveLength(8);
  });

  it('is optional', () => {
    expect(parseWith(() => {}).ok).toBe(true);
  });

  it.each([
    ['both judged and auto', { id: 'a', label: 'A', judged: true, auto: { flag: 'informe' } }],
    ['neither judged nor auto', { id: 'a', label: 'A' }],
    ['judged: false', { id: 'a', label: 'A', judged: false }],
    ['two kinds in one auto', { id: 'a', label: 'A', auto: { move: 'ecouter', notMove: 'agir' } }],
    ['an unknown outcome', { id: 'a', label: 'A', auto: { ending: ['super'] } }],
  ])('refuses a criterion with %s (schema)', (_name, criterion) => {
    const result = parseWith((s) => {
      s.rubric = rubric([criterion]);
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[0]).toMatchObject({ code: 'scenario/schema', line: expect.any(Number) });
  });

  it.each([
    ['an unknown move', { move: 'danser' }, 'moves'],
    ['an unknown move (notMove)', { notMove: 'danser' }, 'moves'],
    ['an unknown state', { state: 'milieu.nulle_part' }, 'introuvable'],
    ['an unknown state (notState)', { notState: 'ailleurs' }, 'introuvable'],
    ['an unknown variable', { variable: 'fatigue', max: 3 }, 'variables'],
    ['a variable without bounds', { variable: 'detresse' }, 'min, max'],
    ['a flag never set', { flag: 'jamais_pose' }, 'jamais posé'],
  ])('refuses %s (reference)', (_name, auto, message) => {
    const result = parseWith((s) => {
      s.rubric = rubric([{ id: 'a', label: 'A', auto }]);
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]).toMatchObject({ code: 'scenario/reference', line: expect.any(Number) });
      expect(result.errors[0]!.message).toContain(message);
    }
  });

  it('refuses duplicate criterion ids across competencies', () => {
    const result = parseWith((s) => {
      s.rubric = [
        { id: 'un', label: 'Un', criteria: [{ id: 'x', label: 'X', judged: true }] },
        { id: 'deux', label: 'Deux', criteria: [{ id: 'x', label: 'X', judged: true }] },
      ];
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toContain('en double');
  });
});
