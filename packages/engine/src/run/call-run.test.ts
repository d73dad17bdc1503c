import { describe, it, expect } from '@jest/globals';
import { compileScenario } from '../scenario/compile.js';
import { startTestRun, testScenario } from '../testing/fixtures.js';
import type { Observation } from '../timeline.js';

const lines = (observations: Observation[]) =>
  observations.flatMap((o) => (o.kind === 'line' ? [o.line] : []));
const ok = (observations: Observation[]) => ({ ok: true, observations });

describe('CallRun', () => {
  it('rings until picked up: no moves, nothing but pickup, hangup, end and pause', () => {
    const { run } = startTestRun();
    expect(run.phase).toBe('ringing');
    expect(run.viewFor('listener').moves).toEqual([]);
    expect(run.apply({ kind: 'move', move: 'ecouter' })).toMatchObject({
      ok: false,
      code: 'input/not_available',
    });
    expect(run.apply({ kind: 'say', text: 'allô' })).toMatchObject({
      ok: false,
      code: 'input/not_available',
    });
    expect(run.apply({ kind: 'inject', inject: 'bruit' })).toMatchObject({
      ok: false,
      code: 'input/not_available',
    });
    expect(run.apply({ kind: 'pickup' })).toEqual(
      ok([
        { kind: 'line', line: 'bonjour', text: 'Bonjour ?' },
        { kind: 'state', states: ['debut'] },
      ]),
    );
    expect(run.phase).toBe('connected');
    const again = run.apply({ kind: 'pickup' });
    expect(again).toMatchObject({ ok: false, code: 'input/not_available' });
    expect(again.ok ? '' : again.message).toMatch(/décrocher/);
  });

  it("builds several roles' views at once, each equal to its own viewFor", () => {
    const { run } = startTestRun();
    run.apply({ kind: 'pickup' });
    run.apply({ kind: 'projector', on: true });
    const views = run.viewsFor(['listener', 'trainer', 'observer']);
    expect(Object.keys(views)).toEqual(['listener', 'trainer', 'observer']);
    expect(views.listener).toEqual(run.viewFor('listener'));
    expect(views.trainer).toEqual(run.viewFor('trainer'));
    expect(views.observer).toEqual(run.viewFor('observer'));
    expect(views.observer).toMatchObject({ role: 'observer', projector: { states: ['debut'] } });
    expect(run.viewsFor(['callerActor']).callerActor).toEqual(run.viewFor('callerActor'));
  });

  it('derives moves, injects and gauges once per moment for every role, anew after an input or a timer', () => {
    const { run, scheduler } = startTestRun();
    run.apply({ kind: 'pickup' });
    const moves = run.availableMoves();
    const gauges = run.gauges();
    expect(run.viewFor('listener').moves).toBe(moves);
    expect(run.viewFor('trainer').moves).toBe(moves);
    expect(run.viewFor('trainer').variables).toBe(gauges);
    // A moment that changes nothing they derive from (a note) keeps the same lists.
    const injectsBefore = run.injectOptions();
    run.apply({ kind: 'note', text: 'Elle hésite.', shared: false });
    expect(run.availableMoves()).toBe(moves);
    expect(run.injectOptions()).toBe(injectsBefore);
    expect(run.gauges()).toBe(gauges);
    // A timer is a moment: the silence raises the distress, the gauges say so.
    scheduler.advanceBy(1000);
    expect(run.gauges()).not.toBe(gauges);
    expect(run.gauges().find((g) => g.id === 'detresse')?.value).toBe(6);
    // An input is a moment: the moves offered are those of the new state.
    const injects = run.injectOptions();
    run.apply({ kind: 'move', move: 'ecouter' });
    expect(run.availableMoves()).not.toBe(moves);
    expect(run.availableMoves().map((m) => m.id)).not.toContain('ecouter');
    expect(run.injectOptions()).not.toBe(injects);
  });

  it('plays a full call: moves, parallel states, inject, clamping, guards, timer, ending', () => {
    const { run, scheduler, clock, timed } = startTestRun();
    run.apply({ kind: 'pickup' });
    expect(run.viewFor('listener').moves.map((m) => m.id)).toEqual(['ecouter']);

    scheduler.advanceBy(1000);
    expect(timed).toEqual([
      {
        t: 1000,
        observation: {
          kind: 'line',
          line: 'silence',
          text: 'Vous êtes là ?',
          cue: 'silence',
          voice: { rate: 0.8 },
        },
      },
      { t: 1000, observation: { kind: 'variable', variable: 'detresse', value: 6, previous: 5 } },
    ]);

    // A move the state does not offer is refused and changes nothing.
    const before = run.viewFor('trainer');
    expect(run.apply({ kind: 'move', move: 'jamais' })).toMatchObject({
      ok: false,
      code: 'input/not_available',
    });
    expect(run.apply({ kind: 'move', move: 'inconnu' })).toMatchObject({
      ok: false,
      code: 'input/not_available',
    });
    expect(run.viewFor('trainer')).toEqual(before);

    expect(run.apply({ kind: 'move', move: 'ecouter' })).toEqual(
      ok([
        { kind: 'variable', variable: 'confiance', value: 7, previous: 5 },
        { kind: 'state', states: ['milieu.humeur.calme', 'milieu.tache.attente'] },
      ]),
    );
    expect(run.viewFor('listener').moves.map((m) => m.id)).toEqual(['informer', 'agir']);
    expect(run.viewFor('trainer').injects.map((i) => [i.id, i.available])).toEqual([
      ['bruit', true],
      ['sonnette', false],
    ]);
    expect(run.apply({ kind: 'inject', inject: 'sonnette' })).toMatchObject({
      ok: false,
      code: 'input/not_available',
    });

    expect(run.apply({ kind: 'inject', inject: 'bruit' })).toEqual(
      ok([
        { kind: 'cue', cue: 'noise' },
        { kind: 'variable', variable: 'detresse', value: 10, previous: 6 },
        { kind: 'state', states: ['milieu.humeur.agitee', 'milieu.tache.attente'] },
      ]),
    );
    // First `agir`: the guard fails (nothing done yet), the fallback answers.
    expect(run.apply({ kind: 'move', move: 'agir' })).toEqual(
      ok([{ kind: 'line', line: 'aie', text: 'Pas encore…' }]),
    );
    expect(run.apply({ kind: 'say', text: 'Je vous écoute.' })).toEqual(ok([]));
    expect(run.apply({ kind: 'move', move: 'informer' })).toEqual(
      ok([
        { kind: 'line', line: 'merci', text: 'Merci.' },
        { kind: 'note', text: 'Information donnée.' },
        { kind: 'state', states: ['milieu.humeur.agitee', 'milieu.tache.fait'] },
      ]),
    );
    // Second `agir`: visited, flag, confiance ≥ 7 and (counting this one) 2 agir → the best ending.
    // The `say merci` after `end` in fin_ok's entry is dropped: the call is over.
    expect(run.apply({ kind: 'move', move: 'agir' })).toEqual(
      ok([
        { kind: 'line', line: 'fin', text: 'Au revoir.' },
        { kind: 'state', states: ['fin_ok'] },
        { kind: 'ending', ending: 'ok', outcome: 'best', message: 'Bravo.', reason: 'scenario' },
      ]),
    );
    expect(run.phase).toBe('ended');
    expect(clock.pending).toBe(0);
    for (const input of [
      { kind: 'pickup' },
      { kind: 'pause' },
      { kind: 'end' },
      { kind: 'hangup' },
    ] as const) {
      expect(run.apply(input)).toMatchObject({ ok: false, code: 'session/ended' });
    }
    const view = run.viewFor('trainer');
    expect(view.moves).toEqual([]);
    expect(view.ending).toEqual({ ending: 'ok', outcome: 'best', message: 'Bravo.', reason: 'scenario' });
    expect(view.variables.map((v) => [v.id, v.value])).toEqual([
      ['detresse', 10],
      ['confiance', 7],
    ]);
  });

  it('pause freezes the scenario timers and refuses call inputs; resume and end still work', () => {
    const { run, scheduler, timed } = startTestRun();
    run.apply({ kind: 'pickup' });
    scheduler.advanceBy(400);
    expect(run.apply({ kind: 'pause' })).toEqual(ok([]));
    expect(run.apply({ kind: 'pause' })).toEqual(ok([]));
    expect(run.viewFor('observer')).toMatchObject({ role: 'observer', paused: true, t: 400 });
    for (const input of [
      { kind: 'move', move: 'ecouter' },
      { kind: 'say', text: 'a' },
      { kind: 'hangup' },
      { kind: 'inject', inject: 'bruit' },
    ] as const) {
      expect(run.apply(input)).toMatchObject({ ok: false, code: 'session/paused' });
    }
    scheduler.advanceBy(60_000);
    expect(timed).toEqual([]);
    expect(run.apply({ kind: 'resume' })).toEqual(ok([]));
    scheduler.advanceBy(599);
    expect(timed).toEqual([]);
    scheduler.advanceBy(1);
    expect(timed.map((e) => [e.t, e.observation.kind])).toEqual([
      [1000, 'line'],
      [1000, 'variable'],
    ]);
    run.apply({ kind: 'pause' });
    expect(run.apply({ kind: 'end' })).toEqual(
      ok([
        {
          kind: 'ending',
          ending: null,
          outcome: null,
          message: 'Appel terminé par le formateur ou la formatrice.',
          reason: 'trainer',
        },
      ]),
    );
  });

  it('hang-up: the machine may end the call itself, with reason hangup', () => {
    const { run } = startTestRun();
    run.apply({ kind: 'pickup' });
    expect(run.apply({ kind: 'hangup' })).toEqual(
      ok([
        { kind: 'line', line: 'tu_raccroches', text: 'Vous raccrochez ?' },
        {
          kind: 'ending',
          ending: 'raccroche_machine',
          outcome: 'partial',
          message: 'Il a entendu que vous raccrochiez.',
          reason: 'hangup',
        },
      ]),
    );
  });

  it('hang-up the machine ignores ends with hangupEnding; so does a hang-up while ringing', () => {
    const a = startTestRun();
    a.run.apply({ kind: 'pickup' });
    a.run.apply({ kind: 'move', move: 'ecouter' });
    expect(a.run.apply({ kind: 'hangup' })).toEqual(
      ok([{ kind: 'ending', ending: 'ko', outcome: 'failure', message: 'Raté.', reason: 'hangup' }]),
    );
    const b = startTestRun();
    expect(b.run.apply({ kind: 'hangup' })).toEqual(
      ok([{ kind: 'ending', ending: 'ko', outcome: 'failure', message: 'Raté.', reason: 'hangup' }]),
    );
    expect(b.run.phase).toBe('ended');
  });

  it('gives the listener and observers no trainer-only data', () => {
    const { run } = startTestRun();
    run.apply({ kind: 'pickup' });
    for (const role of ['listener', 'observer'] as const) {
      const view = run.viewFor(role);
      expect(view.role).toBe(role);
      expect(Object.keys(view).sort()).toEqual([
        'ending',
        'mode',
        'moves',
        'onHold',
        'paused',
        'phase',
        'projector',
        'role',
        'scenario',
        't',
        'voice',
      ]);
      expect(Object.keys(view.scenario).sort()).toEqual(['id', 'title', 'version']);
      expect(JSON.stringify(view)).not.toMatch(/SECRET|detresse|bruit/);
    }
    const trainer = run.viewFor('trainer');
    expect(trainer.persona.background).toMatch(/SECRET/);
    expect(trainer.states).toEqual(['debut']);
    expect(trainer.scenario.summary).toMatch(/moteur/);
  });

  it('counts the current move in moveCount guards', () => {
    const compiled = compileScenario(
      testScenario((s) => {
        s.machine.states['debut']!.on = {
          ecouter: [
            {
              guard: { type: 'moveCount', params: { move: 'ecouter', op: '==', value: 3 } },
              target: 'fin_ok',
            },
            {
              guard: { type: 'moveCount', params: { op: '>=', value: 1 } },
              actions: { type: 'say', params: { line: 'aie' } },
            },
          ],
        };
      }),
    );
    const { run } = startTestRun(compiled);
    run.apply({ kind: 'pickup' });
    expect(
      lines((run.apply({ kind: 'move', move: 'ecouter' }) as { observations: Observation[] }).observations),
    ).toEqual(['aie']);
    expect(
      lines((run.apply({ kind: 'move', move: 'ecouter' }) as { observations: Observation[] }).observations),
    ).toEqual(['aie']);
    expect(
      lines((run.apply({ kind: 'move', move: 'ecouter' }) as { observations: Observation[] }).observations),
    ).toEqual(['fin']);
    expect(run.ending?.ending).toBe('ok');
  });

  it('ends the call with a coded error, rather than hanging, when guarded always transitions loop', () => {
    const compiled = compileScenario(
      testScenario((s) => {
        const always = (target: string) => ({
          guard: { type: 'compare' as const, params: { variable: 'detresse', op: '>=' as const, value: 0 } },
          target,
        });
        s.machine.states = {
          debut: { entry: { type: 'say', params: { line: 'bonjour' } }, on: { ecouter: 'a' } },
          a: { always: always('b') },
          b: { always: always('a') },
        };
      }),
    );
    const { run } = startTestRun(compiled);
    run.apply({ kind: 'pickup' });
    // A loop that never ended would hang here until Jest's timeout: the test needs no clock.
    const result = run.apply({ kind: 'move', move: 'ecouter' });
    expect(result.ok).toBe(true);
    const ending = result.ok ? result.observations.at(-1) : undefined;
    expect(ending).toMatchObject({ kind: 'ending', ending: null, outcome: null, reason: 'scenario' });
    expect(ending && 'message' in ending ? ending.message : '').toMatch(/erreur/);
    expect(run.phase).toBe('ended');
  });

  it('ends the call at pickup when the initial state loops', () => {
    const compiled = compileScenario(
      testScenario((s) => {
        const guard = { type: 'flag' as const, params: { name: 'jamais' } };
        s.machine.states = {
          debut: { always: { guard: { type: 'not', params: { guard } }, target: 'autre' } },
          autre: {
            entry: { type: 'flag', params: { name: 'pose' } },
            always: { guard: { type: 'not', params: { guard } }, target: 'debut' },
            on: { ecouter: { actions: { type: 'flag', params: { name: 'jamais' } } } },
          },
        };
      }),
    );
    const { run, clock } = startTestRun(compiled);
    const result = run.apply({ kind: 'pickup' });
    expect(result).toMatchObject({
      ok: true,
      observations: [
        {
          kind: 'ending',
          ending: null,
          outcome: null,
          reason: 'scenario',
          message: expect.stringMatching(/erreur/),
        },
      ],
    });
    expect(run.phase).toBe('ended');
    expect(clock.pending).toBe(0);
  });

  it('ends with the hangup ending when the machine reaches a final state without `end`', () => {
    const compiled = compileScenario(
      testScenario((s) => {
        s.machine.states['debut']!.on = { ecouter: 'fin_ok' };
        s.machine.states['fin_ok'] = { type: 'final', entry: { type: 'say', params: { line: 'fin' } } };
      }),
    );
    const { run } = startTestRun(compiled);
    run.apply({ kind: 'pickup' });
    expect(run.apply({ kind: 'move', move: 'ecouter' })).toEqual(
      ok([
        { kind: 'line', line: 'fin', text: 'Au revoir.' },
        { kind: 'state', states: ['fin_ok'] },
        { kind: 'ending', ending: 'ko', outcome: 'failure', message: 'Raté.', reason: 'scenario' },
      ]),
    );
  });
});
