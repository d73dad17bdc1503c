// A rebuild started before its session is ours (a warm handover between processes): a process
// about to drain names a successor per session; the successor reads the timeline and replays it
// (`RunRebuild.feed`) while the old owner still runs the call. Once the old owner has settled its
// appends and passed the lease on, the successor reads only the tail since the seq it replayed to,
// replays it too, and finishes (`rebuildSession`). Nothing is trusted that was not replayed from
// the store: the head and the tail are both read from the timeline, which is append-only, so the
// head read early is still the timeline's head when the tail is read.
import { RunRebuild } from '@ecoute/engine';
import type { CompiledScenario, HintMode, Scheduler, TimelineEntry } from '@ecoute/engine';
import type { SessionRecord, SessionStore } from '../sessions/session-store.js';
import { TimerRelay } from '../sessions/timer-relay.js';

/** Entries replayed between two yields to the event loop (a few ms of CPU on a quiet machine). */
const FEED_SLICE = 200;

type Ending = { at: string; outcome: Parameters<SessionStore['markEnded']>[2] };

export class WarmRebuild {
  /** Where the rebuilt run's timers report (the runtime built at the finish listens to it). */
  readonly timers = new TimerRelay();
  readonly rebuild: RunRebuild;
  /** The last ending recorded among the entries fed (a call found over is marked ended). */
  ending: Ending | undefined;
  /** Entries fed when it was prepared (the head), for the log. */
  head = 0;

  constructor(
    readonly session: Pick<SessionRecord, 'id' | 'seed' | 'callerActor'>,
    readonly compiled: CompiledScenario,
    scheduler: Scheduler,
    hintMode?: HintMode,
  ) {
    this.rebuild = new RunRebuild(compiled, session.seed, {
      scheduler,
      onTimer: this.timers.report,
      callerActor: session.callerActor ?? false,
      ...(hintMode ? { hintMode } : {}),
    });
  }

  /** The last seq replayed (0: none). */
  get seq(): number {
    return this.rebuild.seq;
  }

  /** Entries replayed so far. */
  get count(): number {
    return this.rebuild.count;
  }

  /** Replays the next entries of the timeline (in seq order, following the last ones fed). */
  feed(entries: readonly TimelineEntry[]): void {
    this.rebuild.feed(entries);
    for (const entry of entries)
      if (entry.kind === 'observation' && entry.observation.kind === 'ending')
        this.ending = { at: entry.at, outcome: entry.observation.outcome };
  }

  /**
   * As `feed`, a slice at a time, yielding to the event loop between slices: a long timeline
   * replayed on a busy machine must not hold the heartbeat back past its lease (the process
   * would lose every session it holds, taken by the others as abandoned).
   */
  async feedYielding(entries: readonly TimelineEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += FEED_SLICE) {
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      this.feed(entries.slice(i, i + FEED_SLICE));
    }
  }

  /** Dropped unfinished (never taken, or taken cold). */
  dispose(): void {
    this.rebuild.dispose();
  }
}
