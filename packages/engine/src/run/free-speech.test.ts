import { describe, expect, it } from '@jest/globals';
import { compileScenario } from '../scenario/compile.js';
import { PARDON_LINE, PARDON_TEXTS, pardonText } from '../speech/pardon.js';
import { startTestRun, testScenario } from '../testing/fixtures.js';
import { moveMadeBy, type Input, type TimedObservation } from '../timeline.js';
import { replay, replayWith, type TimedInput } from './replay.js';

const compiled = compileScenario(testScenario());
const understood = (n: number, move: string): Input => ({
  kind: 'interpret',
  n,
  text: 'Je vous écoute',
  move,
  score: 0.8,
  runnerUp: null,
  understood: true,
});
const notUnderstood = (n: number, askMs?: number, offered?: string[]): Input => ({
  kind: 'interpret',
  n,
  text: 'Hmm',
  move: 'ecouter',
  score: 0.1,
  runnerUp: null,
  understood: false,
  ...(askMs !== undefined ? { askMs } : {}),
  ...(offered ? { offered } : {}),
});

describe('free speech in the call run', () => {
  it('applies an understood interpretation as its move', () => {
    const { run } = startTestRun(compiled);
    run.apply({ kind: 'pickup' });
    const result = run.apply(understood(0, 'ecouter'));
    expect(result.ok && result.observations.some((o) => o.kind === 'state')).toBe(true);
    expect(run.states).toContain('milieu.tache.attente');
  });

  it('answers « Pardon ? » (a wording the seed picks) when not understood, without moving', () => {
    const { run } = startTestRun(compiled, 11);
    run.apply({ kind: 'pickup' });
    const result = run.apply(notUnderstood(0));
    expect(result).toEqual({
      ok: true,
      observations: [{ kind: 'line', line: PARDON_LINE, text: pardonText(11, 0) }],
    });
    expect(run.states).toEqual(['debut']);
    const wordings = new Set(Array.from({ length: 40 }, (_, i) => pardonText(3, i)));
    expect(wordings.size).toBeGreaterThan(1);
    for (const w of wordings) expect(PARDON_TEXTS).toContain(w);
  });

  it('waits for the trainer’s pick, then says « Pardon ? » on the session clock', () => {
    const { run, scheduler, timed } = startTestRun(compiled);
    run.apply({ kind: 'pickup' });
    expect(run.apply(notUnderstood(0, 500))).toEqual({ ok: true, observations: [] });
    expect(run.viewFor('trainer').speech.pending).toMatchObject({ n: 0, dueT: 500 });
    scheduler.advanceBy(499);
    expect(timed.filter((o) => o.observation.kind === 'line' && o.observation.line === PARDON_LINE)).toEqual(
      [],
    );
    scheduler.advanceBy(1);
    expect(
      timed.some((o) => o.t === 500 && o.observation.kind === 'line' && o.observation.line === PARDON_LINE),
    ).toBe(true);
    expect(run.viewFor('trainer').speech.pending).toBeNull();
  });

  it('leaves no timer on the clock once the call ends or the run is disposed, a pick waiting', () => {
    for (const close of ['end', 'dispose'] as const) {
      const { run, clock } = startTestRun(compiled);
      run.apply({ kind: 'pickup' });
      const machineTimers = clock.pending;
      run.apply(notUnderstood(0, 500));
      // The pick's timeout, on top of the machine's own.
      expect(clock.pending).toBe(machineTimers + 1);
      if (close === 'end') run.apply({ kind: 'end' });
      else run.dispose();
      expect(clock.pending).toBe(0);
    }
  });

  it('a trainer’s pick applies the move and cancels the timeout', () => {
    const { run, scheduler, timed } = startTestRun(compiled);
    run.apply({ kind: 'pickup' });
    run.apply(notUnderstood(0, 500));
    expect(run.correctionApplies(0, 'ecouter')).toBe(true);
    const result = run.apply({ kind: 'correct', n: 0, move: 'ecouter', applied: true });
    expect(result.ok).toBe(true);
    expect(run.states).toContain('milieu.tache.attente');
    scheduler.advanceBy(1000);
    expect(timed.some((o) => o.observation.kind === 'line' && o.observation.line === PARDON_LINE)).toBe(
      false,
    );
  });

  it('a correction of an applied reading applies the corrected move only if offered and different', () => {
    const { run } = startTestRun(compiled);
    run.apply({ kind: 'pickup' });
    run.apply(understood(0, 'ecouter'));
    expect(run.correctionApplies(0, 'ecouter')).toBe(false);
    expect(run.correctionApplies(0, 'jamais')).toBe(false);
    expect(run.correctionApplies(0, 'informer')).toBe(true);
    expect(run.apply({ kind: 'correct', n: 0, move: 'jamais', applied: false })).toEqual({
      ok: true,
      observations: [],
    });
    expect(run.apply({ kind: 'correct', n: 0, move: 'jamais', applied: true }).ok).toBe(false);
    expect(run.apply({ kind: 'correct', n: 5, move: 'informer', applied: false }).ok).toBe(false);
    expect(run.apply({ kind: 'correct', n: 0, move: 'informer', applied: true }).ok).toBe(true);
    expect(run.states).toContain('milieu.tache.fait');
  });

  it('keeps the moves offered when each sentence was said, whatever the call offers since', () => {
    const { run } = startTestRun(compiled);
    run.apply({ kind: 'pickup' });
    // Said at the start, recorded without `offered` (as before it was recorded): the state's.
    run.apply(notUnderstood(0));
    run.apply(understood(1, 'ecouter'));
    expect(run.movesOfferedAt(0)).toEqual(['ecouter']);
    // Read against the moves offered before it applied its own.
    expect(run.movesOfferedAt(1)).toEqual(['ecouter']);
    expect(run.availableMoves().map((m) => m.id)).toEqual(['informer', 'agir']);
    // Recorded with the reading: kept as recorded.
    run.apply(notUnderstood(2, undefined, ['informer', 'agir']));
    expect(run.movesOfferedAt(2)).toEqual(['informer', 'agir']);
    run.apply({ kind: 'correct', n: 2, move: 'informer', applied: true });
    expect(run.availableMoves().map((m) => m.id)).toEqual(['agir']);
    expect(run.movesOfferedAt(0)).toEqual(['ecouter']);
    expect(run.movesOfferedAt(2)).toEqual(['informer', 'agir']);
    expect(run.movesOfferedAt(3)).toBeUndefined();
  });

  it('replays a session recorded without `offered`, its corrections of moves not offered then included', () => {
    const inputs: TimedInput[] = [
      { t: 0, input: { kind: 'pickup' } },
      { t: 300, input: notUnderstood(0) },
      { t: 600, input: understood(1, 'ecouter') },
      // Recorded before the server refused them: a move not offered when sentence 0 was said,
      // noted, and one offered now but not then, applied.
      { t: 700, input: { kind: 'correct', n: 0, move: 'jamais', applied: false } },
      { t: 800, input: { kind: 'correct', n: 0, move: 'informer', applied: true } },
    ];
    const refused: string[] = [];
    const { run } = replayWith(compiled, 5, inputs, {
      onStep: (step) => {
        if (step.kind === 'input' && !step.result.ok) refused.push(step.result.code);
      },
    });
    expect(refused).toEqual([]);
    expect(run.states).toContain('milieu.tache.fait');
    expect(run.movesOfferedAt(0)).toEqual(['ecouter']);
    expect(run.movesOfferedAt(1)).toEqual(['ecouter']);
  });

  it("offers the phone's hold, then its resume, to the reading whatever the state takes (`phoneMove`)", () => {
    // The call has both moves, and no state takes either: the phone's button still holds.
    const phoneOnly = compileScenario(
      testScenario((s) => {
        s.moves['mettre_en_attente'] = { label: 'Mettre en attente', category: 'action', help: '…' };
        s.moves['reprendre_appel'] = { label: "Reprendre l'appel", category: 'action', help: '…' };
      }),
    );
    const { run } = startTestRun(phoneOnly);
    expect(run.phoneMove()).toBeUndefined();
    run.apply({ kind: 'pickup' });
    expect(run.availableMoves().map((m) => m.id)).not.toContain('mettre_en_attente');
    expect(run.phoneMove()).toBe('mettre_en_attente');
    const asPhone = (input: Input, phone: 'hold' | 'unhold'): Input =>
      input.kind === 'interpret' ? { ...input, phone } : input;
    expect(run.apply(asPhone(understood(0, 'mettre_en_attente'), 'hold'))).toEqual({
      ok: true,
      observations: [{ kind: 'cue', cue: 'hold_music' }],
    });
    expect(run.onHold).toBe(true);
    expect(run.phoneMove()).toBe('reprendre_appel');
    expect(run.apply(asPhone(understood(1, 'reprendre_appel'), 'unhold'))).toEqual({
      ok: true,
      observations: [],
    });
    expect(run.onHold).toBe(false);
    run.apply({ kind: 'pause' });
    expect(run.phoneMove()).toBeUndefined();
    // A call without the moves: nothing to read them with (the phone's button only).
    const plain = startTestRun(compiled).run;
    plain.apply({ kind: 'pickup' });
    expect(plain.phoneMove()).toBeUndefined();
  });

  it("applies a reading recorded as the phone's hold or resume as the phone does; one recorded before, as its move", () => {
    const holding = compileScenario(
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
    const reading = (n: number, move: string, phone?: 'hold' | 'unhold'): Input => ({
      ...understood(n, move),
      ...(phone ? { phone } : {}),
    });
    const { run } = startTestRun(holding);
    run.apply({ kind: 'pickup' });
    expect(run.phoneHoldFor('mettre_en_attente')).toBe('hold');
    expect(run.phoneHoldFor('reprendre_appel')).toBeUndefined();
    expect(run.phoneHoldFor('ecouter')).toBeUndefined();
    expect(run.apply(reading(0, 'mettre_en_attente', 'hold'))).toEqual({
      ok: true,
      observations: [
        { kind: 'cue', cue: 'hold_music' },
        { kind: 'line', line: 'aie', text: 'Pas encore…' },
      ],
    });
    expect(run.onHold).toBe(true);
    expect(run.viewFor('listener').onHold).toBe(true);
    expect(run.phoneHoldFor('mettre_en_attente')).toBeUndefined();
    expect(run.phoneHoldFor('reprendre_appel')).toBe('unhold');
    // On hold: a second hold is refused, as the button's is, and nothing is recorded of it.
    expect(run.apply(reading(1, 'mettre_en_attente', 'hold'))).toMatchObject({
      ok: false,
      code: 'input/not_available',
    });
    expect(run.interpretationCount).toBe(1);
    expect(run.apply(reading(1, 'reprendre_appel', 'unhold'))).toEqual({
      ok: true,
      observations: [{ kind: 'line', line: 'merci', text: 'Merci.' }],
    });
    expect(run.onHold).toBe(false);
    expect(run.machineContext?.moveCounts).toEqual({ mettre_en_attente: 1, reprendre_appel: 1 });
    // Recorded before `phone`: the plain move, no music, not on hold (replays as recorded).
    expect(run.apply(reading(2, 'mettre_en_attente'))).toEqual({
      ok: true,
      observations: [{ kind: 'line', line: 'aie', text: 'Pas encore…' }],
    });
    expect(run.onHold).toBe(false);
    // A correction to the hold move recorded as the phone's: the same hold.
    run.apply(notUnderstood(3));
    expect(
      run.apply({ kind: 'correct', n: 3, move: 'mettre_en_attente', applied: true, phone: 'hold' }),
    ).toEqual({
      ok: true,
      observations: [
        { kind: 'cue', cue: 'hold_music' },
        { kind: 'line', line: 'aie', text: 'Pas encore…' },
      ],
    });
    expect(run.onHold).toBe(true);
  });

  it('counts a sentence as the listener acting as the guided input would (`actedFor`)', () => {
    const silent = compileScenario(
      testScenario((s) => {
        s.moves['alerter'] = { label: 'Alerter', category: 'action', help: '…', heard: false };
      }),
    );
    const { run } = startTestRun(silent);
    run.apply({ kind: 'pickup' });
    // Not understood: the listener spoke (a guided `say`); a move, unless the caller cannot hear
    // it (a guided `move`); the phone's hold or resume, never (the button sends no `acted`).
    expect(run.actedFor(null)).toBe(true);
    expect(run.actedFor('ecouter')).toBe(true);
    expect(run.actedFor('alerter')).toBe(false);
    expect(run.actedFor('mettre_en_attente', 'hold')).toBe(false);
  });

  it('refuses interpretations out of order', () => {
    const { run } = startTestRun(compiled);
    run.apply({ kind: 'pickup' });
    expect(run.apply(understood(1, 'ecouter')).ok).toBe(false);
  });

  it('replays a free-speech session to the same observations, timeouts included', () => {
    const { run, scheduler, clock, timed } = startTestRun(compiled, 5);
    const inputs: TimedInput[] = [];
    const log: TimedObservation[] = [];
    const step = (at: number, input: Input) => {
      const before = timed.length;
      scheduler.advanceTo(at);
      log.push(...timed.slice(before));
      const t = clock.now();
      const result = run.apply(input);
      if (!result.ok) throw new Error(result.message);
      inputs.push({ t, input });
      log.push(...result.observations.map((observation) => ({ t, observation })));
    };
    step(0, { kind: 'pickup' });
    step(300, notUnderstood(0));
    step(600, notUnderstood(1, 200));
    step(900, understood(2, 'ecouter'));
    step(950, { kind: 'correct', n: 2, move: 'informer', applied: true });
    expect(replay(compiled, 5, inputs)).toEqual(log);
    expect(inputs.map((i) => moveMadeBy(i.input))).toEqual([null, null, null, 'ecouter', 'informer']);
  });

  it('shows the listener what the mode allows', () => {
    for (const [mode, check] of [
      ['guided', (m: { help: string }[]) => m.every((x) => x.help !== '')],
      ['no_hints', (m: { help: string }[]) => m.length > 0 && m.every((x) => x.help === '')],
      ['free_speech', (m: unknown[]) => m.length === 0],
    ] as const) {
      const { run } = startTestRun(compiled, 7, { hintMode: mode });
      run.apply({ kind: 'pickup' });
      const view = run.viewFor('listener');
      expect(view.mode).toBe(mode);
      expect(check(view.moves)).toBe(true);
      expect(run.viewFor('trainer').moves.length).toBeGreaterThan(0);
    }
  });
});
