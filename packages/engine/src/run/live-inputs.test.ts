// The live role-play inputs (issue 4): join, hold, note, whisper, adlib, effect, bookmark,
// projector, speak; the caller-actor mode; the views of the four roles; replay with all of them.
import { describe, it, expect } from '@jest/globals';
import { compileScenario } from '../scenario/compile.js';
import { startTestRun, testScenario } from '../testing/fixtures.js';
import type { Input, Observation, TimedObservation } from '../timeline.js';
import { replay, type TimedInput } from './replay.js';

const ok = (observations: Observation[]) => ({ ok: true, observations });
const refused = (code: string) => expect.objectContaining({ ok: false, code });

describe('record-only inputs', () => {
  it('join, note, bookmark, whisper and projector change nothing in the call, even ringing or paused', () => {
    const { run } = startTestRun();
    const inputs: Input[] = [
      { kind: 'join', name: 'Camille' },
      { kind: 'note', text: 'Voix tremblante.', shared: false },
      { kind: 'bookmark', comment: 'Début' },
      { kind: 'whisper', text: 'Laissez sonner.' },
      { kind: 'projector', on: false },
    ];
    for (const input of inputs) expect(run.apply(input)).toEqual(ok([]));
    expect(run.phase).toBe('ringing');
    run.apply({ kind: 'pickup' });
    run.apply({ kind: 'pause' });
    for (const input of inputs) expect(run.apply(input)).toEqual(ok([]));
    expect(run.states).toEqual(['debut']);
  });

  it('after the ending, join, note, bookmark and projector are still recorded; a whisper is not', () => {
    const { run } = startTestRun();
    run.apply({ kind: 'end' });
    expect(run.apply({ kind: 'join', name: 'Camille' })).toEqual(ok([]));
    expect(run.apply({ kind: 'note', text: 'Après coup.', shared: true })).toEqual(ok([]));
    expect(run.apply({ kind: 'bookmark', comment: 'Fin' })).toEqual(ok([]));
    expect(run.apply({ kind: 'projector', on: true })).toEqual(ok([]));
    expect(run.apply({ kind: 'whisper', text: 'Trop tard.' })).toEqual(refused('session/ended'));
  });
});

describe('hold', () => {
  it('plays hold music, shows onHold in every view, refuses a second hold or an unhold off hold', () => {
    const { run } = startTestRun();
    expect(run.apply({ kind: 'hold' })).toEqual(refused('input/not_available'));
    run.apply({ kind: 'pickup' });
    expect(run.apply({ kind: 'unhold' })).toEqual(refused('input/not_available'));
    expect(run.apply({ kind: 'hold' })).toEqual(ok([{ kind: 'cue', cue: 'hold_music' }]));
    expect(run.phase).toBe('connected');
    expect(run.viewFor('listener').onHold).toBe(true);
    expect(run.viewFor('trainer').onHold).toBe(true);
    expect(run.viewFor('callerActor').onHold).toBe(true);
    const again = run.apply({ kind: 'hold' });
    expect(again).toEqual(refused('input/not_available'));
    expect(again.ok ? '' : again.message).toMatch(/déjà en attente/);
    expect(run.apply({ kind: 'unhold' })).toEqual(ok([]));
    expect(run.viewFor('listener').onHold).toBe(false);
    run.apply({ kind: 'pause' });
    expect(run.apply({ kind: 'hold' })).toEqual(refused('session/paused'));
  });

  it('is forwarded as the standard moves mettre_en_attente / reprendre_appel when the state takes them', () => {
    const compiled = compileScenario(
      testScenario((s) => {
        s.moves['mettre_en_attente'] = { label: 'Mettre en attente', category: 'action', help: '…' };
        s.moves['reprendre_appel'] = { label: "Reprendre l'appel", category: 'action', help: '…' };
        s.machine.states['debut']!.on!['mettre_en_attente'] = {
          actions: { type: 'say', params: { line: 'aie' } },
        };
        s.machine.states['debut']!.on!['reprendre_appel'] = {
          actions: { type: 'say', params: { line: 'merci' } },
        };
      }),
    );
    const { run } = startTestRun(compiled);
    run.apply({ kind: 'pickup' });
    expect(run.apply({ kind: 'hold' })).toEqual(
      ok([
        { kind: 'cue', cue: 'hold_music' },
        { kind: 'line', line: 'aie', text: 'Pas encore…' },
      ]),
    );
    expect(run.machineContext?.moveCounts).toEqual({ mettre_en_attente: 1 });
    expect(run.apply({ kind: 'unhold' })).toEqual(ok([{ kind: 'line', line: 'merci', text: 'Merci.' }]));
  });

  it('is forwarded as the event `hold` when the scenario handles it, and ends with the call', () => {
    const compiled = compileScenario(
      testScenario((s) => {
        s.injects = { ...s.injects, hold: { label: 'En attente', help: '…' } };
        s.machine.states['debut']!.on!['hold'] = { actions: { type: 'say', params: { line: 'aie' } } };
      }),
    );
    const { run } = startTestRun(compiled);
    run.apply({ kind: 'pickup' });
    expect(run.apply({ kind: 'hold' })).toEqual(
      ok([
        { kind: 'cue', cue: 'hold_music' },
        { kind: 'line', line: 'aie', text: 'Pas encore…' },
      ]),
    );
    run.apply({ kind: 'hangup' });
    expect(run.viewFor('listener').onHold).toBe(false);
  });
});

