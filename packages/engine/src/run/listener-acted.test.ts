// The listener's acts restart silence timers (the `acted` event), and a prompt that repeats is
// said in several wordings, in an order drawn from the seed.
import { describe, expect, it } from '@jest/globals';
import { compileScenario } from '../scenario/compile.js';
import { parseScenario } from '../scenario/parse.js';
import { testScenarioInput, startTestRun } from '../testing/fixtures.js';
import { scenarioSchema, type ScenarioInput } from '../scenario/schema.js';
import type { Input, Observation } from '../timeline.js';
import { replay } from './replay.js';

const STILL_THERE = 'Allô ? Vous êtes toujours là ?';
const VARIANTS = ['Vous m’entendez ?', 'Il y a quelqu’un ?'];

/** A call whose listening state prompts after 20 s of silence; `restartOn` restarts the count. */
function silenceScenario(restartOn: 'say' | 'acted'): ScenarioInput {
  const input = testScenarioInput();
  input.lines = {
    ...input.lines,
    toujours_la: { text: STILL_THERE, cue: 'silence', variants: VARIANTS },
  };
  input.machine = {
    id: 'call',
    initial: 'ecoute',
    states: {
      ecoute: {
        label: 'Écoute',
        initial: 'en_ligne',
        states: {
          en_ligne: {
            label: 'En ligne',
            after: {
              20000: {
                target: 'en_ligne',
                reenter: true,
                actions: [
                  { type: 'say', params: { line: 'toujours_la' } },
                  { type: 'adjust', params: { variable: 'detresse', by: 1 } },
                ],
              },
            },
          },
        },
        on: {
          [restartOn]: '.en_ligne',
          ecouter: { actions: { type: 'say', params: { line: 'merci' } } },
        },
      },
    },
  };
  return input;
}

function play(restartOn: 'say' | 'acted', steps: { at: number; input: Input }[], until: number, seed = 7) {
  const compiled = compileScenario(scenarioSchema.parse(silenceScenario(restartOn)));
  const { run, scheduler, timed } = startTestRun(compiled, seed);
  const heard: { t: number; observation: Observation }[] = [];
  for (const { at, input } of steps) {
    scheduler.advanceTo(at);
    const result = run.apply(input);
    if (result.ok) for (const observation of result.observations) heard.push({ t: at, observation });
  }
  scheduler.advanceTo(until);
  const all = [...heard, ...timed].sort((a, b) => a.t - b.t);
  const prompts = all.filter((o) => o.observation.kind === 'line' && o.observation.line === 'toujours_la');
  return { run, compiled, all, prompts };
}

// The listener clicks a move every 15 s for a minute, then stops.
const clicking: { at: number; input: Input }[] = [
  { at: 0, input: { kind: 'pickup' } },
  ...[15_000, 30_000, 45_000, 60_000].map((at) => ({
    at,
    input: { kind: 'move', move: 'ecouter' } as Input,
  })),
];

describe('the listener acted', () => {
  it('restarts a silence timer on every move: no « toujours là ? » while the listener clicks', () => {
    const { prompts, run } = play('acted', clicking, 79_999);
    expect(prompts).toEqual([]);
    expect(run.variables['detresse']).toBe(5);
    // Twenty seconds after the last act, the caller worries.
    const later = play('acted', clicking, 80_000);
    expect(later.prompts.map((p) => p.t)).toEqual([80_000]);
  });

  it('a scenario that listens only to typed words still prompts the learner who clicks (the old trap)', () => {
    const { prompts, run } = play('say', clicking, 79_999);
    expect(prompts.map((p) => p.t)).toEqual([20_000, 40_000, 60_000]);
    expect(run.variables['detresse']).toBe(8);
  });

  it('counts a typed sentence as an act too', () => {
    const { prompts } = play(
      'acted',
      [
        { at: 0, input: { kind: 'pickup' } },
        { at: 19_000, input: { kind: 'say', text: 'Je vous écoute.' } },
      ],
      38_999,
    );
    expect(prompts).toEqual([]);
  });

  it('moves the restarted timer on the clock from the second act on, instead of setting a new one', () => {
    const compiled = compileScenario(scenarioSchema.parse(silenceScenario('acted')));
    const { run, scheduler, clock } = startTestRun(compiled);
    // The run's clock, watched: every timer it is asked to set.
    const set: number[] = [];
    const setTimeout = clock.setTimeout.bind(clock);
    clock.setTimeout = (fn, ms) => {
      const handle = setTimeout(fn, ms);
      set.push(handle);
      return handle;
    };
    run.apply({ kind: 'pickup' });
    expect(set).toHaveLength(1);
    scheduler.advanceTo(5_000);
    run.apply({ kind: 'move', move: 'ecouter' });
    // The first act goes through XState's scheduler: a new timer, whose handle the run notes.
    expect(set).toHaveLength(2);
    for (const at of [10_000, 15_000, 20_000]) {
      scheduler.advanceTo(at);
      run.apply({ kind: 'say', text: 'Je vous écoute.' });
    }
    // The next ones move it: no new timer, one pending, due 20 s after the last act.
    expect(set).toHaveLength(2);
    expect(clock.pending).toBe(1);
    expect(run.actedCounts.restarted).toBe(4);
    scheduler.advanceTo(39_999);
    expect(run.variables['detresse']).toBe(5);
    scheduler.advanceTo(40_000);
    expect(run.variables['detresse']).toBe(6);
  });

  it('replays to the same observations', () => {
    const { compiled, all } = play('acted', clicking, 120_000);
    const inputs = clicking.map(({ at, input }) => ({ t: at, input }));
    const replayed = replay(compiled, 7, inputs, { until: 120_000 });
    expect(replayed.map((o) => o.observation)).toEqual(all.map((o) => o.observation));
  });

  it('is a reserved name: a move may not be called `acted`', () => {
    const input = testScenarioInput();
    input.moves = { ...input.moves, acted: { label: 'Agir', category: 'action', help: 'Agir.' } };
    const result = parseScenario(JSON.stringify(input));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.message).join(' ')).toMatch(/réservé/);
  });
});

describe('wordings of a repeated prompt', () => {
  const silent = (seed: number) =>
    play('acted', [{ at: 0, input: { kind: 'pickup' } }], 60_000, seed).prompts.map((p) =>
      p.observation.kind === 'line' ? p.observation.text : '',
    );

  it('says each wording once before any comes back, in an order drawn from the seed', () => {
    const texts = silent(7);
    expect(texts).toHaveLength(3);
    expect(new Set(texts)).toEqual(new Set([STILL_THERE, ...VARIANTS]));
    // The same seed, the same words; the cue stays.
    expect(silent(7)).toEqual(texts);
    const first = play('acted', [{ at: 0, input: { kind: 'pickup' } }], 20_000, 7).prompts[0]!.observation;
    expect(first).toMatchObject({ kind: 'line', line: 'toujours_la', cue: 'silence' });
  });

  it('draws a different order for different seeds', () => {
    const orders = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((seed) => silent(seed).join('|')));
    expect(orders.size).toBeGreaterThan(1);
  });
});
