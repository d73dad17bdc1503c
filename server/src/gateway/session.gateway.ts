// The Socket.IO gateway, kept thin: bind the socket at the handshake, then for each message
// parse with the protocol schema, check the role, hand to the runtime, answer an ack.
// Nothing is thrown through a socket: every failure is an ack with a code.
import { Inject, Logger } from '@nestjs/common';
import { WebSocketGateway } from '@nestjs/websockets';
import type { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import {
  ClientEvent,
  ErrorCode,
  MAX_MESSAGE_BYTES,
  PROTOCOL_VERSION,
  errorMessages,
  failure,
  handshakeAuthSchema,
  inputSchema,
  mayRoleSend,
  syncRequestSchema,
} from '@ecoute/protocol';
import type {
  ClientToServerEvents,
  ErrorCode as Code,
  InputAck,
  ServerToClientEvents,
  SyncAck,
} from '@ecoute/protocol';
import { ROLES } from '@ecoute/engine';
import { POLICY, SOCKET_ACTIONS, allowedBy } from '../auth/policy.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { PresenceTracker } from './presence.js';
import { RATE_LIMIT, TokenBucket } from './rate-limit.js';
import { SocketRooms, roleRoom } from './socket-rooms.js';
import type { EcouteServer, SocketData } from './socket-rooms.js';

const buckets = new WeakMap<object, TokenBucket>();

/** Whether this socket may send one more message now. */
function withinRate(socket: object): boolean {
  let bucket = buckets.get(socket);
  if (!bucket) {
    bucket = new TokenBucket(RATE_LIMIT.capacity, RATE_LIMIT.perSecond, () => performance.now());
    buckets.set(socket, bucket);
  }
  return bucket.take();
}

/** Sends the answer as the ack when the client asked for one (an emit without ack gets none). */
function answer<T>(ack: unknown, result: Promise<T>): void {
  void result.then((value) => {
    if (typeof ack === 'function') (ack as (value: T) => void)(value);
  });
}

type EcouteSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** A refused handshake: the client's `connect_error` has the code as message and in `data`. */
function handshakeError(code: Code): Error & { data: { code: Code; message: string } } {
  return Object.assign(new Error(code), { data: { code, message: errorMessages[code] } });
}

@WebSocketGateway({
  maxHttpBufferSize: MAX_MESSAGE_BYTES,
  serveClient: false,
  // No Socket.IO connection state recovery: it keeps every broadcast in memory for its window
  // (≈ 220 KB a session at 100 sessions in the load benchmark) to replay what the durable
  // timeline already holds. A client that comes back is a new socket, authenticated again by
  // its token, and asks `session:sync { after: its last seq }` (DESIGN: resync by seq).
})
export class SessionGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger('SessionGateway');

  constructor(
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(SocketRooms) private readonly rooms: SocketRooms,
    @Inject(PresenceTracker) private readonly presence: PresenceTracker,
  ) {}

  afterInit(server: EcouteServer): void {
    this.rooms.attach(server);
    // Revoked links: their sockets leave at once (a new handshake needs one of the new links).
    this.sessions.onRevoke((sessionId) => {
      for (const role of ROLES) server.in(roleRoom(sessionId, role)).disconnectSockets(true);
    });
    server.use((socket, next) => {
      const auth = handshakeAuthSchema.safeParse(socket.handshake.auth);
      if (!auth.success) return next(handshakeError(ErrorCode.InputInvalid));
      if (auth.data.protocolVersion !== PROTOCOL_VERSION)
        return next(handshakeError(ErrorCode.ProtocolVersionMismatch));
      this.sessions.authenticate(auth.data.sessionId, auth.data.token).then(
        (result) => {
          if ('ok' in result) {
            this.logger.warn(`${result.code} handshake session=${auth.data.sessionId}`);
            return next(handshakeError(result.code));
          }
          // The policy table's rule of the handshake (auth/policy.ts).
          const link = { kind: 'link', sessionId: auth.data.sessionId, role: result.role } as const;
          const target = {
            kind: 'session',
            sessionId: link.sessionId,
            ownerId: null,
            organizationId: null,
          } as const;
          if (!allowedBy(POLICY[SOCKET_ACTIONS.handshake], [link], target))
            return next(handshakeError(ErrorCode.AuthForbiddenRole));
          socket.data = { sessionId: auth.data.sessionId, role: result.role };
          next();
        },
        (error: unknown) => {
          this.logger.error(`server/internal handshake ${String(error)}`);
          next(handshakeError(ErrorCode.ServerInternal));
        },
      );
    });
  }

  async handleConnection(socket: EcouteSocket): Promise<void> {
    // The two messages are handled straight on the socket rather than through @SubscribeMessage:
    // Nest's per-socket rxjs streams cost ≈ 8 KB a socket and an observable pipeline per message
    // (load benchmark, issue 6). Registered before any await: no message can come first.
    socket.on(ClientEvent.Input, (body, ack) => answer(ack, this.onInput(socket, body)));
    socket.on(ClientEvent.Sync, (body, ack) => answer(ack, this.onSync(socket, body)));
    const { sessionId, role } = socket.data;
    await socket.join(roleRoom(sessionId, role));
    this.publishPresence(sessionId);
  }

  handleDisconnect(socket: EcouteSocket): void {
    // A socket refused at the handshake has no data.
    const sessionId = (socket.data as Partial<SocketData> | undefined)?.sessionId;
    if (sessionId) this.publishPresence(sessionId);
  }

  private publishPresence(sessionId: string): void {
    this.presence.publish(sessionId).catch((error: unknown) => {
      this.logger.error(`server/internal presence session=${sessionId} ${String(error)}`);
    });
  }

  async onInput(socket: EcouteSocket, body: unknown): Promise<InputAck> {
    const { sessionId, role } = socket.data;
    if (!withinRate(socket)) return failure(ErrorCode.InputRateLimited);
    try {
      const input = inputSchema.safeParse(body);
      if (!input.success) return failure(ErrorCode.InputInvalid);
      if (!mayRoleSend(role, input.data.kind)) {
        this.logger.warn(`auth/forbidden_role session=${sessionId} role=${role} kind=${input.data.kind}`);
        return failure(ErrorCode.AuthForbiddenRole);
      }
      const runtime = await this.sessions.runtimeFor(sessionId);
      if ('ok' in runtime) return runtime;
      const ack = await runtime.apply(role, input.data);
      if (ack.ok && input.data.kind === 'join') {
        this.presence.joined(sessionId, role, input.data.name).catch((error: unknown) => {
          this.logger.error(`server/internal presence session=${sessionId} ${String(error)}`);
        });
      }
      return ack;
    } catch (error) {
      this.logger.error(`server/internal session=${sessionId} ${String(error)}`);
      return failure(ErrorCode.ServerInternal);
    }
  }

  async onSync(socket: EcouteSocket, body: unknown): Promise<SyncAck> {
    const { sessionId, role } = socket.data;
    if (!withinRate(socket)) return failure(ErrorCode.InputRateLimited);
    try {
      const request = syncRequestSchema.safeParse(body);
      if (!request.success) return failure(ErrorCode.InputInvalid);
      const runtime = await this.sessions.runtimeFor(sessionId);
      if ('ok' in runtime) return runtime;
      return { ok: true, snapshot: await runtime.snapshot(role, request.data.after) };
    } catch (error) {
      this.logger.error(`server/internal session=${sessionId} ${String(error)}`);
      return failure(ErrorCode.ServerInternal);
    }
  }
}
