// `acted` without XState's macrostep (acted-shortcut.ts) must change nothing a session records or
// shows: every built-in call's play-throughs and long random walks replay the same with and without
// it (observations, active states, context, pending timers after every step), and it is taken only
// where the plan says nothing else would happen.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { ManualScheduler } from '../clock/manual-scheduler.js';
import { SessionClock } from '../clock/session-clock.js';
import { compileScenario, type CompiledScenario } from '../scenario/compile.js';
import { parseScenario } from '../scenario/parse.js';
import { scenarioSchema, type ScenarioInput } from '../scenario/schema.js';
import { testScenarioInput } from '../testing/fixtures.js';
import { parsePlayThroughs } from '../tools/play-throughs.js';
import { stepInput } from '../tools/test-runner.js';
import type { Input } from '../timeline.js';
import { CallRun } from './call-run.js';
import { replayWith, type TimedInput } from './replay.js';

const SCENARIOS = new URL('../../../../scenarios/', import.meta.url);

const builtIn = readdirSync(SCENARIOS)
  .filter((name) => name.endsWith('.tests.yaml'))
  .map((name) => name.replace(/\.tests\.yaml$/, ''))
  .sort()
  .map((id) => {
    const parsed = parseScenario(readFileSync(new URL(`${id}.yaml`, SCENARIOS), 'utf8'));
    if (!parsed.ok) throw new Error(`${id}: ${parsed.errors[0]?.message}`);
    const tests = parsePlayThroughs(readFileSync(new URL(`${id}.tests.yaml`, SCENARIOS), 'utf8'));
    if (!tests.ok) throw new Error(`${id}.tests.yaml`);
    return { id, compiled: compileScenario(parsed.scenario), tests: tests.file.tests };
  });

/** Every step of a replay as the views and the record see it: what it said, states, context, timers. */
function replayTrace(
  compiled: CompiledScenario,
  inputs: readonly TimedInput[],
  until: number,
  actedShortcut: boolean,
) {
  const steps: unknown[] = [];
  const { observations, run } = replayWith(compiled, 11, inputs, {
    until,
    actedShortcut,
    onStep: (step, stepRun) =>
      steps.push({
        step,
        states: stepRun.states,
        context: stepRun.machineContext,
        timers: stepRun.clock.dueTimes(),
        phase: stepRun.phase,
      }),
  });
  return { observations, steps, ending: run.ending, counts: { ...run.actedCounts } };
}

/** A seeded walk through a call: sentences, offered moves, injects, pauses, silences of any length. */
function randomWalk(
  compiled: CompiledScenario,
  seed: number,
  length: number,
): { inputs: TimedInput[]; until: number } {
  let state = seed;
  const random = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const scheduler = new ManualScheduler(0);
  const clock = new SessionClock(scheduler);
  const run = new CallRun(compiled, { clock, seed: 11, onTimer: () => {}, actedShortcut: false });
  const inputs: TimedInput[] = [];
  const apply = (input: Input): void => {
    const t = clock.now();
    run.apply(input);
    inputs.push({ t, input });
  };
  apply({ kind: 'pickup' });
  for (let i = 0; i < length && !run.ended; i++) {
    scheduler.advanceBy(pick([0, 300, 2_000, 5_000, 12_000, 19_999, 20_000, 31_000, 65_000]));
    const roll = random();
    const moves = run.availableMoves();
    const injects = run.injectOptions().filter((inject) => inject.available);
    if (run.paused) apply({ kind: 'resume' });
    else if (roll < 0.4) apply({ kind: 'say', text: `Phrase ${i}` });
    else if (roll < 0.85 && moves.length > 0) apply({ kind: 'move', move: pick(moves).id });
    else if (roll < 0.95 && injects.length > 0) apply({ kind: 'inject', inject: pick(injects).id });
    else if (roll < 0.97) apply({ kind: 'pause' });
    else apply({ kind: run.onHold ? 'unhold' : 'hold' });
  }
  run.dispose();
  return { inputs, until: clock.now() + 60_000 };
}

/** How each built-in call's `acted`s went with the shortcut (filled by the replays below). */
const taken = new Map<string, { ignored: number; restarted: number; sent: number }>();

