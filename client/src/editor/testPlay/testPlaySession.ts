// A test-play of a draft, in the browser: the engine's `CallRun` on a manual clock (time moves only
// on « Avancer de 10 s »), the call kept as timeline entries for the transcript and the graph.
// Nothing leaves the page: no session is created, nothing is recorded on the server.
import {
  CallRun,
  compileScenario,
  labelsFor,
  ManualScheduler,
  parseScenario,
  ScenarioError,
  SessionClock,
  type ApplyResult,
  type CompiledScenario,
  type Input,
  type Observation,
  type ScenarioIssue,
  type Source,
  type TimelineEntry,
  type TrainerView,
} from '@ecoute/engine';
import type { KnownLabels } from '../../ui/useKnownLabels.js';

/** The simulated clock's step (ms). */
export const TEST_PLAY_STEP_MS = 10_000;

export type TestPlayStart = { ok: true; session: TestPlaySession } | { ok: false; issues: ScenarioIssue[] };

/** Reads the draft and starts a test-play of it, or says why it cannot be played. */
export function startTestPlay(text: string, seed = 1): TestPlayStart {
  const parsed = parseScenario(text);
  if (!parsed.ok) return { ok: false, issues: parsed.errors };
  try {
    return { ok: true, session: new TestPlaySession(compileScenario(parsed.scenario), seed) };
  } catch (error) {
    if (error instanceof ScenarioError) return { ok: false, issues: error.issues };
    throw error;
  }
}

export interface TestPlaySnapshot {
  entries: TimelineEntry[];
  view: TrainerView;
}

export class TestPlaySession {
  readonly compiled: CompiledScenario;
  readonly labels: KnownLabels;
  private readonly scheduler = new ManualScheduler();
  private readonly clock = new SessionClock(this.scheduler);
  private readonly run: CallRun;
  private entries: TimelineEntry[] = [];
  /** Transition ids taken in this test-play (what the graph marks as taken). */
  readonly transitions = new Set<string>();

  constructor(compiled: CompiledScenario, seed: number) {
    this.compiled = compiled;
    const labels = labelsFor(compiled.scenario, 'trainer');
    this.labels = {
      moves: new Map(Object.entries(labels.moves)),
      injects: new Map(Object.entries(labels.injects)),
      variables: new Map(Object.entries(labels.variables)),
      states: new Map(Object.entries(labels.states)),
    };
    this.run = new CallRun(compiled, {
      clock: this.clock,
      seed,
      onTimer: (observations) => {
        for (const { t, observation } of observations) this.observe(t, observation);
      },
      onTransitions: (ids) => ids.forEach((id) => this.transitions.add(id)),
    });
  }

  /** Applies an input as the listener (pickup, move, hangup) or the trainer (inject). */
  apply(input: Input): ApplyResult {
    const t = this.clock.now();
    const result = this.clock.hold(() => this.run.apply(input));
    if (result.ok) {
      this.push(t, input.kind === 'inject' ? 'trainer' : 'listener', { kind: 'input', input });
      for (const observation of result.observations) this.observe(t, observation);
    }
    return result;
  }

  /** Moves the simulated clock on: the timers due by then fire, each at its own due time. */
  advance(ms = TEST_PLAY_STEP_MS): void {
    if (!this.run.ended) this.scheduler.advanceBy(ms);
  }

  snapshot(): TestPlaySnapshot {
    return { entries: [...this.entries], view: this.run.viewFor('trainer') };
  }

  dispose(): void {
    this.run.dispose();
  }

  private observe(t: number, observation: Observation): void {
    this.push(t, observation.kind === 'line' ? 'caller' : 'system', { kind: 'observation', observation });
  }

  private push(
    t: number,
    source: Source,
    body: { kind: 'input'; input: Input } | { kind: 'observation'; observation: Observation },
  ): void {
    // No wall clock: a test-play is not a session, its rows only need an order and a call time.
    this.entries.push({ seq: this.entries.length + 1, t, at: new Date(0).toISOString(), source, ...body });
  }
}
