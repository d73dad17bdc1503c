// Crash recovery: rebuilds a live session's run from its recorded timeline, checks it against
// what was recorded, and hands it back running on real time, paused at its last moment.
//
// The recorded inputs are replayed on a manual scheduler advanced due time to due time (each
// timer fires at its own due time, as in the live run), then on to the last recorded entry's
// `t`, so that timer-driven observations recorded after the last input are reproduced. The
// rebuilt observations are compared with the recorded ones, entry for entry. No XState snapshot
// is restored (restored actors lose pending `after` timers): the run is rebuilt by replay only.
//
// The run is then paused at the last moment, through `apply({ kind: 'pause' })` (so its state is
// what a replay of the timeline plus that pause gives), and its session clock handed over to the
// given scheduler: when the trainer resumes, pending timers fire after their remaining time.
// Unless the session was already paused, the caller must record that pause (a `pause` input from
// source `system` at `pause.t`), so that a later replay of the timeline stays exact.
import { HandoverScheduler } from '../clock/handover-scheduler.js';
import { ManualScheduler } from '../clock/manual-scheduler.js';
import type { Scheduler } from '../clock/scheduler.js';
import { SessionClock } from '../clock/session-clock.js';
import type { CompiledScenario } from '../scenario/compile.js';
import type { Input, Observation, TimedObservation, TimelineEntry } from '../timeline.js';
import { PARDON_LINE, samePardonText } from '../speech/pardon.js';
import { CallRun, type CallRunOptions } from './call-run.js';

export interface RebuildOptions {
  /** The scheduler the rebuilt session's clock runs on afterwards (real timers on a server). */
  scheduler: Scheduler;
  /** Receives what the session's timers cause once it runs live again (as `CallRunOptions.onTimer`). */
  onTimer: (observations: TimedObservation[]) => void;
  /** Whether the session has a caller actor (passed on to the run). */
  callerActor?: boolean;
  /** The session's hint mode (passed on to the run: its views). */
  hintMode?: CallRunOptions['hintMode'];
  /**
   * Receives the ids of the transitions each microstep takes (`transitionId`, as
   * `CallRunOptions.onTransitions`), in order: during the replay, then once live.
   */
  onTransitions?: (ids: string[]) => void;
  /** See `CallRunOptions.actedShortcut` (default true). */
  actedShortcut?: boolean;
}

/** A difference between the recorded timeline and its rebuild. */
export type RebuildMismatch =
  /** A recorded input the rebuilt run refused. */
  | { kind: 'input_refused'; seq: number; t: number; input: Input; code: string }
  /** The n-th observation differs (or exists on one side only: `recorded`/`rebuilt` undefined). */
  | {
      kind: 'observation';
      index: number;
      seq: number | undefined;
      recorded: TimedObservation | undefined;
      rebuilt: TimedObservation | undefined;
    };

export interface RebuildResult {
  /** The live run, its clock on `options.scheduler`, paused unless the call is over. */
  run: CallRun;
  /** The observations the replay produced, with their session times. */
  observations: TimedObservation[];
  /** Empty when the rebuild matches the record entry for entry. */
  mismatches: RebuildMismatch[];
  /** The session time of the last recorded entry: where the session stands. */
  t: number;
  /** The pause the rebuild added (to record), or null if it was already paused or is over. */
  pause: { t: number; input: Input } | null;
}

/** How many mismatches are reported at most (the first ones tell the story). */
const MAX_MISMATCHES = 20;

export function rebuildRun(
  compiled: CompiledScenario,
  seed: number,
  entries: readonly TimelineEntry[],
  options: RebuildOptions,
): RebuildResult {
  const rebuild = new RunRebuild(compiled, seed, options);
  rebuild.feed([...entries].sort((a, b) => a.seq - b.seq));
  return rebuild.finish();
}

/**
 * `rebuildRun` in steps, for a warm handover between processes: the head of a timeline replayed
 * (`feed`) while its owner still runs the call, then the tail appended since (`feed` again, from
 * the next seq), then `finish`. The same replay as `rebuildRun`, entry for entry: nothing is
 * restored, everything is replayed from what the store holds. Entries must come in seq order
 * without gaps (a gap throws: the caller read the wrong tail).
 */
export class RunRebuild {
  private readonly manual = new ManualScheduler(0);
  private readonly handover = new HandoverScheduler(this.manual);
  private readonly clock = new SessionClock(this.handover);
  private readonly run: CallRun;
  private readonly rebuilt: TimedObservation[] = [];
  private readonly recorded: { seq: number; timed: TimedObservation }[] = [];
  private readonly mismatches: RebuildMismatch[] = [];
  /** Observations compared so far (recorded and rebuilt, index by index). */
  private compared = 0;
  private live = false;
  private finished = false;
  private lastT = 0;
  /** The last seq fed (0: none). */
  seq = 0;
  /** Entries fed so far. */
  count = 0;

