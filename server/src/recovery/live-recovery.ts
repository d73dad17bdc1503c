// The background recovery of live sessions at boot. The server listens first; then every live
// session with a timeline is rebuilt (`SessionsService.runtimeFor` → `rebuildSession`), a few at
// a time, yielding to the event loop between sessions so that requests and sockets are served
// meanwhile. A client that connects to a session not yet rebuilt does not wait for this queue:
// its handshake asks `runtimeFor` itself, which rebuilds that one session at once (concurrent
// loads share one promise, so the queue then finds it already there).
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { SessionStore } from '../sessions/session-store.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { TIMELINE_STORE } from '../timeline/timeline-store.js';
import type { TimelineStore } from '../timeline/timeline-store.js';
import { RecoveryProgress } from './recovery-progress.js';

/**
 * Awaited before each session of the background recovery: by default one turn of the event loop
 * (`setImmediate`); a test provides a gate to hold the queue where it wants it.
 */
export const RECOVERY_PACE = Symbol('RECOVERY_PACE');
export type RecoveryPace = (sessionId: string) => Promise<void>;

/**
 * Sessions rebuilt at once: each rebuild waits for the durable append of its pause, and the
 * appends of several share one commit and one fsync (group commit).
 */
const RECOVERY_WORKERS = 8;

const nextTurn: RecoveryPace = () => new Promise((resolve) => setImmediate(resolve));

@Injectable()
export class LiveRecovery implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Recovery');
  private readonly pace: RecoveryPace;
  private stopped = false;
  private running: Promise<void> | undefined;

  constructor(
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(SessionStore) private readonly store: SessionStore,
    @Inject(TIMELINE_STORE) private readonly timeline: TimelineStore,
    @Inject(RecoveryProgress) private readonly progress: RecoveryProgress,
    @Optional() @Inject(RECOVERY_PACE) pace?: RecoveryPace,
  ) {
    this.pace = pace ?? nextTurn;
  }

  /** Starts the recovery without waiting for it: the server goes on to listen. */
  onApplicationBootstrap(): void {
    this.running = this.recoverAll().catch((error: unknown) => {
      this.logger.error(`recovery/failed ${String(error)}`);
    });
  }

  /** Stops the queue (the session being rebuilt finishes) before runtimes and database close. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async recoverAll(): Promise<void> {
    const ids = await this.store.liveIds();
    const started = performance.now();
    this.progress.start(ids.length);
    const queue = ids.values();
    const worker = async (): Promise<void> => {
      for (let next = queue.next(); !next.done; next = queue.next()) {
        await this.pace(next.value);
        if (this.stopped) return;
        await this.recover(next.value);
        this.progress.sessionDone();
      }
    };
    await Promise.all(Array.from({ length: RECOVERY_WORKERS }, worker));
    if (this.stopped) return;
    this.logger.log(`recovery/done sessions=${ids.length} in ${Math.round(performance.now() - started)} ms`);
  }

  /** One session: rebuilt if it has a timeline (one never played is started on demand only). */
  private async recover(id: string): Promise<void> {
    try {
      if ((await this.timeline.lastSeq(id)) === 0) return;
      // Several processes: a session another live process holds stays there (`placeFor`).
      const runtime = await this.sessions.placeFor(id);
      if ('ok' in runtime)
        this.logger.error(`recovery/failed session=${id} ${runtime.code} ${runtime.message}`);
    } catch (error) {
      this.logger.error(`recovery/failed session=${id} ${String(error)}`);
    }
  }
}
