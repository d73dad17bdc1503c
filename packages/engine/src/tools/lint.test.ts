import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { testScenarioInput } from '../testing/fixtures.js';
import type { ScenarioInput } from '../scenario/schema.js';
import { formatLintIssue, lintFiles, lintScenario } from './lint.js';

const tutorialText = readFileSync(
  new URL('../../../../scenarios/appel-entrainement.yaml', import.meta.url),
  'utf8',
);
const tutorialTests = readFileSync(
  new URL('../../../../scenarios/appel-entrainement.tests.yaml', import.meta.url),
  'utf8',
);

const lintOf = (edit: (s: ScenarioInput) => void = () => {}) => {
  const input = testScenarioInput();
  edit(input);
  return lintScenario('appel-test.yaml', stringify(input)).issues;
};
const codesOf = (issues: { code: string; severity: string }[]) =>
  issues.map((i) => `${i.severity} ${i.code}`);

describe('lint', () => {
  it('finds nothing to say about the tutorial call and its tests (its moves have example phrases)', () => {
    expect(
      lintFiles([
        { path: 'scenarios/appel-entrainement.yaml', text: tutorialText },
        { path: 'scenarios/appel-entrainement.tests.yaml', text: tutorialTests },
      ]).map((i) => `${i.severity} ${i.code}`),
    ).toEqual([]);
  });

  it('reports schema errors as file:line:col  error  code  message', () => {
    const issues = lintScenario('x.yaml', tutorialText.replace(/^version: \d+$/m, 'version: zéro'));
    expect(issues.issues).toHaveLength(1);
    expect(formatLintIssue(issues.issues[0]!)).toMatch(/^x\.yaml:7:10 {2}error {2}scenario\/schema {2}/);
  });

  it('reports unknown ids (a line, a move, a variable) as reference errors, located', () => {
    const issues = lintOf((s) => {
      (s.machine.states['debut']!.entry as { params: { line: string } }[])[0]!.params.line = 'inconnue';
    });
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'scenario/reference',
        line: expect.any(Number),
        column: expect.any(Number),
      }),
    ]);
  });

  it('warns about what is never used, never reached, and the missing rubric', () => {
    const issues = lintOf((s) => {
      s.variables['fatigue'] = { label: 'Fatigue', min: 0, max: 10, initial: 0 };
      s.lines['jamais_dite'] = { text: 'Personne ne me dit.' };
      s.moves['danser'] = { label: 'Danser', category: 'action', help: 'Jamais proposée.' };
      s.injects = { ...s.injects, orage: { label: 'Orage', help: 'Sans effet.' } };
      s.endings['inatteignable'] = { outcome: 'partial', message: 'Jamais.' };
      s.machine.states['isole'] = {
        entry: [{ type: 'end', params: { ending: 'inatteignable' } }],
        type: 'final',
      };
    });
    expect(codesOf(issues).sort()).toEqual(
      [
        'warning lint/unused_variable', // fatigue
        'warning lint/unused_variable', // detresse is never compared
        'warning lint/repeated_line', // « Pas encore… », said by « Agir » as long as it is not taken
        'warning lint/line_never_said',
        'warning lint/move_never_offered', // danser
        'warning lint/move_never_offered', // jamais
        'warning lint/inject_never_offered', // orage
        'warning lint/inject_never_offered', // sonnette
        'warning lint/unreachable_ending',
        'warning lint/unreachable_state',
        'warning lint/missing_rubric',
        'warning lint/missing_examples', // no move has example phrases
      ].sort(),
    );
    expect(issues.find((i) => i.code === 'lint/unreachable_state')?.message).toContain('isole');
    // Named as the studio's forms show them (labels, texts), not by their ids.
    const said = issues.map((i) => i.message.replace(/\u00a0/g, ' ')).join('\n');
    expect(said).toContain('variable « Fatigue » jamais lue');
    expect(said).toContain('réplique « Personne ne me dit. » jamais dite');
    expect(said).toContain('action « Danser » jamais proposée');
    expect(said).toContain('événement « Orage » sans effet');
    expect(said).toContain('fin « Jamais. » inatteignable');
    expect(said).not.toMatch(/fatigue|jamais_dite|danser|orage|action say|action end/);
  });

  it('warns about a variable criterion its variable starts outside of (never met)', () => {
    const criterion = (max: number) =>
      lintOf((s) => {
        s.variables['inquietude'] = { label: 'Inquiétude', min: 0, max: 10, initial: 5 };
        s.rubric = [
          {
            id: 'calme',
            label: 'Calme',
            criteria: [
              { id: 'apaisee', label: "L'inquiétude a baissé", auto: { variable: 'inquietude', max } },
            ],
          },
        ];
      }).filter((i) => i.code === 'lint/criterion_never_met');
    const [never] = criterion(4);
    expect(never).toMatchObject({ severity: 'warning', line: expect.any(Number) });
    expect(never?.message.replace(/\u00a0/g, ' ')).toBe(
      "critère « L'inquiétude a baissé » jamais rempli : « Inquiétude » commence à 5, hors des bornes qu'il lui demande de garder tout l'appel",
    );
    expect(criterion(6)).toEqual([]);
  });

  it('warns about a transition that an earlier unguarded one on the same move always beats', () => {
    const shadowed = lintOf((s) => {
      s.machine.states['debut']!.label = 'Accueil';
      s.machine.states['debut']!.on!['ecouter'] = ['milieu', { target: 'fin_ok' }];
    }).filter((i) => i.code === 'lint/unreachable_transition');
    expect(shadowed).toEqual([
      expect.objectContaining({ severity: 'warning', line: expect.any(Number), column: expect.any(Number) }),
    ]);
    expect(shadowed[0]!.message).toContain('« Accueil »');
    expect(shadowed[0]!.message).toContain('« Écouter »');
    expect(shadowed[0]!.message).not.toContain('ecouter');
    // A guard on the first one lets the second fire: nothing to say.
    const guarded = lintOf((s) => {
      s.machine.states['debut']!.on!['ecouter'] = [
        { target: 'milieu', guard: { type: 'flag', params: { name: 'informe' } } },
        { target: 'fin_ok' },
      ];
    });
    expect(guarded.filter((i) => i.code === 'lint/unreachable_transition')).toEqual([]);
  });

  it('reports a state with no way out that is not an ending as an error, and blank or placeholder texts', () => {
    const issues = lintOf((s) => {
      s.machine.states['debut']!.on!['informer'] = 'coince';
      s.machine.states['coince'] = {
        label: 'Elle se bloque',
        entry: { type: 'say', params: { line: 'aie' } },
      };
      s.lines['merci']!.text = '   ';
      s.moves['agir']!.help = 'TODO expliquer';
    });
    expect(codesOf(issues)).toEqual(
      expect.arrayContaining([
        'error lint/dead_end',
        'error lint/missing_text',
        'warning lint/placeholder_text',
      ]),
    );
    // Named by its label, as the studio shows it, not by its id.
    expect(issues.find((i) => i.code === 'lint/dead_end')?.message).toContain('Elle se bloque');
    expect(issues.find((i) => i.code === 'lint/dead_end')?.message).not.toContain('coince');
  });

  it("checks the persona's trainerNotes, when written, like its other texts", () => {
    const at = (issues: { code: string; message: string }[]) =>
      issues.filter((i) => i.message.includes('persona.trainerNotes')).map((i) => i.code);
    expect(at(lintOf((s) => (s.persona.trainerNotes = '  ')))).toEqual(['lint/missing_text']);
    expect(at(lintOf((s) => (s.persona.trainerNotes = 'Leviers : TODO')))).toEqual(['lint/placeholder_text']);
    expect(at(lintOf((s) => (s.persona.trainerNotes = 'Leviers : la batterie.')))).toEqual([]);
    expect(codesOf(lintOf())).not.toContain('error lint/missing_text');
  });

  it('a parallel region that cannot leave is not a dead end when the whole parallel state can', () => {
    // milieu.tache.fait has no transition of its own, but milieu's `agir` leaves the parallel state.
    expect(codesOf(lintOf())).not.toContain('error lint/dead_end');
  });

  it('checks play-through files against their scenario', () => {
    const broken = tutorialTests
      .replace('move: question_ouverte', 'move: question_fermee')
      .replace('states: [guidage] } }', 'states: [nulle_part] } }')
      .replace(
        'end: { ending: connectee, outcome: best, reason: scenario }',
        'end: { ending: connectee, outcome: good }',
      )
      .replace('se_presente: true\n', 'se_presente: true\n      ton_pose: true\n');
    const issues = lintFiles([{ path: 'scenarios/appel-entrainement.tests.yaml', text: broken }], (id) =>
      id === 'appel-entrainement'
        ? { path: 'scenarios/appel-entrainement.yaml', text: tutorialText }
        : undefined,
    );
    expect(issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([
        'action « question_fermee » introuvable dans moves',
        'état « nulle_part » introuvable',
        "la fin « connectee » a l'issue best, pas good",
        'critère « ton_pose » jugé par le formateur : pas de résultat automatique',
      ]),
    );
    expect(issues.every((i) => i.severity === 'error' && i.line !== undefined)).toBe(true);
  });

  it('reports a play-through file whose scenario does not parse as invalid, not missing', () => {
    const broken = tutorialText.replace(/^(\s+)accueil:/m, '$1grésille:');
    const together = lintFiles([
      { path: 'scenarios/appel-entrainement.yaml', text: broken },
      { path: 'scenarios/appel-entrainement.tests.yaml', text: tutorialTests },
    ]);
    const beside = lintFiles(
      [{ path: 'scenarios/appel-entrainement.tests.yaml', text: tutorialTests }],
      () => ({
        path: 'scenarios/appel-entrainement.yaml',
        text: broken,
      }),
    );
    for (const issues of [together, beside]) {
      const reference = issues.find((i) => i.code === 'lint/test_reference');
      expect(reference?.message).toContain('invalide (scenarios/appel-entrainement.yaml)');
      expect(reference?.message).not.toContain('introuvable');
    }
    expect(together.find((i) => i.code === 'scenario/schema')?.message).toContain(
      'clé « grésille » invalide dans machine.states : identifiant attendu : lettres minuscules sans accent',
    );
  });

  it('finds dead ends in wide and parallel machines (each leaf on its own)', () => {
    const n = 300;
    const states: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) states[`s${i}`] = i === n - 1 ? {} : { on: { informer: `s${i + 1}` } };
    const issues = lintOf((s) => {
      s.machine.states['debut']!.on!['informer'] = 'large';
      s.machine.states['large'] = {
        type: 'parallel',
        states: {
          a: { initial: 's0', states: states as never },
          b: { initial: 'x', states: { x: { on: { agir: '#call.fin_ok' } } } },
        },
      } as never;
    });
    // Region b can leave the parallel state: no leaf of region a is a dead end.
    expect(codesOf(issues)).not.toContain('error lint/dead_end');
    const stuck = lintOf((s) => {
      s.machine.states['debut']!.on!['informer'] = 's0';
      Object.assign(s.machine.states, states);
    });
    // Side by side at the top: the last of the chain is stuck, the others are not.
    const dead = stuck.filter((i) => i.code === 'lint/dead_end').map((i) => i.message);
    expect(dead).toHaveLength(1);
    expect(dead[0]).toContain(`« s${n - 1} »`);
  });

  it('reports a play-through file whose scenario is missing', () => {
    const issues = lintFiles([
      {
        path: 'x.tests.yaml',
        text: 'scenario: x\ntests:\n  - name: a\n    steps: [{ at: 0, pickup: true }]\n    end: { ending: a, outcome: best }\n',
      },
    ]);
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'error', code: 'lint/test_reference', line: 1 }),
    ]);
  });
});
