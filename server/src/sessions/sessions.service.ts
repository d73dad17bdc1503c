// Creating sessions and finding their live runtime. One runtime per live session, in memory;
// the timeline in the database is the record.
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ROLES } from '@ecoute/engine';
import type { CallRun, Role, Scheduler, TimedObservation } from '@ecoute/engine';
import { ErrorCode, failure, roleLinkPath } from '@ecoute/protocol';
import type { CreateSessionRequest, Failure, SessionLinks } from '@ecoute/protocol';
import { LinkSeal } from '../auth/link-seal.js';
import { hashToken, newSessionId, newToken } from '../auth/tokens.js';
import { rebuildSession } from '../recovery/rebuild-session.js';
import { ScenarioCatalog } from '../scenarios/scenario-catalog.js';
import { TIMELINE_STORE } from '../timeline/timeline-store.js';
import type { TimelineStore } from '../timeline/timeline-store.js';
import { SessionRuntime } from './session-runtime.js';
import type { RoleBroadcaster } from './session-runtime.js';
import { SessionStore } from './session-store.js';
import type { StoredToken } from './session-store.js';

/** Who creates a session: a signed-in account of an organisation. */
export interface SessionOwner {
  ownerId: string;
  organizationId: string;
}

/** Injection token of the broadcaster the runtimes publish to (the gateway's rooms). */
export const ROLE_BROADCASTER = Symbol('ROLE_BROADCASTER');
/** Injection token of the scheduler session clocks run on (real timers in production). */
export const SESSION_SCHEDULER = Symbol('SESSION_SCHEDULER');

