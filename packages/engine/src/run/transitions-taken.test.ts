// The transitions a call took, by id (`transitionId`): collected live through
// `CallRunOptions.onTransitions`, and again from the record by `rebuildRun` and `replay` — the
// group debrief counts them per call. A library call played through: a self-transition (a timer
// that re-enters its state), a compound state's transitions, a reaction without a target.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { ManualScheduler } from '../clock/manual-scheduler.js';
import { SessionClock } from '../clock/session-clock.js';
import { compileScenario } from '../scenario/compile.js';
import { parseScenario } from '../scenario/parse.js';
import { listTransitions } from '../scenario/transitions.js';
import type { Input, Observation, TimelineEntry } from '../timeline.js';
import { CallRun } from './call-run.js';
import { rebuildRun } from './rebuild.js';
import { replay } from './replay.js';

function libraryCall() {
  const parsed = parseScenario(
    readFileSync(new URL('../../../../scenarios/appel-entrainement.yaml', import.meta.url), 'utf8'),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return compileScenario(parsed.scenario);
}

/** The play-through: inputs at their session times. */
const PLAY: { t: number; input: Input }[] = [
  { t: 0, input: { kind: 'pickup' } },
  { t: 1_000, input: { kind: 'move', move: 'se_presenter' } },
  // 20 s of silence in « En ligne »: its timer re-enters it (a self-transition) at 21 s.
  { t: 25_000, input: { kind: 'move', move: 'reformuler' } },
  { t: 26_000, input: { kind: 'move', move: 'guider_pas_a_pas' } },
  { t: 27_000, input: { kind: 'move', move: 'guider_pas_a_pas' } },
  { t: 28_000, input: { kind: 'move', move: 'guider_pas_a_pas' } },
];

/** Plays `PLAY` live on a manual clock, recording the timeline and the transitions taken. */
function playLive(seed: number) {
  const compiled = libraryCall();
  const scheduler = new ManualScheduler(0);
  const clock = new SessionClock(scheduler);
  const taken: string[] = [];
  const entries: TimelineEntry[] = [];
  const at = new Date(0).toISOString();
  const observe = (t: number, observation: Observation): void => {
    entries.push({ seq: entries.length + 1, t, at, source: 'system', kind: 'observation', observation });
  };
  const run = new CallRun(compiled, {
    clock,
    seed,
    onTransitions: (ids) => taken.push(...ids),
    onTimer: (timed) => timed.forEach(({ t, observation }) => observe(t, observation)),
  });
  for (const { t, input } of PLAY) {
    scheduler.advanceTo(t);
    const result = run.apply(input);
    if (!result.ok) throw new Error(result.code);
    entries.push({ seq: entries.length + 1, t, at, source: 'listener', kind: 'input', input });
    for (const observation of result.observations) observe(t, observation);
  }
  run.dispose();
  return { compiled, taken, entries };
}

describe('the transitions a call took', () => {
  it('are collected live by id, self-transitions and compound states included', () => {
    const { compiled, taken } = playLive(3);
    expect(taken).toEqual([
      'accueil|se_presenter|0',
      'ecoute|acted|0',
      'ecoute.en_ligne|after 20000|0',
      'ecoute|reformuler|0',
      'ecoute|acted|0',
      'ecoute|guider_pas_a_pas|0',
      'guidage|guider_pas_a_pas|1',
      'guidage|guider_pas_a_pas|0',
    ]);
    // Every id is one of the scenario's transitions (what the graph's edges are named by).
    const known = new Set(listTransitions(compiled.scenario).map((t) => t.id));
    for (const id of taken) expect(known.has(id)).toBe(true);
  });

  it('are the same, in the same order, when the call is rebuilt from its record or replayed', () => {
    const live = playLive(3);
    const rebuilt: string[] = [];
    const result = rebuildRun(live.compiled, 3, live.entries, {
      scheduler: new ManualScheduler(0),
      onTimer: () => undefined,
      onTransitions: (ids) => rebuilt.push(...ids),
    });
    expect(result.mismatches).toEqual([]);
    result.run.dispose();
    expect(rebuilt).toEqual(live.taken);

    const replayed: string[] = [];
    replay(live.compiled, 3, PLAY, { onTransitions: (ids) => replayed.push(...ids) });
    expect(replayed).toEqual(live.taken);
  });

  it('differ when the call takes another way', () => {
    const compiled = libraryCall();
    const taken: string[] = [];
    replay(
      compiled,
      3,
      [
        { t: 0, input: { kind: 'pickup' } },
        { t: 1_000, input: { kind: 'move', move: 'se_presenter' } },
        { t: 2_000, input: { kind: 'move', move: 'proposer_rappel' } },
      ],
      { onTransitions: (ids) => taken.push(...ids) },
    );
    expect(taken).toEqual(['accueil|se_presenter|0', 'ecoute|acted|0', 'ecoute|proposer_rappel|0']);
  });
});
