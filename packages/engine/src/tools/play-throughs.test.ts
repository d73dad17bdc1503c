import { describe, it, expect } from '@jest/globals';
import { parsePlayThroughs } from './play-throughs.js';

const example = `# yaml-language-server: $schema=./tests.schema.json
scenario: appel-entrainement
tests:
  - name: Connexion guidée (très bien)
    seed: 1
    steps:
      - { at: 0, pickup: true }
      - at: 3000
        move: se_presenter
        expect:
          lines: [soulagee, explique]
          states: [ecoute.en_ligne]
          variables: { confiance: 5 }
      - { at: 30000, inject: sonnette }
      - { at: 40000, say: "Je vous écoute." }
      - { at: 41000, pause: true }
      - { at: 42000, resume: true }
      - { at: 60000, wait: true, expect: { lines: [toujours_la] } }
      - { at: 61000, move: demander_ecran, expect: { error: input/not_available } }
      - { at: 90000, hangup: true }
    end: { ending: connectee, outcome: best }
    rubric: { se_presente: true, jamais_mot_de_passe: true }
  - name: Fin par le formateur
    steps:
      - { at: 0, pickup: true }
      - { at: 10, end: true }
    end: { ending: null, outcome: null }
`;

describe('parsePlayThroughs', () => {
  it('reads the format of the spec, with the default seed', () => {
    const result = parsePlayThroughs(example);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.file.scenario).toBe('appel-entrainement');
    expect(result.file.tests[0]!.steps).toHaveLength(9);
    expect(result.file.tests[0]!.steps[7]).toEqual({
      at: 61000,
      move: 'demander_ecran',
      expect: { error: 'input/not_available' },
    });
    expect(result.file.tests[1]!.seed).toBe(1);
  });

  it('refuses a step with two actions, or none, with a line number', () => {
    for (const step of ['{ at: 5, pickup: true, move: se_presenter }', '{ at: 5 }']) {
      const result = parsePlayThroughs(
        `scenario: x\ntests:\n  - name: a\n    steps:\n      - ${step}\n    end: { ending: a, outcome: best }\n`,
        'x.tests.yaml',
      );
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.errors[0]).toMatchObject({ code: 'scenario/schema', line: 5 });
        expect(result.errors[0]!.message).toMatch(/^x\.tests\.yaml : /);
      }
    }
  });

  it('refuses times going backwards, an unknown error code, a missing end', () => {
    const cases = [
      `scenario: x\ntests:\n  - name: a\n    steps:\n      - { at: 5, pickup: true }\n      - { at: 4, hangup: true }\n    end: { ending: a, outcome: best }\n`,
      `scenario: x\ntests:\n  - name: a\n    steps:\n      - { at: 5, pickup: true, expect: { error: nope } }\n    end: { ending: a, outcome: best }\n`,
      `scenario: x\ntests:\n  - name: a\n    steps:\n      - { at: 5, pickup: true }\n`,
    ];
    for (const text of cases) expect(parsePlayThroughs(text).ok).toBe(false);
  });
});
