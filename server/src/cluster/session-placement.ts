// Where an input or a sync of a session is served. One process: here, always. Several processes:
// by the session's owner — here if this process holds (or can take) the lease, else forwarded to
// the owner over Redis and answered from there (`OwnerLink`). When the owner is gone (nobody on
// its channel) the request waits for its lease to expire, takes the session over (rebuilt by
// replay, as after a crash) and is served here. An input whose forward got no reply in time is answered
// `server/storage_failed` rather than tried again: the owner may have recorded it before dying,
// and applying it twice would be worse than asking the person to send it again. The process that
// answered a session's last forwarded request is asked first next time (a hint, never trusted:
// it serves only what it holds), without a lease transaction to learn who holds it — most inputs
// land on another process than their owner's.
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import type { Input, Role } from '@ecoute/engine';
import { ErrorCode, failure } from '@ecoute/protocol';
import type { InputAck, SyncAck } from '@ecoute/protocol';
import type { SessionRuntime } from '../sessions/session-runtime.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { CLUSTER } from './cluster.js';
import type { Cluster } from './cluster.js';
import type { ForwardedReply, ForwardedRequest } from './owner-link.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** How often a request asks again for a session being handed over (each ask: one acquire). */
const HANDOVER_POLL_MS = 50;
/** Owners remembered at most (sessions this process forwarded to, the latest ones). */
const OWNER_HINTS = 10_000;

/** What this process's placements did since boot: a few integers (the cluster tests read them). */
export interface PlacementStats {
  /** Asked `SessionsService.placeFor` (a lease transaction, unless the session runs here). */
  lookups: number;
  /** Requests sent to another process (`OwnerLink.call`), hinted or not. */
  forwards: number;
  /** Sent first to the process that served the session's last forwarded request, and served there. */
  hintServed: number;
  /** Sent there first, but it no longer serves the session (or is gone): then through the lease. */
  hintMissed: number;
  /** Waits begun for a session changing hands (`changeOf`)… */
  handoverWaits: number;
  /** …ended as soon as this process learnt it had (told `yours`, an announcement, its own drain)… */
  woken: number;
  /** …or by the poll's timer. */
  polled: number;
}

@Injectable()
export class SessionPlacement implements OnModuleInit {
  /** Per session, the process that served its last forwarded request. */
  private readonly owners = new Map<string, string>();
  readonly stats: PlacementStats = {
    lookups: 0,
    forwards: 0,
    hintServed: 0,
    hintMissed: 0,
    handoverWaits: 0,
    woken: 0,
    polled: 0,
  };
  /**
   * How often a request asks again for a session changing hands, if not told first that it has
   * (a test lengthens it: then only the word of the change can end the wait in time).
   */
  handoverPollMs = HANDOVER_POLL_MS;

  constructor(
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Optional() @Inject(CLUSTER) private readonly cluster: Cluster | null = null,
  ) {}

  onModuleInit(): void {
    this.cluster?.link.onRequest((request) => this.serveForwarded(request));
  }

  input(sessionId: string, role: Role, input: Input): Promise<InputAck> {
    return this.place({ kind: 'input', sessionId, role, input }) as Promise<InputAck>;
  }

  sync(
    sessionId: string,
    role: Role,
    after: number,
    page: { entries: number; bytes: number },
  ): Promise<SyncAck> {
    return this.place({ kind: 'sync', sessionId, role, after, page }) as Promise<SyncAck>;
  }

  private async local(runtime: SessionRuntime, request: ForwardedRequest): Promise<InputAck | SyncAck> {
    if (request.kind === 'input') return runtime.apply(request.role, request.input);
    const snapshot = await runtime.snapshot(request.role, request.after, request.page);
    return { ok: true, snapshot };
  }

  private async place(request: ForwardedRequest): Promise<InputAck | SyncAck> {
    const cluster = this.cluster;
    // Served elsewhere last time: asked there first. Not there any more (placed elsewhere, gone):
    // the usual way, through the lease.
    const hinted = cluster && !this.sessions.loaded(request.sessionId) && this.owners.get(request.sessionId);
    if (cluster && hinted && hinted !== cluster.node) {
      this.stats.forwards++;
      const outcome = await cluster.link.call(hinted, request, Math.max(2 * cluster.leaseMs, 5_000));
      if (outcome.kind === 'answer' && outcome.reply.placed) {
        this.stats.hintServed++;
        return outcome.reply.answer;
      }
      if (outcome.kind === 'timeout' && request.kind === 'input')
        return failure(ErrorCode.ServerStorageFailed);
      this.stats.hintMissed++;
      this.owners.delete(request.sessionId);
    }
    // Long enough for a dead owner's lease to expire and the session to be rebuilt here.
    const deadline = Date.now() + (cluster ? cluster.leaseMs * 3 + 5_000 : 0);
    for (;;) {
      this.stats.lookups++;
      const placed = await this.sessions.placeFor(request.sessionId);
      if (!('elsewhere' in placed)) return 'ok' in placed ? placed : this.local(placed, request);
      if (!cluster) return failure(ErrorCode.SessionUnavailable);
      const { owner, expiresInMs } = placed.elsewhere;
      // Asked again soon while the session changes hands (a drain): its call is paused meanwhile.
      const wait = Math.min(250, Math.max(25, expiresInMs));
      // This process is handing it over (draining): free in a moment.
      let changing = owner === cluster.node;
      if (owner && owner !== cluster.node) {
        // A busy owner may be slow: the wait is longer than a lease (a stalled one has lost it by then).
        this.stats.forwards++;
        const outcome = await cluster.link.call(owner, request, Math.max(2 * cluster.leaseMs, 5_000));
        if (outcome.kind === 'answer' && outcome.reply.placed) {
          this.remember(request.sessionId, owner);
          return outcome.reply.answer;
        }
        // Maybe recorded by an owner that then stalled or died: not applied a second time.
        if (outcome.kind === 'timeout' && request.kind === 'input')
          return failure(ErrorCode.ServerStorageFailed);
        // The owner no longer serves it (it drains): released in a moment.
        if (outcome.kind === 'answer') changing = true;
      }
      if (Date.now() > deadline) return failure(ErrorCode.SessionUnavailable);
      // Changing hands: asked again as soon as this process learns it has (or at the next poll).
      if (changing) {
        this.stats.handoverWaits++;
        const why = await cluster.link.changeOf(request.sessionId, this.handoverPollMs);
        this.stats[why === 'changed' ? 'woken' : 'polled']++;
      } else await sleep(wait);
    }
  }

  private remember(sessionId: string, owner: string): void {
    this.owners.delete(sessionId);
    this.owners.set(sessionId, owner);
    // The oldest first (a Map keeps insertion order).
    if (this.owners.size > OWNER_HINTS) this.owners.delete(this.owners.keys().next().value!);
  }

  /** A request forwarded by another process: served if this one holds (or takes) the session. */
  private async serveForwarded(request: ForwardedRequest): Promise<ForwardedReply> {
    const placed = await this.sessions.placeFor(request.sessionId);
    if ('elsewhere' in placed) return { placed: false };
    return { placed: true, answer: 'ok' in placed ? placed : await this.local(placed, request) };
  }
}
