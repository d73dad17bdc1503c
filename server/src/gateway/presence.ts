// Who is in a session now: per role, the last name given (`join` inputs, read back from the
// timeline once per session so a restart keeps them) and the open connections (the sockets in
// the role's room: two tabs of one link count two). Broadcast to every role room of the session
// on connect, disconnect and join, so the trainer sees who is in which role. Coalesced: at most
// one broadcast per session per PRESENCE_INTERVAL_MS, the last state wins (500 sockets joining
// one session no longer send each other 500² messages).
// Several processes (cluster/): the sockets of one session may be on every process. A process
// whose sockets or names change tells the others (the Redis adapter's server-side events); each
// process with sockets in the session then counts again — its own rooms plus the counts the
// others answer — and sends the sum to its own sockets only. A process that is gone (its Redis
// connection closed) is not asked; a stalled one is left out after the adapter's 5 s.
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationShutdown } from '@nestjs/common';
import { ROLES } from '@ecoute/engine';
import type { Role } from '@ecoute/engine';
import type { Presence } from '@ecoute/protocol';
import { CLUSTER } from '../cluster/cluster.js';
import type { Cluster } from '../cluster/cluster.js';
import { SessionStore } from '../sessions/session-store.js';
import { TIMELINE_STORE } from '../timeline/timeline-store.js';
import type { TimelineStore } from '../timeline/timeline-store.js';
import { SocketRooms } from './socket-rooms.js';

interface Known {
  /** The last name each role joined with (a plain record: a Map's table is 184 B a session). */
  names: Partial<Record<Role, string>>;
  /** Whether the session has a caller actor (its role is listed only then). */
  callerActor: boolean;
}

const isRole = (source: string): source is Role => (ROLES as readonly string[]).includes(source);

/** The shortest time between two presence broadcasts of one session. */
export const PRESENCE_INTERVAL_MS = 250;

interface Throttle {
  timer: ReturnType<typeof setTimeout>;
  /** Something changed since the last broadcast: send once more when the interval ends. */
  dirty: boolean;
}

