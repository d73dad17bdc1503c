// Who is in a session now: per role, the last name given (`join` inputs, read back from the
// timeline once per session so a restart keeps them) and the open connections (the sockets in
// the role's room: two tabs of one link count two). Broadcast to every role room of the session
// on connect, disconnect and join, so the trainer sees who is in which role. Coalesced: at most
// one broadcast per session per PRESENCE_INTERVAL_MS, the last state wins (500 sockets joining
// one session no longer send each other 500² messages).
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { ROLES } from '@ecoute/engine';
import type { Role } from '@ecoute/engine';
import type { Presence } from '@ecoute/protocol';
import { SessionStore } from '../sessions/session-store.js';
import { TIMELINE_STORE } from '../timeline/timeline-store.js';
import type { TimelineStore } from '../timeline/timeline-store.js';
import { SocketRooms } from './socket-rooms.js';

interface Known {
  names: Map<Role, string>;
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
export class PresenceTracker implements OnApplicationShutdown {
  private readonly logger = new Logger('Presence');
  /** Per session with open connections; dropped when the last one closes. */
  private readonly known = new Map<string, Known | Promise<Known>>();
  /** Sessions that broadcast less than PRESENCE_INTERVAL_MS ago. */
  private readonly throttles = new Map<string, Throttle>();

  constructor(
    @Inject(TIMELINE_STORE) private readonly timeline: TimelineStore,
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(SocketRooms) private readonly rooms: SocketRooms,
  ) {}

  /** Records the name `role` joined with, then broadcasts. */
  async joined(sessionId: string, role: Role, name: string): Promise<void> {
    (await this.load(sessionId)).names.set(role, name);
    await this.publish(sessionId);
  }

  /** The presence of a session now. */
  async presenceOf(sessionId: string): Promise<Presence> {
    const { names, callerActor } = await this.load(sessionId);
    const connections = this.rooms.connections(sessionId);
    return {
      participants: ROLES.filter((role) => role !== 'callerActor' || callerActor).map((role) => ({
        role,
        name: names.get(role) ?? null,
        connections: connections[role],
      })),
    };
  }

  /**
   * Sends the presence to every role room of the session: now if the last broadcast is older
   * than PRESENCE_INTERVAL_MS, else once at the end of the interval, with the state of then.
   */
  async publish(sessionId: string): Promise<void> {
    const throttle = this.throttles.get(sessionId);
    if (throttle) {
      throttle.dirty = true;
      return;
    }
    this.throttles.set(sessionId, { timer: this.intervalEnd(sessionId), dirty: false });
    await this.broadcast(sessionId);
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
    const presence = await this.presenceOf(sessionId);
    this.rooms.presence(sessionId, presence);
    if (presence.participants.every((p) => p.connections === 0)) this.known.delete(sessionId);
  }

  /** The session's names: the promise of their first read, then the names themselves. */
  private load(sessionId: string): Known | Promise<Known> {
    const held = this.known.get(sessionId);
    if (held) return held;
    const loading = Promise.all([this.timeline.read(sessionId), this.sessions.find(sessionId)]).then(
      ([entries, session]) => {
        const names = new Map<Role, string>();
        for (const e of entries)
          if (e.kind === 'input' && e.input.kind === 'join' && isRole(e.source))
            names.set(e.source, e.input.name);
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
