import { describe, it, expect } from '@jest/globals';
import { compileScenario, type CompiledScenario } from '../scenario/compile.js';
import type { ScenarioInput } from '../scenario/schema.js';
import { startTestRun, testScenario } from '../testing/fixtures.js';
import type { Input, TimelineEntry } from '../timeline.js';
import { scoreRubric } from './score.js';

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
      { id: 'confiance', label: 'Confiance ≥ 5', auto: { variable: 'confiance', min: 5 } },
      { id: 'informe', label: 'Informé', auto: { flag: 'informe' } },
      { id: 'bonne_fin', label: 'Bonne fin', auto: { ending: ['best', 'good'] } },
      { id: 'mauvaise_fin', label: 'Échec', auto: { ending: ['failure'] } },
    ],
  },
];

/** A session's timeline as the server records it: accepted inputs, then their observations. */
function session(compiled: CompiledScenario, steps: { at: number; input: Input }[]): TimelineEntry[] {
  const { run, scheduler, clock, timed } = startTestRun(compiled, 3);
  const entries: TimelineEntry[] = [];
  let seq = 0;
  const push = (t: number, entry: Record<string, unknown>) =>
    entries.push({ seq: ++seq, t, at: '2026-01-01T00:00:00.000Z', ...entry } as TimelineEntry);
  const flushTimers = () => {
    for (const { t, observation } of timed.splice(0))
      push(t, { source: 'system', kind: 'observation', observation });
  };
  for (const { at, input } of steps) {
    scheduler.advanceTo(at);
    flushTimers();
    const result = run.apply(input);
    flushTimers();
    if (!result.ok) continue;
    const t = clock.now();
    push(t, { source: 'listener', kind: 'input', input });
    for (const observation of result.observations)
      push(t, { source: 'system', kind: 'observation', observation });
  }
  return entries;
}

const byId = (results: ReturnType<typeof scoreRubric>) =>
  Object.fromEntries(results.map((r) => [r.criterion, r]));

