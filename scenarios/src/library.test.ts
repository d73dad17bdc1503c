// Every scenario file of the library parses, compiles, and is played to each of its endings
// through a CallRun on a manual clock. A new scenario needs its play-throughs below.
import { describe, it, expect } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import {
  CallRun,
  compileScenario,
  ManualScheduler,
  parseScenario,
  SessionClock,
  type CompiledScenario,
  type Input,
  type Observation,
  type Outcome,
} from '@ecoute/engine';

const dir = new URL('../', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

interface Step {
  /** Let this much session time pass first (timers fire). */
  wait?: number;
  input?: Input;
}
interface PlayThrough {
  name: string;
  steps: Step[];
  /** Every caller line said, in order (timer lines included). */
  lines: string[];
  /** Leaf states after the last step. */
  states: string[];
  ending: string | null;
  outcome: Outcome | null;
}

const move = (id: string): Step => ({ input: { kind: 'move', move: id } });
const pickup: Step = { input: { kind: 'pickup' } };

const playThroughs: Record<string, PlayThrough[]> = {
  'appel-entrainement': [
    {
      name: 'se présenter, reformuler, guider pas à pas (très bien), après un silence',
      steps: [
        pickup,
        { wait: 20_000 },
        move('se_presenter'),
        move('reformuler'),
        move('guider_pas_a_pas'),
        move('demander_ecran'),
        move('guider_pas_a_pas'),
        move('guider_pas_a_pas'),
      ],
      lines: [
        'allo',
        'toujours_la',
        'soulagee',
        'explique',
        'oui_cest_ca',
        'on_y_va',
        'ecran',
        'etape_suivante',
        'connectee',
      ],
      states: ['connectee'],
      ending: 'connectee',
      outcome: 'best',
    },
    {
      name: 'proposer un rappel (bien), la sonnette retentit',
      steps: [
        pickup,
        move('se_presenter'),
        { input: { kind: 'inject', inject: 'sonnette' } },
        move('valider_emotion'),
        move('proposer_rappel'),
      ],
      lines: ['allo', 'soulagee', 'explique', 'sonnette', 'ca_menerve', 'rappel'],
      states: ['rappel'],
      ending: 'rappel',
      outcome: 'good',
    },
    {
      name: 'guider trop vite et laisser des silences (échec)',
      steps: [
        pickup,
        move('se_presenter'),
        move('guider_pas_a_pas'),
        { wait: 20_000 },
        move('guider_pas_a_pas'),
        move('guider_pas_a_pas'),
      ],
      lines: [
        'allo',
        'soulagee',
        'explique',
        'pas_si_vite',
        'toujours_la',
        'pas_si_vite',
        'pas_si_vite',
        'je_raccroche',
      ],
      states: ['perdue'],
      ending: 'raccroche',
      outcome: 'failure',
    },
    {
      name: "raccrocher au nez de l'appelante (échec, raison hangup)",
      steps: [pickup, move('se_presenter'), { input: { kind: 'hangup' } }],
      lines: ['allo', 'soulagee', 'explique'],
      states: ['ecoute.en_ligne'],
      ending: 'raccroche',
      outcome: 'failure',
    },
  ],
};

function load(file: string): CompiledScenario {
  const parsed = parseScenario(readFileSync(new URL(file, dir), 'utf8'), file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors, null, 2));
  return compileScenario(parsed.scenario);
}

function play(compiled: CompiledScenario, steps: Step[]) {
  const scheduler = new ManualScheduler();
  const clock = new SessionClock(scheduler);
  const observations: Observation[] = [];
  const run = new CallRun(compiled, {
    clock,
    seed: 1,
    onTimer: (timed) => observations.push(...timed.map((e) => e.observation)),
  });
  for (const step of steps) {
    if (step.wait) scheduler.advanceBy(step.wait);
    if (step.input) {
      const result = run.apply(step.input);
      if (!result.ok)
        throw new Error(`${JSON.stringify(step.input)} refusé : ${result.code} ${result.message}`);
      observations.push(...result.observations);
    }
  }
  return { run, observations };
}

describe('scenario library', () => {
  it('has scenario files', () => {
    expect(files).toContain('appel-entrainement.yaml');
  });

  describe.each(files)('%s', (file) => {
    const compiled = load(file);
    const { scenario } = compiled;
    const paths = playThroughs[scenario.id] ?? [];

    it('is named after its id, starts with the schema comment, and has play-throughs for every ending', () => {
      expect(file).toBe(`${scenario.id}.yaml`);
      expect(readFileSync(new URL(file, dir), 'utf8').split('\n')[0]).toBe(
        '# yaml-language-server: $schema=./scenario.schema.json',
      );
      expect([...new Set(paths.map((p) => p.ending))].sort()).toEqual(Object.keys(scenario.endings).sort());
      expect(paths.some((p) => p.lines.includes('toujours_la') || p.steps.some((s) => s.wait))).toBe(true);
    });

    it.each(paths.map((p) => [p.name, p] as const))('%s', (_name, path) => {
      const { run, observations } = play(compiled, path.steps);
      expect(observations.flatMap((o) => (o.kind === 'line' ? [o.line] : []))).toEqual(path.lines);
      expect(run.phase).toBe('ended');
      expect(run.states).toEqual(path.states);
      const ending = observations.at(-1);
      expect(ending).toMatchObject({ kind: 'ending', ending: path.ending, outcome: path.outcome });
      expect(run.viewFor('listener').ending?.outcome).toBe(path.outcome);
    });
  });

  it('appel-entrainement: the silence timer fires after 20 s of silence, not before, and speaking resets it', () => {
    const compiled = load('appel-entrainement.yaml');
    const scheduler = new ManualScheduler();
    const clock = new SessionClock(scheduler);
    const timed: { t: number; observation: Observation }[] = [];
    const run = new CallRun(compiled, { clock, seed: 1, onTimer: (o) => timed.push(...o) });
    run.apply({ kind: 'pickup' });
    run.apply({ kind: 'move', move: 'se_presenter' });
    scheduler.advanceBy(15_000);
    run.apply({ kind: 'say', text: 'Je vous écoute, prenez votre temps.' });
    scheduler.advanceBy(19_999);
    expect(timed).toEqual([]);
    scheduler.advanceBy(1);
    expect(timed).toEqual([
      {
        t: 35_000,
        observation: {
          kind: 'line',
          line: 'toujours_la',
          text: 'Allô ? Vous êtes toujours là ?',
          cue: 'silence',
          voice: { rate: 0.8 },
        },
      },
      { t: 35_000, observation: { kind: 'variable', variable: 'detresse', value: 4, previous: 3 } },
    ]);
    scheduler.advanceBy(20_000);
    expect(timed.map((e) => e.t)).toEqual([35_000, 35_000, 55_000, 55_000]);
  });
});