@Injectable()
export class PresenceTracker implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Presence');
  /** Per session with open connections; dropped when the last one closes. */
  private readonly known = new Map<string, Known | Promise<Known>>();
  /** Sessions that broadcast less than PRESENCE_INTERVAL_MS ago. */
  private readonly throttles = new Map<string, Throttle>();
  /** Per session, the broadcasts started and the latest started one sent (counts go out in order). */
  private readonly turns = new Map<string, { started: number; sent: number }>();
  /** Several processes: each process sends to its own sockets. */
  private readonly clustered: boolean;
  /** The others are asked and told (not once this process stops: its Redis connections go). */
  private asking: boolean;

  constructor(
    @Inject(TIMELINE_STORE) private readonly timeline: TimelineStore,
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(SocketRooms) private readonly rooms: SocketRooms,
    @Optional() @Inject(CLUSTER) cluster: Cluster | null = null,
  ) {
    this.clustered = cluster !== null;
    this.asking = this.clustered;
    if (this.clustered)
      rooms.onOthers({
        count: (sessionId) => rooms.connections(sessionId),
        changed: (sessionId, joined) => this.changedElsewhere(sessionId, joined),
      });
  }

  /** Records the name `role` joined with, then broadcasts. */
  async joined(sessionId: string, role: Role, name: string): Promise<void> {
    (await this.load(sessionId)).names[role] = name;
    if (this.asking) this.rooms.tellOthers(sessionId, { role, name });
    await this.schedule(sessionId);
  }

  /** The presence of a session now (with several processes, the sum of every process's sockets). */
  async presenceOf(sessionId: string): Promise<Presence> {
    const [{ names, callerActor }, connections] = await Promise.all([
      this.load(sessionId),
      this.connectionsOf(sessionId),
    ]);
    return {
      participants: ROLES.filter((role) => role !== 'callerActor' || callerActor).map((role) => ({
        role,
        name: names[role] ?? null,
        connections: connections[role],
      })),
    };
  }

  /** The open connections per role of a session, on every process; no name read, nothing kept. */
  private async connectionsOf(sessionId: string): Promise<Record<Role, number>> {
    const others = this.asking ? await this.rooms.othersConnections(sessionId) : [];
    const connections = this.rooms.connections(sessionId);
    for (const counts of others) for (const role of ROLES) connections[role] += counts[role] ?? 0;
    return connections;
  }

  /** This process's sockets of the session changed (a connection, a disconnection): broadcast. */
  async publish(sessionId: string): Promise<void> {
    if (this.asking) this.rooms.tellOthers(sessionId, null);
    await this.schedule(sessionId);
  }

  /** Another process's sockets or names changed: counted again if this one has sockets there. */
  private changedElsewhere(sessionId: string, joined: { role: Role; name: string } | null): void {
    if (!this.hasSocketsHere(sessionId)) return;
    Promise.resolve(this.load(sessionId))
      .then((known: Known) => {
        if (joined) known.names[joined.role] = joined.name;
        return this.schedule(sessionId);
      })
      .catch((error: unknown) => {
        this.logger.error(`server/internal presence session=${sessionId} ${String(error)}`);
      });
  }

  private hasSocketsHere(sessionId: string): boolean {
    const here = this.rooms.connections(sessionId);
    return ROLES.some((role) => here[role] > 0);
  }

  /**
   * Sends the presence to every role room of the session: now if the last broadcast is older
   * than PRESENCE_INTERVAL_MS, else once at the end of the interval, with the state of then.
   */
  private async schedule(sessionId: string): Promise<void> {
    const throttle = this.throttles.get(sessionId);
    if (throttle) {
      throttle.dirty = true;
      return;
    }
    this.throttles.set(sessionId, { timer: this.intervalEnd(sessionId), dirty: false });
    await this.broadcast(sessionId);
  }

  /** Stopping: counts from here only (the others still ask this one until its adapter closes). */
  beforeApplicationShutdown(): void {
    this.asking = false;
  }

  onApplicationShutdown(): void {
    for (const { timer } of this.throttles.values()) clearTimeout(timer);
    this.throttles.clear();
  }

  private intervalEnd(sessionId: string): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      const throttle = this.throttles.get(sessionId);
      if (!throttle?.dirty) {
        this.throttles.delete(sessionId);
        return;
      }
      throttle.dirty = false;
      throttle.timer = this.intervalEnd(sessionId);
      this.broadcast(sessionId).catch((error: unknown) => {
        this.logger.error(`server/internal presence session=${sessionId} ${String(error)}`);
      });
    }, PRESENCE_INTERVAL_MS);
    timer.unref();
    return timer;
  }

  private async broadcast(sessionId: string): Promise<void> {
    const turns = this.turns.get(sessionId) ?? { started: 0, sent: 0 };
    this.turns.set(sessionId, turns);
    const turn = ++turns.started;
    const presence = await this.presenceOf(sessionId);
    // Counted later, sent earlier (the others answered it sooner): this older count stays here.
    if (turns.sent > turn) return;
    turns.sent = turn;
    // Several processes: each sends the sum to its own sockets (the others do to theirs).
    this.rooms.presence(sessionId, presence, this.clustered);
    if (!this.hasSocketsHere(sessionId)) {
      this.known.delete(sessionId);
      this.turns.delete(sessionId);
    }
  }

  /** The session's names: the promise of their first read, then the names themselves. */
  private load(sessionId: string): Known | Promise<Known> {
    const held = this.known.get(sessionId);
    if (held) return held;
    const loading = Promise.all([this.timeline.read(sessionId), this.sessions.find(sessionId)]).then(
      ([entries, session]) => {
        const names: Partial<Record<Role, string>> = {};
        for (const e of entries)
          if (e.kind === 'input' && e.input.kind === 'join' && isRole(e.source))
            names[e.source] = e.input.name;
        const known = { names, callerActor: session?.callerActor === true };
        // Kept as a plain value: no settled promise and its reactions held for the session's life.
        if (this.known.get(sessionId) === loading) this.known.set(sessionId, known);
        return known;
      },
      (error: unknown) => {
        if (this.known.get(sessionId) === loading) this.known.delete(sessionId);
        throw error;
      },
    );
    this.known.set(sessionId, loading);
    return loading;
  }
}