  constructor(
    compiled: CompiledScenario,
    seed: number,
    private readonly options: RebuildOptions,
  ) {
    const runOptions: CallRunOptions & { callerActor?: boolean } = {
      clock: this.clock,
      seed,
      onTimer: (observations) => {
        if (this.live) options.onTimer(observations);
        else this.rebuilt.push(...observations);
      },
      ...(options.callerActor !== undefined ? { callerActor: options.callerActor } : {}),
      ...(options.hintMode !== undefined ? { hintMode: options.hintMode } : {}),
      ...(options.onTransitions ? { onTransitions: options.onTransitions } : {}),
      ...(options.actedShortcut === false ? { actedShortcut: false } : {}),
    };
    this.run = new CallRun(compiled, runOptions);
  }

  /** While paused, session time stands still: the inputs of a pause share its time. */
  private advanceTo(t: number): void {
    if (!this.clock.paused && t > this.clock.now())
      this.manual.advanceTo(this.manual.now() + (t - this.clock.now()));
  }

  /** Replays these entries (the next ones of the timeline, in seq order). */
  feed(entries: readonly TimelineEntry[]): void {
    if (this.finished) throw new Error('rebuild already finished');
    for (const entry of entries) {
      if (entry.seq !== this.seq + 1)
        throw new Error(`rebuild fed seq ${entry.seq} after ${this.seq}: entries must follow each other`);
      this.seq = entry.seq;
      this.count++;
      this.lastT = entry.t;
      if (entry.kind === 'observation') {
        this.recorded.push({ seq: entry.seq, timed: { t: entry.t, observation: entry.observation } });
        continue;
      }
      this.advanceTo(entry.t);
      const result = this.run.apply(entry.input);
      if (result.ok) {
        const now = this.clock.now();
        this.rebuilt.push(...result.observations.map((observation) => ({ t: now, observation })));
      } else if (this.mismatches.length < MAX_MISMATCHES) {
        this.mismatches.push({
          kind: 'input_refused',
          seq: entry.seq,
          t: entry.t,
          input: entry.input,
          code: result.code,
        });
      }
    }
    // What both sides hold so far is compared now: the finish has only the rest to do.
    this.compare(Math.min(this.recorded.length, this.rebuilt.length));
  }

  private compare(upTo: number): void {
    for (; this.compared < upTo && this.mismatches.length < MAX_MISMATCHES; this.compared++) {
      const i = this.compared;
      const a = this.recorded[i];
      const b = this.rebuilt[i];
      if (a && b && a.timed.t === b.t && sameObservation(a.timed.observation, b.observation)) continue;
      this.mismatches.push({ kind: 'observation', index: i, seq: a?.seq, recorded: a?.timed, rebuilt: b });
    }
  }

  /**
   * The timers due up to the last entry's moment fire, the rest of the comparison is made, the
   * run is paused there (unless over or already paused) and handed over to real time.
   */
  finish(): RebuildResult {
    if (this.finished) throw new Error('rebuild already finished');
    this.finished = true;
    const { run, clock } = this;
    if (!run.ended) {
      // Timers due up to the last moment fire (one due exactly then did fire in the live run,
      // since its observations were recorded at that `t`, or it will fire right after resume).
      this.advanceTo(this.lastT);
      clock.runDue();
    }
    this.compare(Math.max(this.recorded.length, this.rebuilt.length));

    let pause: RebuildResult['pause'] = null;
    if (!run.ended && !clock.paused) {
      const input: Input = { kind: 'pause' };
      run.apply(input);
      pause = { t: clock.now(), input };
    }
    // Paused, no timer is armed on the manual scheduler: real time takes over from here.
    this.handover.handOver(this.options.scheduler);
    this.live = true;
    return {
      run,
      observations: this.rebuilt,
      mismatches: this.mismatches,
      t: run.ended ? this.lastT : clock.now(),
      pause,
    };
  }

  /** Drops a rebuild that will not be finished (its run's actor stopped). */
  dispose(): void {
    this.finished = true;
    this.run.dispose();
  }
}

/**
 * Structural equality of two observations as JSON data (key order and `undefined` ignored, a
 * no-break space the same as a plain one). The « Pardon ? » line recorded in an earlier wording is
 * the same line (`samePardonText`).
 */
export function sameObservation(a: Observation, b: Observation): boolean {
  // Built by the same code, stored as JSON: the key order is nearly always the same already.
  if (JSON.stringify(a) === JSON.stringify(b) || canonical(a) === canonical(b)) return true;
  // A plain space where a no-break one is now (French spacing added to the engine's own texts,
  // such as an ending's message, after the session was recorded) is the same observation.
  if (canonical(a, true) === canonical(b, true)) return true;
  return (
    a.kind === 'line' &&
    b.kind === 'line' &&
    a.line === PARDON_LINE &&
    b.line === PARDON_LINE &&
    samePardonText(a.text, b.text) &&
    canonical({ ...a, text: '' }) === canonical({ ...b, text: '' })
  );
}

const NO_BREAK_SPACES = /[\u00a0\u202f]/gu;

/** Sorted keys; with `spaces`, no-break spaces read as plain ones. */
function canonical(value: unknown, spaces = false): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)))
      : spaces && typeof v === 'string'
        ? v.replace(NO_BREAK_SPACES, ' ')
        : v,
  );
}