describe('adlib and effects', () => {
  it('an ad-lib line is a caller line with line id `adlib`; the machine is untouched', () => {
    const { run } = startTestRun();
    expect(run.apply({ kind: 'adlib', text: 'Attendez…' })).toEqual(refused('input/not_available'));
    run.apply({ kind: 'pickup' });
    const before = run.machineContext;
    expect(run.apply({ kind: 'adlib', text: 'Attendez, je cherche.' })).toEqual(
      ok([{ kind: 'line', line: 'adlib', text: 'Attendez, je cherche.' }]),
    );
    expect(run.machineContext).toEqual(before);
    run.apply({ kind: 'pause' });
    expect(run.apply({ kind: 'adlib', text: 'Allô ?' })).toEqual(refused('session/paused'));
  });

  it('crackle, silence and background noise give a cue', () => {
    const { run } = startTestRun();
    expect(run.apply({ kind: 'effect', effect: 'crackle' })).toEqual(refused('input/not_available'));
    run.apply({ kind: 'pickup' });
    expect(run.apply({ kind: 'effect', effect: 'crackle' })).toEqual(ok([{ kind: 'cue', cue: 'crackle' }]));
    expect(run.apply({ kind: 'effect', effect: 'silence' })).toEqual(ok([{ kind: 'cue', cue: 'silence' }]));
    expect(run.apply({ kind: 'effect', effect: 'background_noise' })).toEqual(
      ok([{ kind: 'cue', cue: 'noise' }]),
    );
    expect(run.states).toEqual(['debut']);
  });

  it('the caller hanging up or the line dropping ends the call with the hang-up ending', () => {
    const a = startTestRun();
    a.run.apply({ kind: 'pickup' });
    expect(a.run.apply({ kind: 'effect', effect: 'caller_hangup' })).toEqual(
      ok([
        { kind: 'cue', cue: 'hangup' },
        { kind: 'ending', ending: 'ko', outcome: 'failure', message: 'Raté.', reason: 'caller_hangup' },
      ]),
    );
    expect(a.run.phase).toBe('ended');
    expect(a.run.apply({ kind: 'effect', effect: 'call_drop' })).toEqual(refused('session/ended'));
    // While it still rings, too.
    const b = startTestRun();
    expect(b.run.apply({ kind: 'effect', effect: 'call_drop' })).toEqual(
      ok([{ kind: 'ending', ending: 'ko', outcome: 'failure', message: 'Raté.', reason: 'call_drop' }]),
    );
    expect(b.run.ending?.reason).toBe('call_drop');
  });
});

