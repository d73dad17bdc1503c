// Crash recovery of one session, in a straight line: rebuild its run from the timeline by replay
// (engine's `rebuildRun`: on a manual clock, compared with the record, paused at its last moment,
// its clock handed over to the server's scheduler), then build the session's runtime around that
// run, then record what the rebuild added (the pause) and mark a call found over as ended. Every
// difference between the rebuild and the record is logged with the code `recovery/mismatch`.
// A planned handover (a drain: the previous owner settled its appends, then released its lease) is
// not a crash: the call did not stop, so no pause is recorded — the run's clock, paused by the
// rebuild at the last recorded moment, is resumed at that same moment, unrecorded (a replay of the
// timeline without that pause+resume gives the same run: pause and resume only stop and restart
// the session clock, and session time stood still in between).
// A warm handover (`warm-rebuild.ts`) gives a rebuild whose head was replayed before the lease
// came here: only the tail is fed here, then the replay is finished the same way.
import type {
  CompiledScenario,
  HintMode,
  RebuildMismatch,
  RebuildResult,
  TimelineEntry,
} from '@ecoute/engine';
import { SessionRuntime } from '../sessions/session-runtime.js';
import type { SessionRuntimeDeps } from '../sessions/session-runtime.js';
import type { SessionRecord, SessionStore } from '../sessions/session-store.js';
import { WarmRebuild } from './warm-rebuild.js';

export const RECOVERY_MISMATCH = 'recovery/mismatch';

export interface RecoveryLogger {
  log(message: string): void;
  error(message: string): void;
}

export interface RebuildSessionArgs {
  session: Pick<SessionRecord, 'id' | 'seed' | 'callerActor'>;
  compiled: CompiledScenario;
  /** The session's hint mode (the rebuilt run's views). */
  hintMode?: HintMode;
  /**
   * The whole recorded timeline, in seq order (not empty); or, with `warm`, the entries not yet
   * fed to it (its tail, maybe empty).
   */
  entries: readonly TimelineEntry[];
  /** A rebuild already fed with the head of the timeline (a warm handover, `warm-rebuild.ts`). */
  warm?: WarmRebuild;
  /** What the runtime runs on (its clock's scheduler, the store, the broadcaster…). */
  runtime: Omit<SessionRuntimeDeps, 'rebuilt' | 'callerActor'>;
  /** Where a call found over is marked ended. */
  sessions: Pick<SessionStore, 'markEnded'>;
  logger: RecoveryLogger;
  /**
   * Taken from a draining process that released the lease cleanly after its last append: the
   * call goes on at once, no pause recorded. A crash takeover (false) comes back paused.
   */
  handover?: boolean;
}

export interface RebuiltSession {
  runtime: SessionRuntime;
  result: RebuildResult;
}

export async function rebuildSession(args: RebuildSessionArgs): Promise<RebuiltSession> {
  const { session, compiled, entries, logger } = args;
  const started = performance.now();

  // 1. The run, rebuilt by replay (or its replay finished: the tail fed, see `warm-rebuild.ts`).
  //    Paused (or over), no timer of it is armed until a resume, by which time the runtime built
  //    next listens to the relay.
  const warm = args.warm ?? new WarmRebuild(session, compiled, args.runtime.scheduler, args.hintMode);
  await warm.feedYielding(entries);
  const { timers } = warm;
  const result = warm.rebuild.finish();
  const ms = performance.now() - started;
  for (const mismatch of result.mismatches)
    logger.error(`${RECOVERY_MISMATCH} session=${session.id} ${describeMismatch(mismatch)}`);

  // 2. After a drain, the rebuild's pause undone at the same moment, unrecorded (its timers armed
  //    on the server's scheduler fire later, when the runtime built next listens to the relay);
  //    then the runtime around the run (its views read from it), its seq continuing the record's.
  const resumed = result.pause !== null && args.handover === true;
  if (resumed) result.run.apply({ kind: 'resume' });
  const lastSeq = warm.seq;
  const runtime = new SessionRuntime(session.id, compiled, session.seed, lastSeq, {
    ...args.runtime,
    rebuilt: { run: result.run, timers },
  });

  // 3. What the rebuild added is recorded, so that a later replay of the timeline stays exact
  //    (after a drain nothing was added: see the top).
  if (result.pause && !resumed) await runtime.recordSystemInput(result.pause.input);
  const state = result.run.ended ? 'ended' : resumed ? 'resumed' : 'paused';
  logger.log(
    `recovery/rebuilt session=${session.id} entries=${warm.count} t=${result.t} ${state} mismatches=${result.mismatches.length} in ${ms.toFixed(1)} ms${args.warm ? ` (warm: ${warm.head} replayed before, ${entries.length} after)` : ''}`,
  );

  // 4. A call found over though the session was still live is recorded as ended.
  if (result.run.ended) {
    const ending = warm.ending;
    if (ending) await args.sessions.markEnded(session.id, ending.at, ending.outcome);
  }
  return { runtime, result };
}

export function describeMismatch(mismatch: RebuildMismatch): string {
  if (mismatch.kind === 'input_refused')
    return `seq=${mismatch.seq} t=${mismatch.t} input ${mismatch.input.kind} refused by the rebuild (${mismatch.code})`;
  return `observation #${mismatch.index} seq=${mismatch.seq ?? '-'} recorded=${JSON.stringify(mismatch.recorded ?? null)} rebuilt=${JSON.stringify(mismatch.rebuilt ?? null)}`;
}
