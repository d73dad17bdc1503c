import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { compileScenario } from '../scenario/compile.js';
import { parseScenario } from '../scenario/parse.js';
import { parsePlayThroughs, type PlayThrough } from './play-throughs.js';
import { formatTestReport, runPlayThrough, runScenarioTests } from './test-runner.js';

const read = (name: string) =>
  readFileSync(new URL(`../../../../scenarios/${name}`, import.meta.url), 'utf8');
const parsed = parseScenario(read('appel-entrainement.yaml'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const compiled = compileScenario(parsed.scenario);
const testsFile = parsePlayThroughs(read('appel-entrainement.tests.yaml'));
if (!testsFile.ok) throw new Error(JSON.stringify(testsFile.errors));

const test = (
  steps: PlayThrough['steps'],
  end: PlayThrough['end'],
  rubric?: PlayThrough['rubric'],
): PlayThrough => ({
  name: 'essai',
  seed: 1,
  steps,
  end,
  ...(rubric ? { rubric } : {}),
});

describe('runPlayThrough', () => {
  it('passes the tutorial tests, recording the states entered and transitions taken', () => {
    const [first] = testsFile.file.tests;
    const result = runPlayThrough(compiled, first!);
    expect(result.failures).toEqual([]);
    expect(result.states).toEqual(['accueil', 'ecoute', 'ecoute.en_ligne', 'guidage', 'connectee']);
    expect(result.transitions).toEqual(
      expect.arrayContaining([
        'accueil|after 20000|0',
        'accueil|se_presenter|0',
        'guidage|guider_pas_a_pas|0',
      ]),
    );
  });

  it('says what differs: lines, states, variables, refusals, the ending, the rubric', () => {
    const result = runPlayThrough(
      compiled,
      test(
        [
          { at: 0, pickup: true, expect: { lines: [] } },
          { at: 1000, move: 'reformuler' },
          {
            at: 2000,
            move: 'se_presenter',
            expect: { states: ['guidage'], variables: { confiance: 1, inconnue: 2 } },
          },
          { at: 3000, move: 'reformuler', expect: { error: 'session/paused' } },
          { at: 4000, inject: 'sonnette', expect: { error: 'input/not_available' } },
        ],
        { ending: 'connectee', outcome: 'best' },
        { se_presente: false, ton_pose: true, nulle_part: true },
      ),
    );
    expect(result.passed).toBe(false);
    expect(result.failures).toEqual([
      'étape à 0 ms (pickup) : répliques [] attendues, [allo] dites',
      "étape à 1000 ms (action reformuler) : refusée (input/not_available : L'action « reformuler » n'est pas disponible à ce moment de l'appel.)",
      'étape à 2000 ms (action se_presenter) : états [guidage] attendus, [ecoute.en_ligne] actifs',
      'étape à 2000 ms (action se_presenter) : confiance = 1 attendu, 5 obtenu',
      'étape à 2000 ms (action se_presenter) : variable « inconnue » inconnue',
      "étape à 3000 ms (action reformuler) : refus session/paused attendu, mais l'étape a été acceptée",
      "étape à 4000 ms (événement sonnette) : refus input/not_available attendu, mais l'étape a été acceptée",
      "l'appel n'est pas terminé après la dernière étape (états : ecoute.en_ligne)",
      'grille : « se_presente » non rempli attendu, rempli',
      'grille : critère « ton_pose » jugé par le formateur, pas automatique',
      'grille : critère « nulle_part » introuvable',
    ]);
  });

  it('checks how the call ended, and its reason', () => {
    const result = runPlayThrough(
      compiled,
      test(
        [
          { at: 0, pickup: true },
          { at: 10, hangup: true },
        ],
        { ending: 'rappel', outcome: 'good', reason: 'scenario' },
      ),
    );
    expect(result.failures).toEqual([
      'fin rappel (good) attendue, raccroche_ecoutant (failure) obtenue',
      'fin par scenario attendue, par hangup',
    ]);
  });
});

describe('runScenarioTests', () => {
  it('runs the tests and the generated paths, and measures coverage', () => {
    const report = runScenarioTests(compiled, testsFile.file);
    expect(report.passed).toBe(true);
    expect(report.tests).toHaveLength(testsFile.file.tests.length);
    expect(report.generated.map((g) => g.name)).toEqual([
      'chemin le plus court vers la fin « connectee » (6 étapes)',
      'chemin le plus court vers la fin « rappel » (3 étapes)',
      'chemin le plus court vers la fin « raccroche » (5 étapes)',
      'chemin le plus court vers la fin « raccroche_ecoutant » (2 étapes)',
    ]);
    expect(report.coverage.states).toEqual({ covered: 7, total: 7, missing: [] });
    expect(report.coverage.transitions.total).toBe(20);
    expect(report.coverage.transitions.missing).toEqual(['guidage|always|0']);
    const text = formatTestReport(report);
    expect(text).toContain('appel-entrainement : 7/7 tests réussis');
    expect(text).toContain('couverture des états : 7/7 (100 %)');
    expect(text).toContain('couverture des transitions : 19/20 (95 %) — non prises : guidage|always|0');
  });

  it('without tests, covers nothing and still plays the generated paths', () => {
    const report = runScenarioTests(compiled, undefined);
    expect(report.tests).toEqual([]);
    expect(report.coverage.states.covered).toBe(0);
    expect(report.coverageWithGenerated.states.covered).toBeGreaterThan(0);
  });
});
