// Shared test fixtures: a small scenario exercising every engine feature, and a run on a manual
// clock. Used by the engine's tests only (not exported from index.ts).
import { ManualScheduler } from '../clock/manual-scheduler.js';
import { SessionClock } from '../clock/session-clock.js';
import { CallRun, type CallRunOptions } from '../run/call-run.js';
import type { TimedInput } from '../run/replay.js';
import { compileScenario, type CompiledScenario } from '../scenario/compile.js';
import { parseScenario } from '../scenario/parse.js';
import { scenarioSchema, type Scenario, type ScenarioInput } from '../scenario/schema.js';
import type { TimedObservation } from '../timeline.js';

export function testScenarioInput(): ScenarioInput {
  return {
    id: 'appel-test',
    version: 3,
    title: 'Appel de test',
    summary: 'Un appel qui exerce chaque fonction du moteur.',
    difficulty: 'easy',
    durationMinutes: 5,
    persona: {
      name: 'Paul',
      age: 70,
      place: 'Brest',
      voice: { lang: 'fr-FR', rate: 1, pitch: 1 },
      background: 'SECRET: il a perdu ses lunettes.',
    },
    variables: {
      detresse: { label: 'Détresse', min: 0, max: 10, initial: 5 },
      confiance: { label: 'Confiance', min: 0, max: 10, initial: 5 },
    },
    lines: {
      bonjour: { text: 'Bonjour ?' },
      silence: { text: 'Vous êtes là ?', cue: 'silence', voice: { rate: 0.8 } },
      merci: { text: 'Merci.' },
      aie: { text: 'Pas encore…' },
      fin: { text: 'Au revoir.' },
      tu_raccroches: { text: 'Vous raccrochez ?' },
    },
    moves: {
      ecouter: { label: 'Écouter', category: 'listening', help: 'Écouter.' },
      informer: { label: 'Informer', category: 'information', help: 'Informer.' },
      agir: { label: 'Agir', category: 'action', help: 'Agir.' },
      jamais: { label: 'Jamais', category: 'action', help: 'Jamais disponible.' },
    },
    injects: {
      bruit: { label: 'Bruit', help: 'Un bruit de fond.' },
      sonnette: { label: 'Sonnette', help: 'On sonne.' },
    },
    endings: {
      ok: { outcome: 'best', message: 'Bravo.' },
      ko: { outcome: 'failure', message: 'Raté.' },
      raccroche_machine: { outcome: 'partial', message: 'Il a entendu que vous raccrochiez.' },
    },
    hangupEnding: 'ko',
    machine: {
      id: 'call',
      initial: 'debut',
      states: {
        debut: {
          entry: [{ type: 'say', params: { line: 'bonjour' } }],
          after: {
            1000: {
              actions: [
                { type: 'say', params: { line: 'silence' } },
                { type: 'adjust', params: { variable: 'detresse', by: 1 } },
              ],
            },
          },
          on: {
            ecouter: {
              target: 'milieu',
              actions: { type: 'adjust', params: { variable: 'confiance', by: 2 } },
            },
            hangup: {
              actions: [
                { type: 'say', params: { line: 'tu_raccroches' } },
                { type: 'end', params: { ending: 'raccroche_machine' } },
              ],
            },
          },
        },
        milieu: {
          type: 'parallel',
          states: {
            humeur: {
              initial: 'calme',
              states: {
                calme: {
                  on: { bruit: { target: 'agitee', actions: [{ type: 'cue', params: { cue: 'noise' } }] } },
                },
                agitee: { entry: { type: 'set', params: { variable: 'detresse', value: 99 } } },
              },
            },
            tache: {
              initial: 'attente',
              states: {
                attente: {
                  on: {
                    informer: {
                      target: 'fait',
                      actions: [
                        { type: 'say', params: { line: 'merci' } },
                        { type: 'flag', params: { name: 'informe' } },
                        { type: 'note', params: { text: 'Information donnée.' } },
                      ],
                    },
                  },
                },
                fait: {},
              },
            },
          },
          on: {
            agir: [
              {
                guard: {
                  type: 'all',
                  params: {
                    of: [
                      { type: 'visited', params: { state: 'milieu.tache.fait' } },
                      { type: 'flag', params: { name: 'informe' } },
                      { type: 'compare', params: { variable: 'confiance', op: '>=', value: 7 } },
                      {
                        type: 'not',
                        params: { guard: { type: 'moveCount', params: { move: 'agir', op: '<', value: 2 } } },
                      },
                    ],
                  },
                },
                target: 'fin_ok',
              },
              { actions: [{ type: 'say', params: { line: 'aie' } }] },
            ],
          },
        },
        fin_ok: {
          type: 'final',
          entry: [
            { type: 'say', params: { line: 'fin' } },
            { type: 'end', params: { ending: 'ok' } },
            { type: 'say', params: { line: 'merci' } },
          ],
        },
      },
    },
  };
}

export function testScenario(overrides: (s: ScenarioInput) => void = () => {}): Scenario {
  const input = testScenarioInput();
  overrides(input);
  return scenarioSchema.parse(input);
}

export interface TestRun {
  run: CallRun;
  scheduler: ManualScheduler;
  clock: SessionClock;
  /** Everything handed to onTimer, in order. */
  timed: TimedObservation[];
  compiled: CompiledScenario;
}

export function startTestRun(
  compiled: CompiledScenario = compileScenario(testScenario()),
  seed = 7,
  options: Pick<CallRunOptions, 'callerActor' | 'hintMode'> = {},
): TestRun {
  const scheduler = new ManualScheduler();
  const clock = new SessionClock(scheduler);
  const timed: TimedObservation[] = [];
  const run = new CallRun(compiled, {
    clock,
    seed,
    onTimer: (observations) => timed.push(...observations),
    ...options,
  });
  return { run, scheduler, clock, timed, compiled };
}

/** A scenario's YAML text (a library call's file, read by the test), compiled. */
export function compileText(text: string): CompiledScenario {
  const parsed = parseScenario(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return compileScenario(parsed.scenario);
}

/**
 * Plays timed inputs live in free speech on the manual clock, then runs the clock on to `until`:
 * the run and everything observed, in order, with its session time (the timers' and the inputs').
 */
export function playFreeSpeech(
  compiled: CompiledScenario,
  seed: number,
  inputs: readonly TimedInput[],
  until: number,
): { run: CallRun; log: TimedObservation[] } {
  const { run, scheduler, timed, clock } = startTestRun(compiled, seed, { hintMode: 'free_speech' });
  const log: TimedObservation[] = [];
  for (const { t, input } of inputs) {
    const before = timed.length;
    scheduler.advanceTo(t);
    log.push(...timed.slice(before));
    const result = run.apply(input);
    if (!result.ok) throw new Error(result.message);
    log.push(...result.observations.map((observation) => ({ t: clock.now(), observation })));
  }
  const before = timed.length;
  scheduler.advanceTo(until);
  log.push(...timed.slice(before));
  return { run, log };
}
