// The only place that touches the Socket.IO server for broadcasts: one room per session and
// role. Runtimes publish through the `RoleBroadcaster` interface and never see socket.io.
import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
import { ROLES } from '@ecoute/engine';
import type { Role } from '@ecoute/engine';
import { ServerEvent } from '@ecoute/protocol';
import type { ClientToServerEvents, Presence, RoleUpdate, ServerToClientEvents } from '@ecoute/protocol';
import type { RoleBroadcaster } from '../sessions/session-runtime.js';

export interface SocketData {
  sessionId: string;
  role: Role;
  /** The client's address for the per-address limits, read once at the handshake. */
  address: string;
}

export type EcouteServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

export function roleRoom(sessionId: string, role: Role): string {
  return `s:${sessionId}:${role}`;
}

@Injectable()
export class SocketRooms implements RoleBroadcaster {
  private server: EcouteServer | undefined;

  attach(server: EcouteServer): void {
    this.server = server;
  }

  toRole(sessionId: string, role: Role, update: RoleUpdate): void {
    this.server?.to(roleRoom(sessionId, role)).emit(ServerEvent.Update, update);
  }

  /** Sends the presence to every role room of the session. */
  presence(sessionId: string, presence: Presence): void {
    this.server?.to(ROLES.map((role) => roleRoom(sessionId, role))).emit(ServerEvent.Presence, presence);
  }

  /** Open connections per role of a session: the sockets in each role room. */
  connections(sessionId: string): Record<Role, number> {
    const rooms = this.server?.sockets.adapter.rooms;
    return Object.fromEntries(
      ROLES.map((role) => [role, rooms?.get(roleRoom(sessionId, role))?.size ?? 0]),
    ) as Record<Role, number>;
  }

  /** Open sockets per role, over every session (metrics). */
  socketsPerRole(): Record<Role, number> {
    const counts = Object.fromEntries(ROLES.map((role) => [role, 0])) as Record<Role, number>;
    for (const socket of this.server?.sockets.sockets.values() ?? []) {
      const role = (socket.data as Partial<SocketData> | undefined)?.role;
      if (role) counts[role] += 1;
    }
    return counts;
  }
}
