import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { compileScenario, parseScenario } from '@ecoute/engine';
import type { CompiledScenario, Input, Observation, TimelineEntry, TrainerView } from '@ecoute/engine';
import { findWorkspaceRoot } from '../config/env.js';
import { CallWatch, byUrgency } from './call-watch.js';

function training(): CompiledScenario {
  const text = readFileSync(path.join(findWorkspaceRoot(), 'scenarios', 'appel-entrainement.yaml'), 'utf8');
  const parsed = parseScenario(text, 'appel-entrainement');
  if (!parsed.ok) throw new Error('scenario');
  return compileScenario(parsed.scenario);
}

let seq = 0;
const input = (t: number, source: 'listener' | 'trainer', value: Input): TimelineEntry => ({
  seq: ++seq,
  t,
  at: '',
  source,
  kind: 'input',
  input: value,
});
const observation = (t: number, value: Observation): TimelineEntry => ({
  seq: ++seq,
  t,
  at: '',
  source: 'system',
  kind: 'observation',
  observation: value,
});

function view(patch: Partial<TrainerView>): TrainerView {
  return {
    role: 'trainer',
    phase: 'connected',
    paused: false,
    t: 0,
    states: ['accueil'],
    variables: [
      {
        id: 'detresse',
        label: 'Détresse',
        value: 4,
        min: 0,
        max: 10,
        thresholds: { direction: 'up', warning: 6, danger: 8 },
      },
    ],
    ending: null,
    ...patch,
  } as TrainerView;
}

const cast = { sessionId: 's1', round: 1, group: 1, listener: 'Ana', callerActor: null, observers: [] };

describe('CallWatch', () => {
  const compiled = training();

  it('shows no call time while the phone rings', () => {
    const watch = new CallWatch(cast, compiled);
    watch.absorb([], view({ phase: 'ringing' }));
    expect(watch.tile(12_000, 'Appel')).toMatchObject({ t: 12_000, callMs: null });
  });

  it('alerts a silence over 30 s of call time, counted from the last words, not during a hold', () => {
    const watch = new CallWatch(cast, compiled);
    watch.absorb([input(1_000, 'listener', { kind: 'pickup' })], view({}));
    expect(watch.tile(30_000, 'Appel').alerts).toEqual([]);
    expect(watch.tile(31_500, 'Appel').alerts).toEqual([{ kind: 'silence', ms: 30_500 }]);
    // The tile's time is call time, from the pickup (as the consoles read it), not session time.
    expect(watch.tile(31_500, 'Appel')).toMatchObject({ t: 31_500, callMs: 30_500 });
    watch.absorb([input(20_000, 'listener', { kind: 'say', text: 'Bonjour' })], view({}));
    expect(watch.tile(45_000, 'Appel').alerts).toEqual([]);
    watch.absorb([input(46_000, 'listener', { kind: 'hold' })], view({}));
    expect(watch.tile(59_000, 'Appel').alerts).toEqual([]);
  });

  it('counts no silence during a hold said in free speech, and counts again from its resume', () => {
    const reading = (n: number, move: string, phone: 'hold' | 'unhold'): Input => ({
      kind: 'interpret',
      n,
      text: 'Je vous mets en attente',
      move,
      score: 0.8,
      runnerUp: null,
      understood: true,
      phone,
    });
    const watch = new CallWatch(cast, compiled);
    const silences = (t: number) => watch.tile(t, 'Appel').alerts.filter((a) => a.kind === 'silence');
    watch.absorb([input(1_000, 'listener', { kind: 'pickup' })], view({}));
    watch.absorb([input(20_000, 'listener', reading(0, 'mettre_en_attente', 'hold'))], view({}));
    expect(silences(80_000)).toEqual([]);
    watch.absorb([input(90_000, 'listener', reading(1, 'reprendre_appel', 'unhold'))], view({}));
    expect(silences(119_000)).toEqual([]);
    expect(silences(121_000)).toEqual([{ kind: 'silence', ms: 31_000 }]);
  });

  it('alerts a protocol step missed once its delay is past, and not once it is taken', () => {
    const late = new CallWatch(cast, compiled);
    late.absorb([input(1_000, 'listener', { kind: 'pickup' })], view({}));
    const missed = late.tile(62_000, 'Appel').alerts.filter((a) => a.kind === 'protocol_missed');
    expect(missed.length).toBeGreaterThan(0);
    const onTime = new CallWatch(cast, compiled);
    onTime.absorb(
      [
        input(1_000, 'listener', { kind: 'pickup' }),
        input(5_000, 'listener', { kind: 'move', move: 'se_presenter' }),
        observation(5_000, { kind: 'state', states: ['ecoute.en_ligne', 'ecoute'] }),
      ],
      view({ states: ['ecoute.en_ligne', 'ecoute'] }),
    );
    const steps = onTime.tile(62_000, 'Appel').alerts.filter((a) => a.kind === 'protocol_missed');
    expect(steps.length).toBeLessThan(missed.length);
    expect(onTime.tile(62_000, 'Appel').stateLabel).toBe('En ligne');
  });

  it('alerts a variable at its danger threshold, keeps its sparkline, and the ending; sorts by urgency', () => {
    const watch = new CallWatch(cast, compiled);
    watch.absorb(
      [
        input(1_000, 'listener', { kind: 'pickup' }),
        observation(2_000, { kind: 'variable', variable: 'detresse', value: 6, previous: 4 }),
        observation(3_000, { kind: 'variable', variable: 'detresse', value: 8, previous: 6 }),
      ],
      view({ variables: [{ ...view({}).variables[0]!, value: 8 }] }),
    );
    const danger = watch.tile(4_000, 'Appel');
    expect(danger.alerts).toEqual([{ kind: 'danger', variable: 'Détresse' }]);
    expect(danger.variables[0]).toMatchObject({ level: 'danger', history: [4, 6, 8] });
    const ended = new CallWatch({ ...cast, sessionId: 's2', group: 2 }, compiled);
    ended.absorb(
      [observation(9_000, { kind: 'ending', ending: null, outcome: 'good', message: '', reason: 'hangup' })],
      view({
        phase: 'ended',
        t: 9_000,
        ending: { ending: null, outcome: 'good', message: '', reason: 'hangup' },
      }),
    );
    const end = ended.tile(12_000, 'Appel');
    expect(end.alerts).toEqual([{ kind: 'ended', outcome: 'good' }]);
    expect(end.t).toBe(9_000);
    expect([end, danger].sort(byUrgency).map((tile) => tile.sessionId)).toEqual(['s1', 's2']);
  });
});
