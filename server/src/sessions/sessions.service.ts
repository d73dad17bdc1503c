// Creating sessions and finding their live runtime. One runtime per live session, in memory;
// the timeline in the database is the record.
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ROLES } from '@ecoute/engine';
import type { Role, Scheduler } from '@ecoute/engine';
import { ErrorCode, failure, roleLinkPath } from '@ecoute/protocol';
import type { CreateSessionRequest, Failure, SessionLinks, SessionShare } from '@ecoute/protocol';
import { LinkSeal } from '../auth/link-seal.js';
import { hashToken, newSessionId, newToken } from '../auth/tokens.js';
import { APP_CONFIG } from '../config/env.js';
import type { AppConfig } from '../config/env.js';
import { rebuildSession } from '../recovery/rebuild-session.js';
import { WarmRebuild } from '../recovery/warm-rebuild.js';
import { ScenarioCatalog } from '../scenarios/scenario-catalog.js';
import { TIMELINE_STORE, fencedStore } from '../timeline/timeline-store.js';
import type { TimelineStore } from '../timeline/timeline-store.js';
import type { SpeechSettings } from './free-speech.js';
import { SESSION_OWNERSHIP, soleOwnership } from './session-ownership.js';
import type { Elsewhere, SessionOwnership } from './session-ownership.js';
import { SessionRuntime } from './session-runtime.js';
import type { RoleBroadcaster, SessionRuntimeDeps } from './session-runtime.js';
import { SessionStore } from './session-store.js';
import type { StoredToken } from './session-store.js';

/** Who creates a session: a signed-in account of an organisation. */
export interface SessionOwner {
  ownerId: string;
  organizationId: string;
}

/** How long a rebuild prepared for a handover waits for its lease (then dropped). */
const WARM_KEEP_MS = 15_000;

/** Injection token of the broadcaster the runtimes publish to (the gateway's rooms). */
export const ROLE_BROADCASTER = Symbol('ROLE_BROADCASTER');
/** Injection token of the scheduler session clocks run on (real timers in production). */
export const SESSION_SCHEDULER = Symbol('SESSION_SCHEDULER');

/** The wall clock of entries' `at`: one function for every runtime. */
const wallClock = (): Date => new Date();

