// Who is in a session now: per role, the last name given (`join` inputs, read back from the
// timeline once per session so a restart keeps them) and the open connections (the sockets in
// the role's room: two tabs of one link count two). Broadcast to every role room of the session
// on connect, disconnect and join, so the trainer sees who is in which role.
import { Inject, Injectable } from '@nestjs/common';
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

@Injectable()
export class PresenceTracker {
  /** Per session with open connections; dropped when the last one closes. */
  private readonly known = new Map<string, Promise<Known>>();

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

  /** Sends the presence to every role room of the session. */
  async publish(sessionId: string): Promise<void> {
    const presence = await this.presenceOf(sessionId);
    this.rooms.presence(sessionId, presence);
    if (presence.participants.every((p) => p.connections === 0)) this.known.delete(sessionId);
  }

  private load(sessionId: string): Promise<Known> {
    let known = this.known.get(sessionId);
    if (!known) {
      known = Promise.all([this.timeline.read(sessionId), this.sessions.find(sessionId)]).then(
        ([entries, session]) => {
          const names = new Map<Role, string>();
          for (const e of entries)
            if (e.kind === 'input' && e.input.kind === 'join' && isRole(e.source))
              names.set(e.source, e.input.name);
          return { names, callerActor: session?.callerActor === true };
        },
      );
      this.known.set(sessionId, known);
      known.catch(() => this.known.delete(sessionId));
    }
    return known;
  }
}
