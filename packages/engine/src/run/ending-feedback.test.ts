import { describe, it, expect } from '@jest/globals';
import { compileScenario } from '../scenario/compile.js';
import type { ScenarioInput } from '../scenario/schema.js';
import { startTestRun, testScenario } from '../testing/fixtures.js';
import type { Input, Observation } from '../timeline.js';
import { sameObservation } from './rebuild.js';
import { replay } from './replay.js';

const rubric: ScenarioInput['rubric'] = [
  {
    id: 'accueil',
    label: 'Accueil',
    criteria: [
      { id: 'ecoute_vite', label: 'Écouter dans les 2 s', auto: { move: 'ecouter', within: 2000 } },
      {
        id: 'ecoute_tard',
        label: 'Écouter dans la 1re demi-seconde',
        auto: { move: 'ecouter', within: 500 },
      },
      { id: 'agir_deux', label: 'Agir deux fois', auto: { move: 'agir', atLeast: 2 } },
      { id: 'agir_trois', label: 'Agir trois fois', auto: { move: 'agir', atLeast: 3 } },
      { id: 'jamais', label: 'Ne jamais', auto: { notMove: 'jamais' } },
      { id: 'pas_informer', label: 'Ne pas informer', auto: { notMove: 'informer' } },
      { id: 'ton', label: 'Ton', judged: true },
    ],
  },
  {
    id: 'suivi',
    label: 'Suivi',
    criteria: [
      { id: 'tache_faite', label: 'Tâche faite', auto: { state: 'milieu.tache.fait', within: 10_000 } },
      { id: 'milieu_vite', label: 'Milieu en 1 s', auto: { state: 'milieu', within: 1000 } },
      { id: 'jamais_agitee', label: 'Jamais agitée', auto: { notState: 'milieu.humeur.agitee' } },
      { id: 'pas_fin', label: 'Jamais la fin', auto: { notState: 'fin_ok' } },
      { id: 'detresse_basse', label: 'Détresse ≤ 6', auto: { variable: 'detresse', max: 6 } },
      { id: 'informe', label: 'Informé', auto: { flag: 'informe' } },
      { id: 'bonne_fin', label: 'Bonne fin', auto: { ending: ['best', 'good'] } },
      { id: 'mauvaise_fin', label: 'Échec', auto: { ending: ['failure'] } },
    ],
  },
];

const compiled = compileScenario(
  testScenario((s) => {
    s.rubric = rubric;
    s.endings.ok = {
      ...s.endings.ok!,
      feedback: { met: 'Ce que vous avez fait :', missed: 'À travailler :' },
    };
  }),
);

const STEPS: { at: number; input: Input }[] = [
  { at: 0, input: { kind: 'pickup' } },
  { at: 1500, input: { kind: 'move', move: 'ecouter' } },
  { at: 2000, input: { kind: 'move', move: 'informer' } },
  { at: 2500, input: { kind: 'move', move: 'agir' } },
  { at: 3000, input: { kind: 'move', move: 'agir' } },
];

function play(steps: { at: number; input: Input }[]): Observation[] {
  const { run, scheduler } = startTestRun(compiled, 3);
  const out: Observation[] = [];
  for (const { at, input } of steps) {
    scheduler.advanceTo(at);
    const result = run.apply(input);
    if (result.ok) out.push(...result.observations);
  }
  return out;
}

const endingOf = (observations: Observation[]) =>
  observations.find((o): o is Extract<Observation, { kind: 'ending' }> => o.kind === 'ending');

describe('an ending message built from the rubric', () => {
  it('says what the listener did and what to work on, from the criteria met and missed', () => {
    const ending = endingOf(play(STEPS));
    expect(ending?.ending).toBe('ok');
    expect(ending?.message?.replace(/\u00a0;/g, ' ;')).toBe(
      'Bravo. Ce que vous avez fait : écouter dans les 2 s ; agir deux fois ; tâche faite ; ' +
        'jamais agitée ; détresse ≤ 6 ; informé ; bonne fin. À travailler : écouter dans la 1re ' +
        'demi-seconde ; agir trois fois ; ne pas informer ; milieu en 1 s ; jamais la fin ; échec.',
    );
    // Between the criteria, French spacing: a no-break space before « ; », never a plain one.
    expect(ending?.message).toContain('\u00a0; agir deux fois');
    expect(ending?.message).not.toMatch(/ ;/);
  });

  it('a message recorded with plain spaces before « ; » (before French spacing) rebuilds as the same', () => {
    const ending = endingOf(play(STEPS))!;
    const recorded = { ...ending, message: ending.message!.replace(/\u00a0;/g, ' ;') };
    expect(recorded.message).not.toBe(ending.message);
    expect(sameObservation(recorded, ending)).toBe(true);
    // Other words are another message.
    expect(
      sameObservation({ ...recorded, message: recorded.message!.replace('Bravo', 'Bien') }, ending),
    ).toBe(false);
  });

  it('changes with what the listener did: a slow start is no longer praised', () => {
    const slow = STEPS.map((s) => (s.at >= 1500 ? { ...s, at: s.at + 1000 } : s));
    const message = endingOf(play(slow))?.message ?? '';
    expect(message).toContain('À travailler : écouter dans les 2 s\u00a0;');
    expect(message).not.toMatch(/fait : écouter dans les 2 s/);
  });

  it('is the same on replay (a rebuilt session records the same ending)', () => {
    const live = endingOf(play(STEPS));
    const replayed = replay(
      compiled,
      3,
      STEPS.map(({ at, input }) => ({ t: at, input })),
    ).map((o) => o.observation);
    expect(endingOf(replayed)).toEqual(live);
  });

  it('leaves an ending without feedback as written', () => {
    const ending = endingOf(play([STEPS[0]!, { at: 1000, input: { kind: 'hangup' } }]));
    expect(ending?.message).toBe('Il a entendu que vous raccrochiez.');
  });
});