describe('acted without a macrostep', () => {
  it.each(builtIn.map((b) => [b.id, b] as const))(
    '%s: the play-throughs and random walks replay the same, entry for entry',
    (_id, { compiled, tests }) => {
      const totals = { ignored: 0, restarted: 0, sent: 0 };
      const cases = [
        ...tests.map((test) => ({
          inputs: test.steps.flatMap((step) => {
            const input = stepInput(step);
            return input ? [{ t: step.at, input }] : [];
          }),
          until: test.steps.at(-1)!.at,
        })),
        ...[1, 2, 3, 4].map((seed) => randomWalk(compiled, seed, 300)),
      ];
      for (const { inputs, until } of cases) {
        const fast = replayTrace(compiled, inputs, until, true);
        const xstate = replayTrace(compiled, inputs, until, false);
        expect(fast.observations).toEqual(xstate.observations);
        expect(fast.steps).toEqual(xstate.steps);
        expect(fast.ending).toEqual(xstate.ending);
        // Without the shortcut every `acted` reaches XState (some, in a call that took none, never).
        expect(xstate.counts.ignored + xstate.counts.restarted).toBe(0);
        expect(fast.counts.ignored + fast.counts.restarted + fast.counts.sent).toBe(xstate.counts.sent);
        for (const key of ['ignored', 'restarted', 'sent'] as const) totals[key] += fast.counts[key];
      }
      taken.set(_id, totals);
    },
  );

  it('is taken in most built-in calls (their silence timers), and not in those whose `acted` does more', () => {
    expect(taken.size).toBe(builtIn.length);
    const restarting = [...taken.values()].filter((counts) => counts.restarted > 0);
    expect(restarting.length).toBeGreaterThanOrEqual(Math.ceil(builtIn.length / 2));
    // The distress call's `acted` gives a cue (or its states take none): always XState's.
    expect(taken.get('detresse-suicidaire')).toMatchObject({ ignored: 0, restarted: 0 });
  });

  it('the tutorial call: ignored at the greeting, the silence timer restarted once listening', () => {
    const tutorial = builtIn.find((b) => b.id === 'appel-entrainement')!.compiled;
    const scheduler = new ManualScheduler(0);
    const clock = new SessionClock(scheduler);
    const run = new CallRun(tutorial, { clock, seed: 1, onTimer: () => {} });
    run.apply({ kind: 'pickup' });
    run.apply({ kind: 'say', text: 'Allô ?' });
    expect(run.actedCounts).toEqual({ ignored: 1, restarted: 0, sent: 0 });
    const before = clock.dueTimes();
    scheduler.advanceTo(5_000);
    run.apply({ kind: 'move', move: 'se_presenter' });
    expect(run.states).toEqual(['ecoute.en_ligne']);
    // The move's own step entered `ecoute.en_ligne`; its `acted` restarted the timer it just set.
    expect(run.actedCounts).toEqual({ ignored: 1, restarted: 1, sent: 0 });
    expect(clock.dueTimes()).not.toEqual(before);
    scheduler.advanceTo(15_000);
    run.apply({ kind: 'say', text: 'Je vous écoute.' });
    expect(run.actedCounts.restarted).toBe(2);
    expect(clock.dueTimes()).toEqual([35_000]);
  });

  it('sends `acted` to XState when its transition does more than restart timers', () => {
    const input = silenceScenario({
      acted: { target: '.en_ligne', actions: { type: 'say', params: { line: 'merci' } } },
    });
    const { run, scheduler } = start(input);
    scheduler.advanceTo(1_000);
    const result = run.apply({ kind: 'say', text: 'Oui ?' });
    expect(result.ok && result.observations.map((o) => (o.kind === 'line' ? o.line : o.kind))).toEqual([
      'merci',
    ]);
    expect(run.actedCounts).toEqual({ ignored: 0, restarted: 0, sent: 1 });
  });

  it('sends `acted` while an eventless transition would fire again after it (a targetless `always`)', () => {
    // `always` with actions and no target fires once per macrostep while its guard holds: an `acted`
    // that reached XState says « Pas encore… » again, so the shortcut must not swallow it.
    const input = silenceScenario({
      acted: '.en_ligne',
      always: {
        guard: { type: 'flag', params: { name: 'informe' } },
        actions: { type: 'say', params: { line: 'aie' } },
      },
      informer: { actions: { type: 'flag', params: { name: 'informe' } } },
    });
    const inputs: TimedInput[] = [
      { t: 0, input: { kind: 'pickup' } },
      { t: 1_000, input: { kind: 'say', text: 'Bonjour.' } },
      { t: 2_000, input: { kind: 'move', move: 'informer' } },
      { t: 3_000, input: { kind: 'say', text: 'Je vous écoute.' } },
    ];
    const compiled = compileScenario(scenarioSchema.parse(input));
    const fast = replayTrace(compiled, inputs, 30_000, true);
    const xstate = replayTrace(compiled, inputs, 30_000, false);
    expect(fast.observations).toEqual(xstate.observations);
    const aie = fast.observations.filter(
      (o) => o.observation.kind === 'line' && o.observation.line === 'aie',
    );
    expect(aie.map((o) => o.t)).toEqual([2_000, 2_000, 3_000, 23_000]);
    // Restarted before the flag, sent to XState once the `always` guard holds.
    expect(fast.counts).toEqual({ ignored: 0, restarted: 1, sent: 2 });
  });

  it('goes through XState when coverage listens to its transitions', () => {
    const tutorial = builtIn.find((b) => b.id === 'appel-entrainement')!.compiled;
    const ids: string[] = [];
    const { run } = replayWith(
      tutorial,
      1,
      [
        { t: 0, input: { kind: 'pickup' } },
        { t: 1_000, input: { kind: 'move', move: 'se_presenter' } },
        { t: 2_000, input: { kind: 'say', text: 'Oui.' } },
      ],
      { onTransitions: (taken) => ids.push(...taken) },
    );
    expect(ids.filter((id) => id === 'ecoute|acted|0')).toHaveLength(2);
    expect(run.actedCounts).toEqual({ ignored: 0, restarted: 0, sent: 2 });
  });
});

/** One listening state whose 20 s silence prompt restarts through `on` (given) of its parent. */
function silenceScenario(on: Record<string, unknown>): ScenarioInput {
  const input = testScenarioInput();
  const { always, ...events } = on;
  input.machine = {
    id: 'call',
    initial: 'ecoute',
    states: {
      ecoute: {
        initial: 'en_ligne',
        states: {
          en_ligne: {
            after: {
              20000: {
                target: 'en_ligne',
                reenter: true,
                actions: { type: 'say', params: { line: 'silence' } },
              },
            },
          },
        },
        ...(always ? { always } : {}),
        on: events,
      },
    },
  } as never;
  return input;
}

function start(input: ScenarioInput): { run: CallRun; scheduler: ManualScheduler } {
  const compiled = compileScenario(scenarioSchema.parse(input));
  const scheduler = new ManualScheduler(0);
  const run = new CallRun(compiled, { clock: new SessionClock(scheduler), seed: 1, onTimer: () => {} });
  run.apply({ kind: 'pickup' });
  return { run, scheduler };
}
