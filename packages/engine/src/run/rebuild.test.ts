import { describe, it, expect } from '@jest/globals';
import { ManualScheduler } from '../clock/manual-scheduler.js';
import { SessionClock } from '../clock/session-clock.js';
import { compileScenario, type CompiledScenario } from '../scenario/compile.js';
import { PARDON_LINE, PARDON_TEXTS } from '../speech/pardon.js';
import { testScenario } from '../testing/fixtures.js';
import type { Input, Observation, Source, TimedObservation, TimelineEntry } from '../timeline.js';
import { CallRun } from './call-run.js';
import { RunRebuild, rebuildRun } from './rebuild.js';
import { replay } from './replay.js';

/** A scenario whose silence timer repeats every second while nothing happens. */
function repeating(): CompiledScenario {
  return compileScenario(
    testScenario((s) => {
      s.machine.states['debut']!.after = {
        1000: {
          target: 'debut',
          reenter: true,
          actions: { type: 'adjust', params: { variable: 'detresse', by: 1 } },
        },
      };
    }),
  );
}

/** A live session as the server records it: entries with seq, t and source, timers included. */
class Recorder {
  readonly scheduler = new ManualScheduler(50_000);
  readonly clock = new SessionClock(this.scheduler);
  readonly entries: TimelineEntry[] = [];
  readonly run: CallRun;

  constructor(compiled: CompiledScenario, seed = 7) {
    this.run = new CallRun(compiled, {
      clock: this.clock,
      seed,
      onTimer: (timed) => this.record([], timed),
    });
  }

  /** Applies `input` at scheduler time `at`; records it if accepted. */
  apply(at: number, input: Input, source: Source = 'listener'): boolean {
    this.scheduler.advanceTo(at);
    const result = this.run.apply(input);
    if (!result.ok) return false;
    const t = this.clock.now();
    this.record(
      [{ source, input }],
      result.observations.map((observation) => ({ t, observation })),
    );
    return true;
  }

  record(inputs: { source: Source; input: Input }[], observations: TimedObservation[]): void {
    const t = observations[0]?.t ?? this.clock.now();
    let seq = this.entries.length;
    const at = new Date(0).toISOString();
    for (const { source, input } of inputs)
      this.entries.push({ seq: ++seq, t, at, source, kind: 'input', input });
    for (const { observation } of observations)
      this.entries.push({ seq: ++seq, t, at, source: 'system', kind: 'observation', observation });
  }
}

const timedObservations = (entries: readonly TimelineEntry[]): TimedObservation[] =>
  entries.flatMap((e) => (e.kind === 'observation' ? [{ t: e.t, observation: e.observation }] : []));
const timedInputs = (entries: readonly TimelineEntry[]) =>
  entries.flatMap((e) => (e.kind === 'input' ? [{ t: e.t, input: e.input }] : []));