describe('projector', () => {
  it('observers see the variables and states only while it is on; the listener never', () => {
    const { run } = startTestRun();
    run.apply({ kind: 'pickup' });
    expect(run.viewFor('observer').projector).toBeNull();
    expect(run.viewFor('trainer').projector).toBe(false);
    run.apply({ kind: 'projector', on: true });
    expect(run.viewFor('observer').projector).toEqual({
      variables: [
        { id: 'detresse', label: 'Détresse', value: 5, min: 0, max: 10 },
        { id: 'confiance', label: 'Confiance', value: 5, min: 0, max: 10 },
      ],
      states: ['debut'],
    });
    expect(run.viewFor('listener').projector).toBeNull();
    expect(JSON.stringify(run.viewFor('listener'))).not.toMatch(/Détresse|SECRET/);
    expect(run.viewFor('trainer').projector).toBe(true);
    run.apply({ kind: 'projector', on: false });
    expect(run.viewFor('observer').projector).toBeNull();
  });
});

describe('caller actor', () => {
  it('turns the machine lines into suggestions; the listener hears what the actor speaks', () => {
    const { run, scheduler, timed } = startTestRun(undefined, 7, { callerActor: true });
    expect(run.apply({ kind: 'pickup' })).toEqual(
      ok([
        { kind: 'suggestion', line: 'bonjour', text: 'Bonjour ?' },
        { kind: 'state', states: ['debut'] },
      ]),
    );
    expect(run.viewFor('callerActor').suggestions).toEqual([{ line: 'bonjour', text: 'Bonjour ?' }]);
    expect(run.apply({ kind: 'speak', text: 'Bonjour…', line: 'bonjour' })).toEqual(
      ok([{ kind: 'line', line: 'bonjour', text: 'Bonjour…' }]),
    );
    expect(run.viewFor('callerActor').suggestions).toEqual([]);
    // A timer's line is a suggestion too; a suggested line id brings its cue and voice.
    scheduler.advanceBy(1000);
    expect(timed.map((o) => o.observation)).toEqual([
      { kind: 'suggestion', line: 'silence', text: 'Vous êtes là ?' },
      { kind: 'variable', variable: 'detresse', value: 6, previous: 5 },
    ]);
    expect(run.apply({ kind: 'speak', text: 'Vous êtes là ?', line: 'silence' })).toEqual(
      ok([{ kind: 'line', line: 'silence', text: 'Vous êtes là ?', cue: 'silence', voice: { rate: 0.8 } }]),
    );
    expect(run.apply({ kind: 'speak', text: 'Je ne sais plus.' })).toEqual(
      ok([{ kind: 'line', line: 'actor', text: 'Je ne sais plus.' }]),
    );
    expect(run.viewFor('trainer').callerActor).toBe(true);
  });

  it('shows the actor the persona, the states with their description and the injects as choices', () => {
    const compiled = compileScenario(
      testScenario((s) => {
        s.machine.states['debut']!.description = 'Paul hésite : il attend qu’on l’écoute.';
      }),
    );
    const { run } = startTestRun(compiled, 7, { callerActor: true });
    run.apply({ kind: 'pickup' });
    const view = run.viewFor('callerActor');
    expect(view.role).toBe('callerActor');
    expect(view.persona.background).toMatch(/SECRET/);
    expect(view.states).toEqual([
      { id: 'debut', label: 'Debut', description: 'Paul hésite : il attend qu’on l’écoute.' },
    ]);
    expect(view.choices.map((c) => [c.id, c.available])).toEqual([
      ['bruit', false],
      ['sonnette', false],
    ]);
    run.apply({ kind: 'move', move: 'ecouter' });
    expect(run.viewFor('callerActor').choices.find((c) => c.id === 'bruit')?.available).toBe(true);
    expect(run.viewFor('callerActor').states.map((s) => s.description)).toEqual([null, null]);
    expect(Object.keys(view)).not.toContain('variables');
  });

  /** Plays the test call to `fin_ok`, whose entry says « Au revoir. » and ends the call. */
  function toTheEnd(run: ReturnType<typeof startTestRun>['run'], speak: boolean): Observation[] {
    run.apply({ kind: 'pickup' });
    if (speak) run.apply({ kind: 'speak', text: 'Bonjour ?', line: 'bonjour' });
    run.apply({ kind: 'move', move: 'ecouter' });
    run.apply({ kind: 'move', move: 'informer' });
    run.apply({ kind: 'move', move: 'agir' });
    const last = run.apply({ kind: 'move', move: 'agir' });
    if (!last.ok) throw new Error(last.message);
    return last.observations;
  }

  it("waits for the caller's last words: the ending reached with a line comes once the actor has said it", () => {
    // The machine plays: « Au revoir. », then the ending, in the move's step.
    const machine = startTestRun(undefined, 7);
    expect(toTheEnd(machine.run, false)).toEqual([
      { kind: 'line', line: 'fin', text: 'Au revoir.' },
      { kind: 'state', states: ['fin_ok'] },
      { kind: 'ending', ending: 'ok', outcome: 'best', message: 'Bravo.', reason: 'scenario' },
    ]);
    // An actor plays: the line is theirs to say, the call not over until they have.
    const { run, scheduler, timed, compiled } = startTestRun(undefined, 7, { callerActor: true });
    expect(toTheEnd(run, true)).toEqual([
      { kind: 'suggestion', line: 'fin', text: 'Au revoir.' },
      { kind: 'state', states: ['fin_ok'] },
    ]);
    expect(run.ended).toBe(false);
    expect(run.phase).toBe('connected');
    const actorView = run.viewFor('callerActor');
    expect(actorView.closing).toBe(true);
    expect(actorView.ending).toBeNull();
    expect(actorView.suggestions).toEqual([{ line: 'fin', text: 'Au revoir.' }]);
    // The machine is done: no move, no timer (the first state's silence is long gone), but the
    // listener may still speak, and no « Pardon ? » answers them.
    expect(run.viewFor('listener').moves).toEqual([]);
    expect(run.apply({ kind: 'move', move: 'agir' })).toEqual(refused('input/not_available'));
    expect(run.apply({ kind: 'say', text: 'Au revoir, madame.' })).toEqual(ok([]));
    scheduler.advanceBy(60_000);
    expect(timed).toEqual([]);
    // The actor's own words first, then the line: the ending follows it, in its step.
    expect(run.apply({ kind: 'speak', text: 'Merci pour tout.' })).toEqual(
      ok([{ kind: 'line', line: 'actor', text: 'Merci pour tout.' }]),
    );
    expect(run.ended).toBe(false);
    expect(run.apply({ kind: 'speak', text: 'Au revoir !', line: 'fin' })).toEqual(
      ok([
        { kind: 'line', line: 'fin', text: 'Au revoir !' },
        { kind: 'ending', ending: 'ok', outcome: 'best', message: 'Bravo.', reason: 'scenario' },
      ]),
    );
    expect(run.ended).toBe(true);
    expect(run.viewFor('callerActor')).toMatchObject({ closing: false, suggestions: [] });
    expect(run.apply({ kind: 'speak', text: 'Encore ?' })).toEqual(refused('session/ended'));

    // A replay of the inputs gives the same: the line before the ending.
    const inputs: TimedInput[] = [
      { t: 0, input: { kind: 'pickup' } },
      { t: 0, input: { kind: 'speak', text: 'Bonjour ?', line: 'bonjour' } },
      ...(['ecouter', 'informer', 'agir', 'agir'] as const).map((move) => ({
        t: 0,
        input: { kind: 'move', move } as Input,
      })),
      { t: 500, input: { kind: 'speak', text: 'Au revoir !', line: 'fin' } },
    ];
    const replayed = replay(compiled, 7, inputs, { callerActor: true }).map((o) => o.observation.kind);
    expect(replayed.slice(-4)).toEqual(['suggestion', 'state', 'line', 'ending']);
  });

  it('ends a call waiting for the last words as the machine decided, whoever ends it first', () => {
    const ends: Input[] = [
      { kind: 'end' },
      { kind: 'hangup' },
      { kind: 'effect', effect: 'call_drop' },
      { kind: 'effect', effect: 'caller_hangup' },
    ];
    for (const input of ends) {
      const { run } = startTestRun(undefined, 7, { callerActor: true });
      toTheEnd(run, false);
      const result = run.apply(input);
      expect(result.ok && result.observations.at(-1)).toEqual({
        kind: 'ending',
        ending: 'ok',
        outcome: 'best',
        message: 'Bravo.',
        reason: 'scenario',
      });
      expect(run.ended).toBe(true);
    }
  });

  it("does not wait when the listener hung up: the caller's answer to it is never heard", () => {
    const { run } = startTestRun(undefined, 7, { callerActor: true });
    run.apply({ kind: 'pickup' });
    expect(run.apply({ kind: 'hangup' })).toEqual(
      ok([
        { kind: 'suggestion', line: 'tu_raccroches', text: 'Vous raccrochez ?' },
        {
          kind: 'ending',
          ending: 'raccroche_machine',
          outcome: 'partial',
          message: 'Il a entendu que vous raccrochiez.',
          reason: 'hangup',
        },
      ]),
    );
    expect(run.viewFor('callerActor').closing).toBe(false);
  });

  it('gives the actor the stage direction of a suggested line: how to say it', () => {
    const compiled = compileScenario(
      testScenario((s) => {
        s.lines['bonjour']!.direction = 'la voix tremble';
      }),
    );
    const { run } = startTestRun(compiled, 7, { callerActor: true });
    run.apply({ kind: 'pickup' });
    expect(run.viewFor('callerActor').suggestions).toEqual([
      { line: 'bonjour', text: 'Bonjour ?', direction: 'la voix tremble' },
    ]);
    expect(Object.keys(run.viewFor('callerActor').scenario)).not.toContain('summary');
  });

  it('refuses speak without a caller actor, before pickup and while paused', () => {
    const plain = startTestRun();
    plain.run.apply({ kind: 'pickup' });
    expect(plain.run.apply({ kind: 'speak', text: 'Allô' })).toEqual(refused('input/not_available'));
    const { run } = startTestRun(undefined, 7, { callerActor: true });
    expect(run.apply({ kind: 'speak', text: 'Allô' })).toEqual(refused('input/not_available'));
    run.apply({ kind: 'pickup' });
    run.apply({ kind: 'pause' });
    expect(run.apply({ kind: 'speak', text: 'Allô' })).toEqual(refused('session/paused'));
  });
});