@Injectable()
export class SessionsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Sessions');
  private readonly runtimes = new Map<string, SessionRuntime>();
  /** Runtimes being loaded (rebuilt by replay), so that concurrent callers share one. */
  private readonly loading = new Map<string, Promise<SessionRuntime | Failure | Elsewhere>>();
  /** Open sockets per session (the gateway tells), and when each runtime was last used. */
  private readonly sockets = new Map<string, number>();
  private readonly lastUsed = new Map<string, number>();
  private idleSweep: ReturnType<typeof setInterval> | undefined;
  /** The lease epoch of each runtime in memory (0 with one process). */
  private readonly epochs = new Map<string, number>();
  private readonly ownership: SessionOwnership;
  /** Rebuilds begun for a handover announced by a draining process (`prepareHandover`). */
  private readonly warm = new Map<string, WarmRebuild>();

  constructor(
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(ScenarioCatalog) private readonly catalog: ScenarioCatalog,
    @Inject(TIMELINE_STORE) private readonly timeline: TimelineStore,
    @Inject(ROLE_BROADCASTER) private readonly broadcaster: RoleBroadcaster,
    @Inject(SESSION_SCHEDULER) private readonly scheduler: Scheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LinkSeal) private readonly seal: LinkSeal,
    @Optional() @Inject(SESSION_OWNERSHIP) ownership?: SessionOwnership,
  ) {
    this.ownership = ownership ?? soleOwnership;
    sessions.onDelete((id) => this.unload(id));
  }

  /** Memory stays bounded: idle runtimes are unloaded (`unloadIdle`) as time goes. */
  onModuleInit(): void {
    const idle = this.config.idleUnloadMs;
    if (idle <= 0) return;
    this.idleSweep = setInterval(() => this.unloadIdle(), Math.max(50, Math.min(idle / 2, 60_000)));
    this.idleSweep.unref();
  }

  /** Runtimes in memory now (idle unloading, the live-sessions metric). */
  get loadedCount(): number {
    return this.runtimes.size;
  }

  /** The runtime if it is in memory now, without loading it (the classroom's floor). */
  loaded(sessionId: string): SessionRuntime | undefined {
    return this.runtimes.get(sessionId);
  }

  /** A socket of this session connected (the gateway calls it). */
  attached(sessionId: string): void {
    this.sockets.set(sessionId, (this.sockets.get(sessionId) ?? 0) + 1);
    if (this.runtimes.has(sessionId)) this.lastUsed.set(sessionId, Date.now());
  }

  /** A socket of this session went away. */
  detached(sessionId: string): void {
    const left = (this.sockets.get(sessionId) ?? 1) - 1;
    if (left > 0) this.sockets.set(sessionId, left);
    else this.sockets.delete(sessionId);
    if (this.runtimes.has(sessionId)) this.lastUsed.set(sessionId, Date.now());
  }

  /**
   * Unloads every runtime with no socket, no timer due and nothing in flight, unused for
   * ECOUTE_IDLE_UNLOAD_MS: the timeline holds it all, and the next connection rebuilds it by
   * replay (`runtimeFor`, the crash-recovery path). Resolves with the ids unloaded.
   */
  unloadIdle(now = Date.now()): string[] {
    const unloaded: string[] = [];
    for (const [id, runtime] of this.runtimes) {
      if (this.sockets.has(id) || !runtime.quiet) continue;
      if (now - (this.lastUsed.get(id) ?? 0) < this.config.idleUnloadMs) continue;
      runtime.dispose();
      this.runtimes.delete(id);
      this.lastUsed.delete(id);
      this.releaseLease(id, false);
      unloaded.push(id);
    }
    if (unloaded.length > 0) this.logger.log(`session/unloaded ${unloaded.length} idle runtime(s)`);
    return unloaded;
  }

  async create(request: CreateSessionRequest, owner?: SessionOwner): Promise<SessionLinks | Failure> {
    const compiled = this.catalog.get(request.scenarioId, request.version);
    if (!compiled || !this.catalog.startableBy(request.scenarioId, owner?.organizationId))
      return failure(ErrorCode.ScenarioNotFound);
    const id = newSessionId();
    // The caller actor's link exists only in a session created with one.
    const callerActor = request.callerActor === true;
    const roles = ROLES.filter((role) => role !== 'callerActor' || callerActor);
    const tokens = Object.fromEntries(roles.map((role) => [role, newToken()])) as Record<Role, string>;
    const stored = this.storedTokens(tokens);
    const seed = request.seed ?? Math.floor(Math.random() * 2 ** 31);
    const speech: SpeechSettings = {
      mode: request.hintMode ?? 'guided',
      askTrainer: request.askTrainer === true,
    };
    await this.sessions.create(
      {
        id,
        scenarioId: compiled.scenario.id,
        scenarioVersion: compiled.scenario.version,
        seed,
        createdAt: new Date().toISOString(),
        status: 'live',
        callerActor,
        hintMode: speech.mode,
        askTrainer: speech.askTrainer,
        ownerId: owner?.ownerId ?? null,
        organizationId: owner?.organizationId ?? null,
      },
      stored,
    );
    const lease = await this.ownership.acquire(id);
    const epoch = 'epoch' in lease ? lease.epoch : 0;
    this.keep(
      id,
      new SessionRuntime(id, compiled, seed, 0, {
        ...this.runtimeDeps(epoch),
        ...(callerActor ? { callerActor } : {}),
        speech,
      }),
      epoch,
    );
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
  /**
   * The session's role links again (unsealed for their owner), with the call they open (its title
   * as the version played says it) and when the session was made; or `session/not_found`.
   */
  async links(sessionId: string): Promise<SessionShare | Failure> {
    const session = await this.sessions.find(sessionId);
    const sealed = await this.sessions.sealedTokens(sessionId);
    const roles = Object.keys(sealed) as Role[];
    if (!session || roles.length === 0) return failure(ErrorCode.SessionNotFound);
    const links: Partial<Record<Role, string>> = {};
    for (const role of roles) {
      const token = sealed[role] ? this.seal.open(sealed[role]) : null;
      // A session made before links were sealed: its links cannot be shown, only re-issued.
      if (token) links[role] = roleLinkPath(role, sessionId, token);
    }
    return {
      sessionId,
      links: links as SessionLinks['links'],
      scenarioId: session.scenarioId,
      scenarioTitle:
        this.catalog.get(session.scenarioId, session.scenarioVersion)?.scenario.title ?? session.scenarioId,
      scenarioVersion: session.scenarioVersion,
      createdAt: session.createdAt,
    };
  }

  private readonly revokeListeners: ((
    sessionId: string,
    roles: readonly Role[],
    reason: ErrorCode | null,
  ) => void)[] = [];

  /**
   * `listener` hears of each revocation (the gateway drops the sockets of the old links): the
   * roles whose links changed, and the reason their pages are told (null: none is told).
   */
  onRevoke(listener: (sessionId: string, roles: readonly Role[], reason: ErrorCode | null) => void): void {
    this.revokeListeners.push(listener);
  }

  /** New role links for every role of the session; the old ones open nothing any more. */
  async revokeLinks(sessionId: string): Promise<SessionLinks | Failure> {
    const session = await this.sessions.find(sessionId);
    if (!session) return failure(ErrorCode.SessionNotFound);
    const roles = ROLES.filter((role) => role !== 'callerActor' || session.callerActor === true);
    const tokens = Object.fromEntries(roles.map((role) => [role, newToken()])) as Record<Role, string>;
    await this.sessions.replaceTokens(sessionId, this.storedTokens(tokens));
    for (const listener of this.revokeListeners) listener(sessionId, ROLES, null);
    this.logger.log(`session links revoked ${sessionId}`);
    return {
      sessionId,
      links: Object.fromEntries(
        roles.map((role) => [role, roleLinkPath(role, sessionId, tokens[role])]),
      ) as SessionLinks['links'],
    };
  }

  /**
   * A new link for one role (the others keep theirs): the pages of the old one are told `reason`
   * and closed. Nothing is recorded: the call goes on, the role without a connection until a
   * page opens the new link. False if the session has no such role.
   */
  async renewRoleLink(sessionId: string, role: Role, reason: ErrorCode): Promise<boolean> {
    const sealed = await this.sessions.sealedTokens(sessionId);
    if (!(role in sealed)) return false;
    const token = newToken();
    await this.sessions.replaceRoleToken(sessionId, role, {
      hash: hashToken(token),
      sealed: this.seal.seal(token),
    });
    for (const listener of this.revokeListeners) listener(sessionId, [role], reason);
    this.logger.log(`session link renewed ${sessionId} role=${role}`);
    return true;
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
    // One answer whether the session exists or not: a wrong token must not tell (one query,
    // on the token's hash and the session id together).
    const role = await this.sessions.roleOf(sessionId, hashToken(token));
    if (!role) return failure(ErrorCode.AuthInvalidToken);
    return { role };
  }

  /**
   * The runtime of a session, loaded on demand: a session never played (no timeline yet) is
   * started; one with a timeline (after a restart) is rebuilt by replay, paused at its last
   * moment (`recovery/`). The background recovery at boot (`LiveRecovery`) goes through here
   * too, so a client that connects first gets its session rebuilt at once, ahead of the queue.
   */
  async runtimeFor(sessionId: string): Promise<SessionRuntime | Failure> {
    const placed = await this.placeFor(sessionId);
    return 'elsewhere' in placed ? failure(ErrorCode.SessionUnavailable) : placed;
  }

  /**
   * As `runtimeFor`, but with several processes the session may be another's: then who holds it
   * (`cluster/session-placement.ts` forwards there). Whether it was handed over by a draining
   * process (then the call goes on, no pause) is the lease's answer, never the caller's guess.
   */
  placeFor(sessionId: string): Promise<SessionRuntime | Failure | Elsewhere> {
    const live = this.runtimes.get(sessionId);
    if (live) {
      this.lastUsed.set(sessionId, Date.now());
      return Promise.resolve(live);
    }
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
      this.epochs.delete(sessionId);
    };
    drop();
    this.lastUsed.delete(sessionId);
    void this.loading.get(sessionId)?.then(drop, () => undefined);
    this.logger.log(`session deleted ${sessionId}`);
  }

  private async load(sessionId: string): Promise<SessionRuntime | Failure | Elsewhere> {
    const session = await this.sessions.find(sessionId);
    if (!session) return failure(ErrorCode.SessionNotFound);
    const compiled = this.catalog.get(session.scenarioId, session.scenarioVersion);
    if (!compiled) return failure(ErrorCode.ScenarioNotFound);
    // Several processes: only the lease's holder runs the session; the timeline is read after
    // the lease is taken, so it holds every append of the previous owner (cluster/).
    const lease = await this.ownership.acquire(sessionId);
    if ('elsewhere' in lease) return lease;
    // A warm handover: the head was replayed before the lease came; only the tail is read now.
    const warm = this.warm.get(sessionId);
    this.warm.delete(sessionId);
    const entries = await this.timeline.read(sessionId, warm?.seq);
    const speech: SpeechSettings = {
      mode: session.hintMode ?? 'guided',
      askTrainer: session.askTrainer ?? false,
    };
    const runtime =
      entries.length === 0 && !warm?.count
        ? new SessionRuntime(sessionId, compiled, session.seed, 0, {
            ...this.runtimeDeps(lease.epoch),
            ...(session.callerActor ? { callerActor: true } : {}),
            speech,
          })
        : await this.rebuild({
            session,
            compiled,
            entries,
            hintMode: speech.mode,
            runtime: { ...this.runtimeDeps(lease.epoch), speech },
            sessions: this.sessions,
            logger: this.logger,
            // Released cleanly by a drain (no owner left at the acquire): not a crash.
            handover: lease.handedOver === true,
            ...(warm?.count ? { warm } : {}),
          });
    if (warm && !warm.count) warm.dispose();
    this.keep(sessionId, runtime, lease.epoch);
    return runtime;
  }

  /**
   * Crash recovery's rebuild; after a handover between processes (a drain), the call goes on at
   * once, no pause recorded (unless the trainer had paused: it stays so) — `recovery/`.
   */
  private async rebuild(args: Parameters<typeof rebuildSession>[0]): Promise<SessionRuntime> {
    return (await rebuildSession(args)).runtime;
  }

  /**
   * Hands the session over (drain): no timer of it fires here any more, its appends settle, then
   * its lease is passed to `successor` (if named and alive) or released for another process to
   * take. Inputs meanwhile wait (cluster/). An ended call is not handed over: its lease goes.
   * Resolves with whether the lease went to `successor`.
   */
  async handOver(sessionId: string, successor?: string): Promise<boolean> {
    const runtime = this.runtimes.get(sessionId);
    const epoch = this.epochs.get(sessionId);
    if (!runtime || epoch === undefined) return false;
    this.forget(sessionId);
    runtime.dispose();
    await runtime.settled();
    if (runtime.ended) {
      await this.ownership.release(sessionId, epoch, false);
      return false;
    }
    return this.ownership.release(sessionId, epoch, true, successor);
  }

  /**
   * A draining process named this one the session's successor: its timeline read and replayed
   * now, while the old owner still runs the call, so that taking it over replays only the tail
   * (`recovery/warm-rebuild.ts`). Kept `WARM_KEEP_MS` at most. Resolves with the seq replayed to.
   */
  async prepareHandover(sessionId: string): Promise<number> {
    if (this.runtimes.has(sessionId)) return 0;
    // A load under way is most often an input of this session forwarded from here to the old
    // owner (it asked for the lease first): waited for, not taken for the session being ours (the
    // successor's clients sending inputs skipped most warm handovers so).
    await this.loading.get(sessionId)?.catch(() => undefined);
    if (this.runtimes.has(sessionId)) return 0;
    const session = await this.sessions.find(sessionId);
    const compiled = session && this.catalog.get(session.scenarioId, session.scenarioVersion);
    if (!session || !compiled || session.status !== 'live') return 0;
    const rebuild = new WarmRebuild(session, compiled, this.scheduler, session.hintMode ?? 'guided');
    await rebuild.feedYielding(await this.timeline.read(sessionId));
    rebuild.head = rebuild.count;
    // Taken meanwhile (an input came first): that load read the whole timeline itself. (A load
    // under way now finds this replay once it holds the lease; if it had already looked, this
    // one is dropped unused after WARM_KEEP_MS, or serves a later load: still the head.)
    if (this.runtimes.has(sessionId)) {
      rebuild.dispose();
      return 0;
    }
    this.warm.get(sessionId)?.dispose();
    this.warm.set(sessionId, rebuild);
    // Never taken (the drain failed, another process was quicker): dropped.
    setTimeout(() => {
      if (this.warm.get(sessionId) !== rebuild) return;
      this.warm.delete(sessionId);
      rebuild.dispose();
    }, WARM_KEEP_MS).unref();
    return rebuild.seq;
  }

  /** The session's lease was lost (another process took it): its runtime goes, unrecorded. */
  dropLost(sessionId: string): void {
    const runtime = this.runtimes.get(sessionId);
    if (!runtime) return;
    this.forget(sessionId);
    runtime.dispose();
    this.logger.warn(`session/lease_lost session=${sessionId}`);
  }

  /** The sessions this process runs, with their lease epochs. */
  ownedEpochs(): ReadonlyMap<string, number> {
    return this.epochs;
  }

  private forget(sessionId: string): void {
    this.runtimes.delete(sessionId);
    this.lastUsed.delete(sessionId);
    this.epochs.delete(sessionId);
  }

  private releaseLease(sessionId: string, handover: boolean): void {
    const epoch = this.epochs.get(sessionId);
    this.epochs.delete(sessionId);
    if (epoch === undefined || epoch === 0) return;
    this.ownership.release(sessionId, epoch, handover).catch((error: unknown) => {
      this.logger.error(`server/storage_failed session=${sessionId} releasing its lease: ${String(error)}`);
    });
  }

  onApplicationShutdown(): void {
    if (this.idleSweep) clearInterval(this.idleSweep);
    for (const rebuild of this.warm.values()) rebuild.dispose();
    this.warm.clear();
    for (const runtime of this.runtimes.values()) runtime.dispose();
    this.runtimes.clear();
  }

  /** A runtime now in memory, as just used (idle unloading counts from here). */
  private keep(id: string, runtime: SessionRuntime, epoch = 0): void {
    this.runtimes.set(id, runtime);
    this.epochs.set(id, epoch);
    this.lastUsed.set(id, Date.now());
  }

  /** What every runtime of this server runs on and reports to. */
  private runtimeDeps(epoch: number): SessionRuntimeDeps {
    // One process alone (epoch 0): the same deps, callbacks included, for every session (the
    // runtime gives its id); a lease's epoch has its own fenced store.
    if (epoch === 0) return (this.unfencedDeps ??= this.depsFor(0));
    return this.depsFor(epoch);
  }

  private unfencedDeps: SessionRuntimeDeps | undefined;

  private depsFor(epoch: number): SessionRuntimeDeps {
    return {
      store: epoch > 0 ? fencedStore(this.timeline, epoch) : this.timeline,
      broadcaster: this.broadcaster,
      scheduler: this.scheduler,
      wallClock,
      onEnded: (ending, id) => {
        void this.sessions.markEnded(id, new Date().toISOString(), ending.outcome).catch((error: unknown) => {
          this.logger.error(`server/storage_failed session=${id} marking ended: ${String(error)}`);
        });
      },
      onStorageError: (error, id) => {
        // Fenced: another process owns the session now; what comes next goes there.
        if ((error as { code?: unknown } | null)?.code === 'timeline/fenced') {
          this.logger.warn(`timeline/fenced session=${id} ${String(error)}`);
          if (this.epochs.get(id) === epoch) this.dropLost(id);
          return;
        }
        this.logger.error(`server/storage_failed session=${id} ${String(error)}`);
      },
    };
  }
}
