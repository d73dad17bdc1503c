// Creating sessions and finding their live runtime. One runtime per live session, in memory;
// the timeline in the database is the record.
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { ROLES } from '@ecoute/engine';
import type { Role, Scheduler } from '@ecoute/engine';
import { ErrorCode, failure, roleLinkPath } from '@ecoute/protocol';
import type { CreateSessionRequest, Failure, SessionLinks } from '@ecoute/protocol';
import { hashToken, newSessionId, newToken } from '../auth/tokens.js';
import { ScenarioCatalog } from '../scenarios/scenario-catalog.js';
import { TIMELINE_STORE } from '../timeline/timeline-store.js';
import type { TimelineStore } from '../timeline/timeline-store.js';
import { SessionRuntime } from './session-runtime.js';
import type { RoleBroadcaster } from './session-runtime.js';
import { SessionStore } from './session-store.js';

/** Injection token of the broadcaster the runtimes publish to (the gateway's rooms). */
export const ROLE_BROADCASTER = Symbol('ROLE_BROADCASTER');
/** Injection token of the scheduler session clocks run on (real timers in production). */
export const SESSION_SCHEDULER = Symbol('SESSION_SCHEDULER');

@Injectable()
export class SessionsService implements OnApplicationShutdown {
  private readonly logger = new Logger('Sessions');
  private readonly runtimes = new Map<string, SessionRuntime>();

  constructor(
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(ScenarioCatalog) private readonly catalog: ScenarioCatalog,
    @Inject(TIMELINE_STORE) private readonly timeline: TimelineStore,
    @Inject(ROLE_BROADCASTER) private readonly broadcaster: RoleBroadcaster,
    @Inject(SESSION_SCHEDULER) private readonly scheduler: Scheduler,
  ) {}

  async create(request: CreateSessionRequest): Promise<SessionLinks | Failure> {
    const compiled = this.catalog.get(request.scenarioId, request.version);
    if (!compiled) return failure(ErrorCode.ScenarioNotFound);
    const id = newSessionId();
    const tokens = Object.fromEntries(ROLES.map((role) => [role, newToken()])) as Record<Role, string>;
    const hashes = Object.fromEntries(ROLES.map((role) => [role, hashToken(tokens[role])])) as Record<
      Role,
      string
    >;
    const seed = request.seed ?? Math.floor(Math.random() * 2 ** 31);
    await this.sessions.create(
      {
        id,
        scenarioId: compiled.scenario.id,
        scenarioVersion: compiled.scenario.version,
        seed,
        createdAt: new Date().toISOString(),
        status: 'live',
      },
      hashes,
    );
    this.startRuntime(id, seed, 0, compiled);
    this.logger.log(`session created ${id} scenario=${compiled.scenario.id}@${compiled.scenario.version}`);
    return {
      sessionId: id,
      links: Object.fromEntries(ROLES.map((role) => [role, roleLinkPath(role, id, tokens[role])])) as Record<
        Role,
        string
      >,
    };
  }

  /** The role a token opens, or the code to refuse the handshake with. */
  async authenticate(sessionId: string, token: string): Promise<{ role: Role } | Failure> {
    const session = await this.sessions.find(sessionId);
    if (!session) return failure(ErrorCode.SessionNotFound);
    const role = await this.sessions.roleOf(sessionId, hashToken(token));
    if (!role) return failure(ErrorCode.AuthInvalidToken);
    return { role };
  }

  /**
   * The live runtime of a session. A session never played (no timeline yet) is started on
   * demand, e.g. after a restart; one with a timeline needs a rebuild by replay, which is the
   * recovery issue's work: until then it is refused as unavailable.
   */
  async runtimeFor(sessionId: string): Promise<SessionRuntime | Failure> {
    const live = this.runtimes.get(sessionId);
    if (live) return live;
    const session = await this.sessions.find(sessionId);
    if (!session) return failure(ErrorCode.SessionNotFound);
    const compiled = this.catalog.get(session.scenarioId, session.scenarioVersion);
    if (!compiled) return failure(ErrorCode.ScenarioNotFound);
    const lastSeq = await this.timeline.lastSeq(sessionId);
    if (lastSeq > 0) return failure(ErrorCode.SessionUnavailable);
    return this.runtimes.get(sessionId) ?? this.startRuntime(sessionId, session.seed, 0, compiled);
  }

  onApplicationShutdown(): void {
    for (const runtime of this.runtimes.values()) runtime.dispose();
    this.runtimes.clear();
  }

  private startRuntime(
    id: string,
    seed: number,
    lastSeq: number,
    compiled: NonNullable<ReturnType<ScenarioCatalog['get']>>,
  ): SessionRuntime {
    const runtime = new SessionRuntime(id, compiled, seed, lastSeq, {
      store: this.timeline,
      broadcaster: this.broadcaster,
      scheduler: this.scheduler,
      wallClock: () => new Date(),
      onEnded: (ending) => {
        void this.sessions.markEnded(id, new Date().toISOString(), ending.outcome).catch((error: unknown) => {
          this.logger.error(`server/storage_failed session=${id} marking ended: ${String(error)}`);
        });
      },
      onStorageError: (error) => {
        this.logger.error(`server/storage_failed session=${id} ${String(error)}`);
      },
    });
    this.runtimes.set(id, runtime);
    return runtime;
  }
}