describe('scoreRubric', () => {
  const compiled = compileScenario(
    testScenario((s) => {
      s.rubric = rubric;
      s.substance = { reached: ['milieu'] };
    }),
  );

  it('measures every kind of automatic criterion, with the entry that proves or breaks it', () => {
    const entries = session(compiled, [
      { at: 100, input: { kind: 'pickup' } },
      { at: 1500, input: { kind: 'move', move: 'ecouter' } }, // 1400 ms after pickup; detresse 6 at 1100
      { at: 3000, input: { kind: 'move', move: 'informer' } },
      { at: 3500, input: { kind: 'move', move: 'agir' } },
      { at: 4000, input: { kind: 'move', move: 'agir' } },
    ]);
    const seqOf = (pred: (e: TimelineEntry) => boolean) => entries.find(pred)!.seq;
    const results = byId(scoreRubric(compiled, entries));
    const ecouter = seqOf((e) => e.kind === 'input' && e.input.kind === 'move' && e.input.move === 'ecouter');
    const informer = seqOf(
      (e) => e.kind === 'input' && e.input.kind === 'move' && e.input.move === 'informer',
    );
    const agir = entries.filter(
      (e) => e.kind === 'input' && e.input.kind === 'move' && e.input.move === 'agir',
    );
    const ending = entries.find((e) => e.kind === 'observation' && e.observation.kind === 'ending')!;

    expect(results['ecoute_vite']).toEqual({
      competency: 'accueil',
      criterion: 'ecoute_vite',
      label: 'Écouter dans les 2 s',
      kind: 'auto',
      assessed: true,
      met: true,
      evidenceSeq: ecouter,
      evidenceT: 1500,
    });
    expect(results['ecoute_tard']).toMatchObject({ met: false, evidenceSeq: ecouter });
    expect(results['agir_deux']).toMatchObject({ met: true, evidenceSeq: agir[1]!.seq, evidenceT: 4000 });
    expect(results['agir_trois']).toMatchObject({ met: false, evidenceSeq: agir[1]!.seq });
    // « jamais » is never on offer: a trap the call never set is not assessed, not met.
    expect(results['jamais']).toEqual(expect.objectContaining({ assessed: false }));
    expect(results['jamais']).not.toHaveProperty('met');
    expect(results['jamais']).not.toHaveProperty('evidenceSeq');
    expect(results['pas_informer']).toMatchObject({ met: false, evidenceSeq: informer });
    expect(results['ton']).toEqual({ competency: 'accueil', criterion: 'ton', label: 'Ton', kind: 'judged' });

    expect(results['tache_faite']).toMatchObject({ met: true, evidenceT: 3000 });
    expect(results['milieu_vite']).toMatchObject({ met: false, evidenceT: 1500 });
    expect(results['jamais_agitee']).toMatchObject({ met: true });
    expect(results['pas_fin']).toMatchObject({ met: false, evidenceT: 4000 });
    // The silence timer (1000 ms after pickup, once) takes detresse from 5 to 6: within bounds.
    expect(results['detresse_basse']).toMatchObject({ met: true });
    expect(results['confiance']).toMatchObject({ met: true });
    expect(results['informe']).toMatchObject({ met: true, evidenceSeq: informer, evidenceT: 3000 });
    expect(results['bonne_fin']).toMatchObject({ met: true, evidenceSeq: ending.seq });
    expect(results['mauvaise_fin']).toMatchObject({ met: false, evidenceSeq: ending.seq });
  });

  it('breaks a variable criterion at the first value out of bounds, and needs the call to end', () => {
    const entries = session(compiled, [
      { at: 0, input: { kind: 'pickup' } },
      { at: 2500, input: { kind: 'move', move: 'ecouter' } },
      { at: 2600, input: { kind: 'inject', inject: 'bruit' } },
    ]);
    const results = byId(scoreRubric(compiled, entries));
    // The inject makes her agitated: detresse set to 99, clamped to 10.
    const ten = entries.find(
      (e) => e.kind === 'observation' && e.observation.kind === 'variable' && e.observation.value === 10,
    )!;
    expect(results['detresse_basse']).toMatchObject({ met: false, evidenceSeq: ten.seq, evidenceT: 2600 });
    expect(results['jamais_agitee']).toMatchObject({ met: false, evidenceT: 2600 });
    expect(results['informe']).toMatchObject({ assessed: true, met: false });
    // The call is not over: its ending is not assessed yet.
    expect(results['bonne_fin']).toEqual(expect.objectContaining({ assessed: false }));
    expect(results['bonne_fin']).not.toHaveProperty('met');
    expect(results['bonne_fin']).not.toHaveProperty('evidenceSeq');
    // « informer » was offered (the task was waiting) and not made: avoided, so met.
    expect(results['pas_informer']).toMatchObject({ assessed: true, met: true });
  });

  it('does not assess what the call never reached: a trap never offered, a region never entered', () => {
    // Picked up, then the listener hangs up at once: « milieu » (and its moods) never entered.
    const entries = session(compiled, [
      { at: 0, input: { kind: 'pickup' } },
      { at: 200, input: { kind: 'hangup' } },
    ]);
    const results = byId(scoreRubric(compiled, entries));
    expect(results['jamais_agitee']).toMatchObject({ assessed: false });
    expect(results['jamais_agitee']).not.toHaveProperty('met');
    // « fin_ok » is a top-level state, but the call never reached its substance (« milieu »):
    // avoiding it by hanging up earns nothing, nor do limits kept by doing nothing.
    expect(results['pas_fin']).toMatchObject({ assessed: false });
    expect(results['detresse_basse']).toMatchObject({ assessed: false });
    expect(results['confiance']).toMatchObject({ assessed: false });
    expect(results['pas_informer']).toMatchObject({ assessed: false });
    // Goals not reached are not met, however short the call.
    expect(results['ecoute_vite']).toMatchObject({ assessed: true, met: false });
    expect(results['tache_faite']).toMatchObject({ assessed: true, met: false });
    const assessed = Object.values(results).filter((r) => r.kind === 'auto' && r.assessed);
    expect(assessed.every((r) => typeof r.met === 'boolean')).toBe(true);
  });

  it('nothing earns points by doing nothing: « did not » criteria wait for the substance', () => {
    // No `substance` declared: only an ending `good` or `best` opens them.
    const bare = compileScenario(testScenario((s) => (s.rubric = rubric)));
    const hungUp = session(bare, [
      { at: 0, input: { kind: 'pickup' } },
      { at: 3000, input: { kind: 'hangup' } },
    ]);
    const early = scoreRubric(bare, hungUp);
    expect(early.filter((r) => r.met === true)).toEqual([]);
    // Reached « milieu » but not ended: with no stage named, still not assessed…
    const midway = [
      { at: 0, input: { kind: 'pickup' } },
      { at: 1500, input: { kind: 'move', move: 'ecouter' } },
    ] as const;
    expect(byId(scoreRubric(bare, session(bare, [...midway])))['pas_fin']).toMatchObject({ assessed: false });
    // …and assessed (met) once the scenario names « milieu » as its substance.
    expect(byId(scoreRubric(compiled, session(compiled, [...midway])))['pas_fin']).toMatchObject({
      assessed: true,
      met: true,
    });
    // A limit broken before the substance is not met: failing is measured, avoiding is not.
    const broken = session(bare, [...midway, { at: 2600, input: { kind: 'inject', inject: 'bruit' } }]);
    const results = byId(scoreRubric(bare, broken));
    expect(results['detresse_basse']).toMatchObject({ assessed: true, met: false });
    expect(results['jamais_agitee']).toMatchObject({ assessed: true, met: false });
  });

  it('assesses nothing when the call was never picked up; empty without a rubric', () => {
    const results = scoreRubric(compiled, []).filter((r) => r.kind === 'auto');
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(result.assessed).toBe(false);
      expect(result).not.toHaveProperty('met');
    }
    expect(scoreRubric(compileScenario(testScenario()), [])).toEqual([]);
  });

  describe('criteria relative to an inject (`since: { inject }`)', () => {
    const sinceRubric: ScenarioInput['rubric'] = [
      {
        id: 'reaction',
        label: 'Réaction',
        criteria: [
          {
            id: 'informer_apres_bruit',
            label: 'Informer dans les 2 s après le bruit',
            auto: { move: 'informer', within: 2000, since: { inject: 'bruit' } },
          },
          {
            id: 'fait_apres_bruit',
            label: 'Tâche faite dans les 2 s après le bruit',
            auto: { state: 'milieu.tache.fait', within: 2000, since: { inject: 'bruit' } },
          },
        ],
      },
    ];
    const relative = compileScenario(testScenario((s) => (s.rubric = sinceRubric)));
    const start = [
      { at: 0, input: { kind: 'pickup' } },
      { at: 500, input: { kind: 'move', move: 'ecouter' } },
    ] as const;

    it('met: the move and the state come within the window, measured from the inject', () => {
      const entries = session(relative, [
        ...start,
        { at: 5000, input: { kind: 'inject', inject: 'bruit' } },
        { at: 6500, input: { kind: 'move', move: 'informer' } },
      ]);
      const informer = entries.find((e) => e.kind === 'input' && e.input.kind === 'move' && e.t === 6500)!;
      const results = byId(scoreRubric(relative, entries));
      // 6.5 s after pickup, but 1.5 s after the inject: met (a pickup-relative 2 s would not be).
      expect(results['informer_apres_bruit']).toMatchObject({
        assessed: true,
        met: true,
        evidenceSeq: informer.seq,
        evidenceT: 6500,
      });
      expect(results['fait_apres_bruit']).toMatchObject({ assessed: true, met: true, evidenceT: 6500 });
    });

    it('missed: too late after the inject, or only before it', () => {
      const late = byId(
        scoreRubric(
          relative,
          session(relative, [
            ...start,
            { at: 1000, input: { kind: 'inject', inject: 'bruit' } },
            { at: 3500, input: { kind: 'move', move: 'informer' } },
          ]),
        ),
      );
      expect(late['informer_apres_bruit']).toMatchObject({ assessed: true, met: false, evidenceT: 3500 });
      expect(late['fait_apres_bruit']).toMatchObject({ assessed: true, met: false, evidenceT: 3500 });
      // Informed before the noise: the move does not count for the window after it, though the
      // task is already done when the inject comes (the state criterion is met at the inject).
      const before = session(relative, [
        ...start,
        { at: 800, input: { kind: 'move', move: 'informer' } },
        { at: 1000, input: { kind: 'inject', inject: 'bruit' } },
      ]);
      const early = byId(scoreRubric(relative, before));
      expect(early['informer_apres_bruit']).toMatchObject({ assessed: true, met: false });
      expect(early['informer_apres_bruit']).not.toHaveProperty('evidenceSeq');
      const bruit = before.find((e) => e.kind === 'input' && e.input.kind === 'inject')!;
      expect(early['fait_apres_bruit']).toMatchObject({ assessed: true, met: true, evidenceSeq: bruit.seq });
    });

    it('not assessed (« non évalué ») when the inject was never sent', () => {
      const results = byId(
        scoreRubric(
          relative,
          session(relative, [...start, { at: 900, input: { kind: 'move', move: 'informer' } }]),
        ),
      );
      for (const id of ['informer_apres_bruit', 'fait_apres_bruit']) {
        expect(results[id]).toMatchObject({ kind: 'auto', assessed: false });
        expect(results[id]).not.toHaveProperty('met');
      }
    });

    it('refuses an inject the scenario does not have', () => {
      const bad = testScenario((s) => {
        s.rubric = [
          {
            id: 'c',
            label: 'C',
            criteria: [{ id: 'x', label: 'X', auto: { move: 'informer', since: { inject: 'orage' } } }],
          },
        ];
      });
      expect(() => compileScenario(bad)).toThrow(/événement injecté « orage » introuvable/);
    });
  });
});