describe('replay with the live inputs', () => {
  it('gives the live observations, in both modes, twice the same', () => {
    for (const callerActor of [false, true]) {
      const { run, scheduler, clock, timed, compiled } = startTestRun(undefined, 3, { callerActor });
      const steps: { at: number; input: Input }[] = [
        { at: 0, input: { kind: 'join', name: 'Camille' } },
        { at: 100, input: { kind: 'pickup' } },
        { at: 400, input: { kind: 'hold' } },
        { at: 900, input: { kind: 'unhold' } },
        { at: 1500, input: { kind: 'note', text: 'Il cherche ses mots.', shared: true } },
        { at: 1600, input: { kind: 'whisper', text: 'Reformulez.' } },
        { at: 1700, input: callerActor ? { kind: 'speak', text: 'Oui.' } : { kind: 'adlib', text: 'Oui.' } },
        { at: 1800, input: { kind: 'effect', effect: 'crackle' } },
        { at: 1900, input: { kind: 'projector', on: true } },
        { at: 2000, input: { kind: 'bookmark', comment: 'ici' } },
        { at: 2100, input: { kind: 'move', move: 'ecouter' } },
        { at: 2500, input: { kind: 'effect', effect: 'call_drop' } },
        { at: 2600, input: { kind: 'bookmark', comment: 'après' } },
      ];
      const log: TimedObservation[] = [];
      const inputs: TimedInput[] = [];
      for (const { at, input } of steps) {
        const before = timed.length;
        scheduler.advanceTo(at);
        log.push(...timed.slice(before));
        const t = clock.now();
        const result = run.apply(input);
        expect(result.ok).toBe(true);
        if (!result.ok) continue;
        inputs.push({ t, input });
        log.push(...result.observations.map((observation) => ({ t, observation })));
      }
      expect(log.at(-1)?.observation).toMatchObject({ kind: 'ending', reason: 'call_drop' });
      const again = replay(compiled, 3, inputs, callerActor ? { callerActor } : {});
      expect(again).toEqual(log);
      expect(replay(compiled, 3, inputs, callerActor ? { callerActor } : {})).toEqual(again);
    }
  });
});