describe('rebuildRun', () => {
  it('rebuilds the recorded observations, timers after the last input included, and pauses at the last moment', () => {
    const compiled = repeating();
    const live = new Recorder(compiled);
    live.apply(50_000, { kind: 'pickup' });
    live.apply(51_500, { kind: 'say', text: 'Allô ?' });
    live.scheduler.advanceTo(53_200); // timers at 1000, 2000, 3000 recorded; the next one is due at 4000
    const lastT = live.entries.at(-1)!.t;
    expect(lastT).toBe(3000);

    const real = new ManualScheduler(9_000_000);
    const afterwards: TimedObservation[] = [];
    const result = rebuildRun(compiled, 7, live.entries, {
      scheduler: real,
      onTimer: (timed) => afterwards.push(...timed),
    });
    expect(result.mismatches).toEqual([]);
    expect(result.observations).toEqual(timedObservations(live.entries));
    expect(result.t).toBe(3000);
    expect(result.pause).toEqual({ t: 3000, input: { kind: 'pause' } });
    expect(result.run.paused).toBe(true);
    // As the live run was, paused at its last recorded moment (it had reached 3200 unrecorded).
    live.run.apply({ kind: 'pause' });
    expect(result.run.viewFor('trainer')).toEqual({ ...live.run.viewFor('trainer'), t: 3000 });

    // Paused on real time: nothing fires however long the trainer waits.
    real.advanceBy(60_000);
    expect(afterwards).toEqual([]);
    expect(result.run.apply({ kind: 'move', move: 'ecouter' })).toMatchObject({ code: 'session/paused' });
    // Resumed: the pending timer fires after its remaining 1000 ms, at session time 4000.
    expect(result.run.apply({ kind: 'resume' })).toEqual({ ok: true, observations: [] });
    real.advanceBy(999);
    expect(afterwards).toEqual([]);
    real.advanceBy(1);
    expect(afterwards.map((e) => [e.t, e.observation.kind])).toEqual([
      [4000, 'variable'],
      [4000, 'line'],
    ]);
    expect(result.run.clock.now()).toBe(4000);
  });

  it('leaves a timeline that, with the recorded pause and what follows, replays exactly', () => {
    const compiled = repeating();
    const live = new Recorder(compiled);
    live.apply(50_000, { kind: 'pickup' });
    live.apply(51_200, { kind: 'move', move: 'ecouter' });
    const entries = [...live.entries];

    const real = new ManualScheduler(0);
    const after: TimedObservation[] = [];
    const result = rebuildRun(compiled, 7, entries, { scheduler: real, onTimer: (o) => after.push(...o) });
    expect(result.mismatches).toEqual([]);
    // The server records the pause, then the session goes on.
    const inputs = [...timedInputs(entries), { t: result.pause!.t, input: result.pause!.input }];
    const observations = [...timedObservations(entries)];
    real.advanceBy(5000);
    const go = (input: Input) => {
      const t = result.run.clock.now();
      const r = result.run.apply(input);
      if (!r.ok) throw new Error(r.message);
      inputs.push({ t, input });
      observations.push(...r.observations.map((observation) => ({ t, observation })));
    };
    go({ kind: 'resume' });
    real.advanceBy(700);
    go({ kind: 'inject', inject: 'bruit' });
    real.advanceBy(300);
    go({ kind: 'hangup' });
    expect(observations.at(-1)?.observation).toMatchObject({ kind: 'ending', reason: 'hangup' });
    expect(replay(compiled, 7, inputs)).toEqual([...observations]);
  });

  it('adds no pause to a session the trainer had paused, and rebuilds an ended call as ended', () => {
    const compiled = repeating();
    const paused = new Recorder(compiled);
    paused.apply(50_000, { kind: 'pickup' });
    paused.apply(50_500, { kind: 'pause' }, 'trainer');
    paused.scheduler.advanceBy(10_000);
    const a = rebuildRun(compiled, 7, paused.entries, {
      scheduler: new ManualScheduler(),
      onTimer: () => {},
    });
    expect(a.mismatches).toEqual([]);
    expect(a.pause).toBeNull();
    expect(a.run.paused).toBe(true);
    expect(a.t).toBe(500);

    const ended = new Recorder(compiled);
    ended.apply(50_000, { kind: 'pickup' });
    ended.apply(52_500, { kind: 'hangup' });
    const b = rebuildRun(compiled, 7, ended.entries, { scheduler: new ManualScheduler(), onTimer: () => {} });
    expect(b.mismatches).toEqual([]);
    expect(b.run.ended).toBe(true);
    expect(b.pause).toBeNull();
  });

  it('reports where the rebuild departs from the record', () => {
    const compiled = repeating();
    const live = new Recorder(compiled);
    live.apply(50_000, { kind: 'pickup' });
    live.scheduler.advanceTo(52_000);
    const entries = live.entries.map((e) => structuredClone(e));
    const tampered = entries.find(
      (e) => e.kind === 'observation' && e.observation.kind === 'variable' && e.t === 2000,
    )!;
    (tampered as { observation: Observation }).observation = {
      kind: 'variable',
      variable: 'detresse',
      value: 9,
      previous: 6,
    };
    entries.push({
      seq: entries.length + 1,
      t: 2000,
      at: new Date(0).toISOString(),
      source: 'listener',
      kind: 'input',
      input: { kind: 'move', move: 'jamais' },
    });
    const result = rebuildRun(compiled, 7, entries, { scheduler: new ManualScheduler(), onTimer: () => {} });
    expect(result.mismatches).toEqual([
      expect.objectContaining({ kind: 'input_refused', seq: entries.length, code: 'input/not_available' }),
      expect.objectContaining({ kind: 'observation', seq: tampered.seq }),
    ]);
  });

  it('takes a « Pardon ? » recorded in an earlier wording for the same line, not one of another rank', () => {
    const compiled = compileScenario(testScenario());
    const live = new Recorder(compiled, 3);
    live.apply(50_000, { kind: 'pickup' });
    const heard = { kind: 'interpret', text: 'Hmm', move: 'ecouter', score: 0.1, runnerUp: null } as const;
    for (let n = 0; n < 12; n++) live.apply(50_100 + n, { ...heard, n, understood: false });
    // The wordings sessions were recorded with before (« sûr », whoever the caller is).
    const before = [
      'Pardon ?',
      "Excusez-moi, je n'ai pas bien compris…",
      'Comment ? Vous pouvez répéter ?',
      'Je ne suis pas sûr de vous suivre…',
      "Pardon, qu'est-ce que vous voulez dire ?",
    ];
    const pardons = (entries: TimelineEntry[]) =>
      entries.flatMap((e) =>
        e.kind === 'observation' && e.observation.kind === 'line' && e.observation.line === PARDON_LINE
          ? [e.observation]
          : [],
      );
    const recorded = live.entries.map((e) => structuredClone(e));
    const lines = pardons(recorded);
    expect(new Set(lines.map((l) => l.text)).size).toBeGreaterThan(2);
    for (const line of lines) line.text = before[(PARDON_TEXTS as readonly string[]).indexOf(line.text)]!;
    const rebuild = () =>
      rebuildRun(compiled, 3, recorded, { scheduler: new ManualScheduler(), onTimer: () => {} }).mismatches;
    expect(rebuild()).toEqual([]);
    // Another rank's wording is another line: a mismatch.
    const first = lines[0]!;
    first.text = before[(before.indexOf(first.text) + 1) % before.length]!;
    expect(rebuild()).toEqual([expect.objectContaining({ kind: 'observation' })]);
    expect(PARDON_TEXTS.join(' ')).not.toMatch(/\bsûre? |\bseule? /);
  });

  it('rebuilds the same run fed in pieces (a warm handover: the head, then the tail), mismatches included', () => {
    const compiled = repeating();
    const live = new Recorder(compiled);
    live.apply(50_000, { kind: 'pickup' });
    live.apply(51_500, { kind: 'say', text: 'Allô ?' });
    live.scheduler.advanceTo(53_200);
    live.apply(54_100, { kind: 'move', move: 'ecouter' });
    live.scheduler.advanceTo(56_050);
    const entries = live.entries.map((e) => structuredClone(e));
    // One recorded observation differs from what the machine does: both ways must say so.
    const tampered = entries.filter((e) => e.kind === 'observation' && e.observation.kind === 'variable')[1]!;
    (tampered as { observation: Observation }).observation = {
      kind: 'variable',
      variable: 'detresse',
      value: 42,
      previous: 6,
    };
    const whole = rebuildRun(compiled, 7, entries, { scheduler: new ManualScheduler(0), onTimer: () => {} });
    expect(whole.mismatches).toEqual([expect.objectContaining({ kind: 'observation', seq: tampered.seq })]);

    for (const cut of [0, 1, 3, Math.floor(entries.length / 2), entries.length - 1, entries.length]) {
      const warm = new RunRebuild(compiled, 7, { scheduler: new ManualScheduler(0), onTimer: () => {} });
      warm.feed(entries.slice(0, cut));
      expect(warm.seq).toBe(cut);
      warm.feed(entries.slice(cut));
      const result = warm.finish();
      expect(result.mismatches).toEqual(whole.mismatches);
      expect(result.observations).toEqual(whole.observations);
      expect(result.t).toBe(whole.t);
      expect(result.pause).toEqual(whole.pause);
      expect(result.run.viewFor('trainer')).toEqual(whole.run.viewFor('trainer'));
      result.run.dispose();
    }
    // A tail that does not follow the head is refused, not replayed out of order.
    const gap = new RunRebuild(compiled, 7, { scheduler: new ManualScheduler(0), onTimer: () => {} });
    gap.feed(entries.slice(0, 2));
    expect(() => gap.feed(entries.slice(3))).toThrow(/seq 4 after 2/);
    gap.dispose();
  });
});