@Injectable()
export class SessionsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Sessions');
  private readonly runtimes = new Map<string, SessionRuntime>();
  /** Runtimes being loaded (rebuilt by replay), so that concurrent callers share one. */
  private readonly loading = new Map<string, Promise<SessionRuntime | Failure>>();

  constructor(
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(ScenarioCatalog) private readonly catalog: ScenarioCatalog,
    @Inject(TIMELINE_STORE) private readonly timeline: TimelineStore,
    @Inject(ROLE_BROADCASTER) private readonly broadcaster: RoleBroadcaster,
    @Inject(SESSION_SCHEDULER) private readonly scheduler: Scheduler,
    @Inject(LinkSeal) private readonly seal: LinkSeal,
  ) {
    sessions.onDelete((id) => this.unload(id));
  }

  async create(request: CreateSessionRequest, owner?: SessionOwner): Promise<SessionLinks | Failure> {
    const compiled = this.catalog.get(request.scenarioId, request.version);
    if (!compiled) return failure(ErrorCode.ScenarioNotFound);
    const id = newSessionId();
    // The caller actor's link exists only in a session created with one.
    const callerActor = request.callerActor === true;
    const roles = ROLES.filter((role) => role !== 'callerActor' || callerActor);
    const tokens = Object.fromEntries(roles.map((role) => [role, newToken()])) as Record<Role, string>;
    const stored = this.storedTokens(tokens);
    const seed = request.seed ?? Math.floor(Math.random() * 2 ** 31);
    await this.sessions.create(
      {
        id,
        scenarioId: compiled.scenario.id,
        scenarioVersion: compiled.scenario.version,
        seed,
        createdAt: new Date().toISOString(),
        status: 'live',
        callerActor,
        ownerId: owner?.ownerId ?? null,
        organizationId: owner?.organizationId ?? null,
      },
      stored,
    );
    this.startRuntime(id, seed, 0, compiled, undefined, callerActor);
    this.logger.log(`session created ${id} scenario=${compiled.scenario.id}@${compiled.scenario.version}`);
    return {
      sessionId: id,
      links: Object.fromEntries(roles.map((role) => [role, roleLinkPath(role, id, tokens[role])])) as Record<
        Role,
        string
      >,
    };
  }

  /** The role a token opens, or the code to refuse the handshake with. */
  /** The session's role links again (unsealed for their owner), or `session/not_found`. */
  async links(sessionId: string): Promise<SessionLinks | Failure> {
    const sealed = await this.sessions.sealedTokens(sessionId);
    const roles = Object.keys(sealed) as Role[];
    if (roles.length === 0) return failure(ErrorCode.SessionNotFound);
    const links: Partial<Record<Role, string>> = {};
    for (const role of roles) {
      const token = sealed[role] ? this.seal.open(sealed[role]) : null;
      // A session made before links were sealed: its links cannot be shown, only re-issued.
      if (token) links[role] = roleLinkPath(role, sessionId, token);
    }
    return { sessionId, links: links as SessionLinks['links'] };
  }

  private readonly revokeListeners: ((sessionId: string) => void)[] = [];

  /** `listener` hears of each revocation (the gateway drops the sockets of the old links). */
  onRevoke(listener: (sessionId: string) => void): void {
    this.revokeListeners.push(listener);
  }

  /** New role links for every role of the session; the old ones open nothing any more. */
  async revokeLinks(sessionId: string): Promise<SessionLinks | Failure> {
    const session = await this.sessions.find(sessionId);
    if (!session) return failure(ErrorCode.SessionNotFound);
    const roles = ROLES.filter((role) => role !== 'callerActor' || session.callerActor === true);
    const tokens = Object.fromEntries(roles.map((role) => [role, newToken()])) as Record<Role, string>;
    await this.sessions.replaceTokens(sessionId, this.storedTokens(tokens));
    for (const listener of this.revokeListeners) listener(sessionId);
    this.logger.log(`session links revoked ${sessionId}`);
    return {
      sessionId,
      links: Object.fromEntries(
        roles.map((role) => [role, roleLinkPath(role, sessionId, tokens[role])]),
      ) as SessionLinks['links'],
    };
  }

  private storedTokens(tokens: Partial<Record<Role, string>>): Partial<Record<Role, StoredToken>> {
    return Object.fromEntries(
      Object.entries(tokens).map(([role, token]) => [
        role,
        { hash: hashToken(token), sealed: this.seal.seal(token) },
      ]),
    ) as Partial<Record<Role, StoredToken>>;
  }

  async authenticate(sessionId: string, token: string): Promise<{ role: Role } | Failure> {
    const session = await this.sessions.find(sessionId);
    if (!session) return failure(ErrorCode.SessionNotFound);
    const role = await this.sessions.roleOf(sessionId, hashToken(token));
    if (!role) return failure(ErrorCode.AuthInvalidToken);
    return { role };
  }

  /**
   * Crash recovery at boot, before the server listens: every live session with a timeline is
   * rebuilt by replay and waits, paused at its last moment, for its trainer to resume it.
   */
  async onApplicationBootstrap(): Promise<void> {
    for (const id of await this.sessions.liveIds()) {
      if ((await this.timeline.lastSeq(id)) === 0) continue;
      const runtime = await this.runtimeFor(id).catch((error: unknown) =>
        failure(ErrorCode.ServerInternal, String(error)),
      );
      if ('ok' in runtime)
        this.logger.error(`recovery/failed session=${id} ${runtime.code} ${runtime.message}`);
    }
  }

  /**
   * The runtime of a session, loaded on demand: a session never played (no timeline yet) is
   * started; one with a timeline (after a restart) is rebuilt by replay, paused at its last
   * moment (`recovery/`).
   */
  runtimeFor(sessionId: string): Promise<SessionRuntime | Failure> {
    const live = this.runtimes.get(sessionId);
    if (live) return Promise.resolve(live);
    let loading = this.loading.get(sessionId);
    if (!loading) {
      loading = this.load(sessionId).finally(() => this.loading.delete(sessionId));
      this.loading.set(sessionId, loading);
    }
    return loading;
  }

  /** A deleted session's runtime is unloaded first (`SessionStore.delete` tells us). */
  private unload(sessionId: string): void {
    const drop = (): void => {
      this.runtimes.get(sessionId)?.dispose();
      this.runtimes.delete(sessionId);
    };
    drop();
    void this.loading.get(sessionId)?.then(drop, () => undefined);
    this.logger.log(`session deleted ${sessionId}`);
  }

  private async load(sessionId: string): Promise<SessionRuntime | Failure> {
    const session = await this.sessions.find(sessionId);
    if (!session) return failure(ErrorCode.SessionNotFound);
    const compiled = this.catalog.get(session.scenarioId, session.scenarioVersion);
    if (!compiled) return failure(ErrorCode.ScenarioNotFound);
    const entries = await this.timeline.read(sessionId);
    if (entries.length === 0)
      return this.startRuntime(sessionId, session.seed, 0, compiled, undefined, session.callerActor);
    const { runtime } = await rebuildSession({
      sessionId,
      compiled,
      seed: session.seed,
      callerActor: session.callerActor ?? false,
      entries,
      scheduler: this.scheduler,
      start: (lastSeq, makeRun) => this.startRuntime(sessionId, session.seed, lastSeq, compiled, makeRun),
      markEnded: (ending, at) => this.sessions.markEnded(sessionId, at, ending.outcome),
      logger: this.logger,
    });
    return runtime;
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
    makeRun?: (onTimer: (observations: TimedObservation[]) => void) => CallRun,
    callerActor = false,
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
      ...(makeRun ? { makeRun } : {}),
      ...(callerActor ? { callerActor } : {}),
    });
    this.runtimes.set(id, runtime);
    return runtime;
  }
}
