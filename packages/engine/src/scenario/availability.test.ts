import { describe, it, expect } from '@jest/globals';
import { startTestRun, testScenario } from '../testing/fixtures.js';
import { availableByState, describeGuard, formatReason } from './availability.js';
import { compileScenario } from './compile.js';
import type { GuardConfig } from './schema.js';

/** The fixture with `agir` only possible under its guard (no fallback). */
const guardedOnly = () =>
  compileScenario(
    testScenario((s) => {
      const agir = s.machine.states['milieu']!.on!['agir'] as unknown[];
      s.machine.states['milieu']!.on!['agir'] = [agir[0]] as never;
    }),
  );

describe('availability of moves and injects', () => {
  it('says the call is not picked up, then paused, then over', () => {
    const { run } = startTestRun();
    expect(run.availabilityOf('ecouter')).toEqual({ available: false, reason: { code: 'ringing' } });
    expect(run.availability().injects['bruit']).toEqual({ available: false, reason: { code: 'ringing' } });
    run.apply({ kind: 'pickup' });
    expect(run.availabilityOf('ecouter')).toEqual({ available: true });
    run.apply({ kind: 'pause' });
    expect(run.availabilityOf('ecouter')).toEqual({ available: false, reason: { code: 'paused' } });
    run.apply({ kind: 'resume' });
    run.apply({ kind: 'end' });
    expect(run.availabilityOf('ecouter')).toEqual({ available: false, reason: { code: 'ended' } });
  });

  it('names the current state when nothing is planned for a move or an inject there', () => {
    const { run } = startTestRun();
    run.apply({ kind: 'pickup' });
    const { moves, injects } = run.availability();
    // The states by their labels (the fixture has none: the names made readable), never by path.
    const atStart = { code: 'not_here', states: ['Debut'] };
    expect(moves['informer']).toEqual({ available: false, reason: atStart });
    expect(injects['bruit']).toEqual({ available: false, reason: atStart });
    run.apply({ kind: 'move', move: 'ecouter' });
    expect(run.availabilityOf('jamais')).toEqual({
      available: false,
      reason: { code: 'not_here', states: ['Calme', 'Attente'] },
    });
    expect(run.availabilityOf('bruit')).toEqual({ available: true });
    // The trainer's inject list carries the same reason.
    expect(run.viewFor('trainer').injects.find((i) => i.id === 'sonnette')).toEqual({
      id: 'sonnette',
      label: 'Sonnette',
      help: 'On sonne.',
      available: false,
      reason: { code: 'not_here', states: ['Calme', 'Attente'] },
    });
    expect(run.viewFor('trainer').injects.find((i) => i.id === 'bruit')).not.toHaveProperty('reason');
  });

  it('describes the guard, with current values, when a transition exists but its condition fails', () => {
    const { run } = startTestRun(guardedOnly());
    run.apply({ kind: 'pickup' });
    run.apply({ kind: 'move', move: 'ecouter' });
    const { reason } = run.availabilityOf('agir');
    expect(reason).toEqual({
      code: 'guard',
      conditions: [
        {
          kind: 'all',
          of: [
            { kind: 'visited', state: 'milieu.tache.fait', label: 'Fait' },
            { kind: 'flag', flag: 'informe', label: 'informe' },
            { kind: 'compare', variable: 'confiance', label: 'Confiance', op: '>=', value: 7, now: 7 },
            {
              kind: 'not',
              condition: { kind: 'moveCount', move: 'agir', label: 'Agir', op: '<', value: 2, now: 1 },
            },
          ],
        },
      ],
    });
    // Worded in French for the CLI: labels, never paths nor ids.
    expect(formatReason(reason!)).toBe(
      'Condition non remplie : étape « Fait » déjà atteinte et « informe » et ' +
        'Confiance ≥ 7 (actuellement 7) et non (« Agir » fait < 2 fois (actuellement 1))',
    );
  });
});

describe('describeGuard', () => {
  const scenario = testScenario();
  it.each<[GuardConfig, string]>([
    [{ type: 'compare', params: { variable: 'detresse', op: '>=', value: 9 } }, 'Détresse ≥ 9'],
    [{ type: 'compare', params: { variable: 'detresse', op: '!=', value: 1 } }, 'Détresse ≠ 1'],
    [{ type: 'moveCount', params: { op: '<', value: 3 } }, "nombre total d'actions de l'écoutant·e < 3"],
    [
      {
        type: 'any',
        params: {
          of: [
            { type: 'flag', params: { name: 'a' } },
            {
              type: 'all',
              params: {
                of: [
                  { type: 'visited', params: { state: 'x' } },
                  { type: 'flag', params: { name: 'b' } },
                ],
              },
            },
          ],
        },
      },
      '« a » ou (étape « X » déjà atteinte et « b »)',
    ],
  ])('%j → %s', (guard, text) => {
    expect(describeGuard(guard, scenario)).toBe(text);
  });
});

describe('availableByState', () => {
  it('lists, for every state path, what it and its ancestors handle; nothing in a top-level final state', () => {
    const byState = availableByState(compileScenario(testScenario()));
    expect(Object.keys(byState)).toEqual([
      'debut',
      'milieu',
      'milieu.humeur',
      'milieu.humeur.calme',
      'milieu.humeur.agitee',
      'milieu.tache',
      'milieu.tache.attente',
      'milieu.tache.fait',
      'fin_ok',
    ]);
    expect(byState['debut']).toEqual({ moves: ['ecouter'], injects: [] });
    expect(byState['milieu.humeur.calme']).toEqual({ moves: ['agir'], injects: ['bruit'] });
    expect(byState['milieu.tache.attente']).toEqual({ moves: ['informer', 'agir'], injects: [] });
    expect(byState['fin_ok']).toEqual({ moves: [], injects: [] });
  });
});
