// Crash recovery of one session: rebuild its run from the timeline by replay (engine's
// `rebuildRun`), on the server's scheduler, paused at its last moment; what the rebuild adds
// (the pause) is recorded, a call found over is marked ended, and every difference between the
// rebuild and the record is logged with the code `recovery/mismatch`.
import { rebuildRun } from '@ecoute/engine';
import type {
  CallRun,
  CompiledScenario,
  HintMode,
  Observation,
  RebuildMismatch,
  RebuildResult,
  Scheduler,
  TimedObservation,
  TimelineEntry,
} from '@ecoute/engine';
import type { SessionRuntime } from '../sessions/session-runtime.js';

export const RECOVERY_MISMATCH = 'recovery/mismatch';

export interface RecoveryLogger {
  log(message: string): void;
  error(message: string): void;
}

export interface RebuildSessionArgs {
  sessionId: string;
  compiled: CompiledScenario;
  seed: number;
  callerActor: boolean;
  /** The session's hint mode (the rebuilt run's views). */
  hintMode?: HintMode;
  /** The whole recorded timeline, in seq order. */
  entries: readonly TimelineEntry[];
  scheduler: Scheduler;
  /** Starts the session's runtime with the given run factory (the service's `startRuntime`). */
  start: (
    lastSeq: number,
    makeRun: (onTimer: (observations: TimedObservation[]) => void) => CallRun,
  ) => SessionRuntime;
  /** The call was found over though the session was still live: record it as ended. */
  markEnded: (ending: Extract<Observation, { kind: 'ending' }>, at: string) => Promise<void>;
  logger: RecoveryLogger;
}

export interface RebuiltSession {
  runtime: SessionRuntime;
  result: RebuildResult;
}

export async function rebuildSession(args: RebuildSessionArgs): Promise<RebuiltSession> {
  const { sessionId, entries, logger } = args;
  const started = performance.now();
  let rebuilt: RebuildResult | undefined;
  const runtime = args.start(entries.at(-1)?.seq ?? 0, (onTimer) => {
    rebuilt = rebuildRun(args.compiled, args.seed, entries, {
      scheduler: args.scheduler,
      onTimer,
      callerActor: args.callerActor,
      ...(args.hintMode ? { hintMode: args.hintMode } : {}),
    });
    return rebuilt.run;
  });
  const result = rebuilt!;
  const ms = performance.now() - started;
  for (const mismatch of result.mismatches) {
    logger.error(`${RECOVERY_MISMATCH} session=${sessionId} ${describeMismatch(mismatch)}`);
  }
  if (result.pause) await runtime.recordSystemInput(result.pause.input);
  const state = result.run.ended ? 'ended' : 'paused';
  logger.log(
    `recovery/rebuilt session=${sessionId} entries=${entries.length} t=${result.t} ${state} mismatches=${result.mismatches.length} in ${ms.toFixed(1)} ms`,
  );
  if (result.run.ended) {
    const ending = [...entries]
      .reverse()
      .find(
        (e): e is TimelineEntry & { kind: 'observation' } =>
          e.kind === 'observation' && e.observation.kind === 'ending',
      );
    if (ending && ending.observation.kind === 'ending') await args.markEnded(ending.observation, ending.at);
  }
  return { runtime, result };
}

export function describeMismatch(mismatch: RebuildMismatch): string {
  if (mismatch.kind === 'input_refused')
    return `seq=${mismatch.seq} t=${mismatch.t} input ${mismatch.input.kind} refused by the rebuild (${mismatch.code})`;
  return `observation #${mismatch.index} seq=${mismatch.seq ?? '-'} recorded=${JSON.stringify(mismatch.recorded ?? null)} rebuilt=${JSON.stringify(mismatch.rebuilt ?? null)}`;
}
