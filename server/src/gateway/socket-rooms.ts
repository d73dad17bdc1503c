// The only place that touches the Socket.IO server for broadcasts: one room per session and
// role. Runtimes publish through the `RoleBroadcaster` interface and never see socket.io.
import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
import { ROLES } from '@ecoute/engine';
import type { Role } from '@ecoute/engine';
import { ServerEvent } from '@ecoute/protocol';
import type {
  ClientToServerEvents,
  ErrorCode,
  Presence,
  RoleUpdate,
  ServerToClientEvents,
} from '@ecoute/protocol';
import type { RoleBroadcaster } from '../sessions/session-runtime.js';
import { pagesAnswering } from './probe.js';

export interface SocketData {
  sessionId: string;
  role: Role;
  /** The client's address for the per-address limits, read once at the handshake. */
  address: string;
}

/**
 * Between the server processes of a cluster (the Redis adapter's server-side events): presence
 * counts asked of the others, and a change of one process's sockets or names told to them.
 */
export interface InterServerEvents {
  'presence:count': (sessionId: string, ack: (connections: Record<Role, number>) => void) => void;
  'presence:changed': (sessionId: string, joined: { role: Role; name: string } | null) => void;
}

export interface PresenceHandlers {
  /** This process's connections to the session, per role. */
  count: (sessionId: string) => Record<Role, number>;
  /** Another process's sockets or names of the session changed. */
  changed: (sessionId: string, joined: { role: Role; name: string } | null) => void;
}

export type EcouteServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export function roleRoom(sessionId: string, role: Role): string {
  return `s:${sessionId}:${role}`;
}

/**
 * Whether the server's adapter publishes broadcasts to other processes (a cluster adapter, such as
 * the sharded Redis one, has `doPublish`; the in-memory adapter of a single process has not).
 */
function publishesToOthers(server: EcouteServer): boolean {
  return typeof (server.sockets.adapter as { doPublish?: unknown }).doPublish === 'function';
}

@Injectable()
export class SocketRooms implements RoleBroadcaster {
  private server: EcouteServer | undefined;
  private others: PresenceHandlers | undefined;

  attach(server: EcouteServer): void {
    this.server = server;
    if (this.others) this.listenToOthers(server, this.others);
  }

  /**
   * One broadcast to the rooms of `roles`: the update is encoded once (JSON text, then one
   * WebSocket frame, `in-memory-adapter`'s `wsPreEncodedFrame`) for every socket of every room.
   * With several processes, one broadcast per room: the sharded Redis adapter publishes a
   * broadcast to one room on that room's channel (read only by the processes with a socket in it),
   * but one to several rooms on its main channel, which every process reads.
   */
  toRoles(sessionId: string, roles: readonly Role[], update: RoleUpdate): void {
    const server = this.server;
    if (!server) return;
    const [only] = roles;
    if (roles.length === 1 && only) server.to(roleRoom(sessionId, only)).emit(ServerEvent.Update, update);
    else if (!publishesToOthers(server))
      server.to(roles.map((role) => roleRoom(sessionId, role))).emit(ServerEvent.Update, update);
    else for (const role of roles) server.to(roleRoom(sessionId, role)).emit(ServerEvent.Update, update);
  }

  /**
   * Sends the presence to every role room of the session; `local`: only to this process's sockets
   * (with several processes each sends the sum it counted to its own).
   */
  presence(sessionId: string, presence: Presence, local = false): void {
    const server = local ? this.server?.local : this.server;
    server?.to(ROLES.map((role) => roleRoom(sessionId, role))).emit(ServerEvent.Presence, presence);
  }

  /**
   * How many pages of a role's room, on every process, answer `session:probe` within `ms` (the
   * adapter's broadcast with acks: with several processes, each one's sockets are asked and a
   * stalled process is left out after `ms`). A page whose device died without a close is still in
   * the room until Socket.IO's heartbeat notices (≈ 45 s) but answers nothing. Asked only when a
   * group session's join names the learner holding the role: nothing on a call's own traffic.
   */
  answering(sessionId: string, role: Role, ms: number): Promise<number> {
    const server = this.server;
    if (!server) return Promise.resolve(0);
    return pagesAnswering(server.in(roleRoom(sessionId, role)), ServerEvent.Probe, ms);
  }

  /**
   * Closes the pages of a role on every process, told why first (`session:closed`) when there is
   * a reason: they then do not try again.
   */
  close(sessionId: string, role: Role, reason: ErrorCode | null): void {
    const server = this.server;
    if (!server) return;
    const room = roleRoom(sessionId, role);
    if (reason) server.to(room).emit(ServerEvent.Closed, { code: reason });
    server.in(room).disconnectSockets(true);
  }

  /** What this process answers and does when the others ask its counts or tell a change. */
  onOthers(handlers: PresenceHandlers): void {
    this.others = handlers;
    if (this.server) this.listenToOthers(this.server, handlers);
  }

  private listenToOthers(server: EcouteServer, handlers: PresenceHandlers): void {
    server.on('presence:count', (sessionId, ack) => ack(handlers.count(sessionId)));
    server.on('presence:changed', (sessionId, joined) => handlers.changed(sessionId, joined));
  }

  /**
   * The connections of the other processes to this session (one answer per process); a process
   * that does not answer within the adapter's 5 s (stalled) is left out.
   */
  async othersConnections(sessionId: string): Promise<Record<Role, number>[]> {
    const server = this.server;
    if (!server) return [];
    try {
      return await server.serverSideEmitWithAck('presence:count', sessionId);
    } catch (error) {
      return (error as { responses?: Record<Role, number>[] }).responses ?? [];
    }
  }

  /** Tells the other processes that this session's presence changed here. */
  tellOthers(sessionId: string, joined: { role: Role; name: string } | null): void {
    this.server?.serverSideEmit('presence:changed', sessionId, joined);
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
