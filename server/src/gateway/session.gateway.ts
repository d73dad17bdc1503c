// The Socket.IO gateway, kept thin: bind the socket at the handshake, then for each message
// parse with the protocol schema, check the role, hand to the runtime, answer an ack.
// Nothing is thrown through a socket: every failure is an ack with a code.
import { Inject, Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
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
  seatRequestSchema,
  ServerEvent,
  syncRequestSchema,
} from '@ecoute/protocol';
import type {
  ClientToServerEvents,
  ErrorCode as Code,
  InputAck,
  SeatAck,
  ServerToClientEvents,
  SyncAck,
} from '@ecoute/protocol';
import { originAllowed } from '../auth/origin.js';
import { APP_CONFIG } from '../config/env.js';
import type { AppConfig } from '../config/env.js';
import { clientText } from '../logging/client-text.js';
import { ServerMetrics } from '../metrics/server-metrics.js';
import { POLICY, SOCKET_ACTIONS, allowedBy } from '../auth/policy.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { SessionPlacement } from '../cluster/session-placement.js';
import { PresenceTracker } from './presence.js';
import { GATEWAY_LIMITS, RateLimiter } from './rate-limit.js';
import type { GatewayLimits, Sender } from './rate-limit.js';
import { Refusals } from './refusals.js';
import { RoleSeats } from './seats.js';
import { SocketRooms, roleRoom } from './socket-rooms.js';
import type { EcouteServer, InterServerEvents, SocketData } from './socket-rooms.js';
import { unsentBytes } from './unsent-bytes.js';
import { clientAddressOf } from '../http/client-address.js';
import type { AddressOf } from '../http/client-address.js';

/** How often every socket's unsent bytes are checked (slow readers are cut off). */
const SLOW_READER_SWEEP_MS = 1000;

/** Sends the answer as the ack when the client asked for one (an emit without ack gets none). */
function answer<T>(ack: unknown, result: Promise<T>): void {
  void result.then((value) => {
    if (typeof ack === 'function') (ack as (value: T) => void)(value);
  });
}

type EcouteSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

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
export class SessionGateway
  implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnApplicationShutdown
{
  private readonly logger = new Logger('SessionGateway');
  private readonly limiter: RateLimiter;
  private readonly addressOf: AddressOf;
  /** One seat per listener link: a second page of the link reads until it takes the seat. */
  private readonly seats = new RoleSeats();
  private sweep: ReturnType<typeof setInterval> | undefined;
  /**
   * The socket's message listeners, one set for every socket: Socket.IO calls a listener with
   * the socket as `this`. Three closures per socket (and their context) were ≈ 0.9 KB a session
   * in the load benchmark's heap snapshots (four sockets a session).
   */
  private readonly listeners: {
    input: (this: EcouteSocket, body: unknown, ack: unknown) => void;
    sync: (this: EcouteSocket, body: unknown, ack: unknown) => void;
    seat: (this: EcouteSocket, body: unknown, ack: unknown) => void;
  };

  constructor(
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(SocketRooms) private readonly rooms: SocketRooms,
    @Inject(PresenceTracker) private readonly presence: PresenceTracker,
    @Inject(ServerMetrics) private readonly metrics: ServerMetrics,
    @Inject(Refusals) private readonly refusals: Refusals,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(GATEWAY_LIMITS) limits: GatewayLimits,
    @Inject(SessionPlacement) private readonly placement: SessionPlacement,
  ) {
    this.limiter = new RateLimiter(limits);
    this.addressOf = clientAddressOf(config.trustProxy);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the listeners' own `this` is the socket
    const gateway = this;
    this.listeners = {
      input(body, ack) {
        answer(
          ack,
          gateway.onInput(this, body).then((result) => gateway.counted(this, 'input', result)),
        );
      },
      sync(body, ack) {
        answer(
          ack,
          gateway.onSync(this, body).then((result) => gateway.counted(this, 'sync', result)),
        );
      },
      seat(body, ack) {
        answer(ack, Promise.resolve(gateway.counted(this, 'seat', gateway.onSeat(this, body))));
      },
    };
  }

  afterInit(server: EcouteServer): void {
    this.rooms.attach(server);
    this.metrics.watch({
      liveSessions: () => this.sessions.loadedCount,
      socketsPerRole: () => this.rooms.socketsPerRole(),
    });
    // Slow readers: a socket that stopped reading while the server writes to it holds every
    // byte in this process; past the cap it is disconnected (its client reconnects and syncs).
    this.sweep = setInterval(() => {
      for (const socket of server.sockets.sockets.values()) this.cutIfSlow(socket);
    }, SLOW_READER_SWEEP_MS);
    this.sweep.unref();
    // Revoked links: their sockets leave at once (a new handshake needs one of the new links),
    // told why first when there is a reason (they then do not try again).
    this.sessions.onRevoke((sessionId, roles, reason) => {
      for (const role of roles) this.rooms.close(sessionId, role, reason);
    });
    server.use((socket, next) => {
      // The session id is the client's word until authenticated: escaped before it is logged.
      const refuse = (code: Code): void => {
        const sessionId = (socket.handshake.auth as { sessionId?: unknown } | undefined)?.sessionId;
        this.refusals.refused({
          code,
          at: 'handshake',
          socket: socket.id,
          ...(sessionId !== undefined ? { session: clientText(sessionId) } : {}),
        });
        next(handshakeError(code));
      };
      const headers = socket.handshake.headers;
      if (!originAllowed(headers.origin, headers.host, this.config.publicUrl))
        return refuse(ErrorCode.AuthForbiddenOrigin);
      const auth = handshakeAuthSchema.safeParse(socket.handshake.auth);
      if (!auth.success) return refuse(ErrorCode.InputInvalid);
      if (auth.data.protocolVersion !== PROTOCOL_VERSION) return refuse(ErrorCode.ProtocolVersionMismatch);
      // Read now: the socket keeps only a slim copy of its opening request (io-adapter.ts).
      const address = this.addressOf(socket.request);
      this.sessions.authenticate(auth.data.sessionId, auth.data.token).then(
        (result) => {
          if ('ok' in result) return refuse(result.code);
          // The policy table's rule of the handshake (auth/policy.ts).
          const link = { kind: 'link', sessionId: auth.data.sessionId, role: result.role } as const;
          const target = {
            kind: 'session',
            sessionId: link.sessionId,
            ownerId: null,
            organizationId: null,
          } as const;
          if (!allowedBy(POLICY[SOCKET_ACTIONS.handshake], [link], target))
            return refuse(ErrorCode.AuthForbiddenRole);
          socket.data = { sessionId: auth.data.sessionId, role: result.role, address };
          next();
        },
        (error: unknown) => {
          this.logger.error(
            { code: ErrorCode.ServerInternal, at: 'handshake', socket: socket.id },
            String(error),
          );
          next(handshakeError(ErrorCode.ServerInternal));
        },
      );
    });
  }

  async handleConnection(socket: EcouteSocket): Promise<void> {
    // The two messages are handled straight on the socket rather than through @SubscribeMessage:
    // Nest's per-socket rxjs streams cost ≈ 8 KB a socket and an observable pipeline per message
    // (load benchmark, issue 6). Registered before any await: no message can come first.
    socket.on(ClientEvent.Input, this.listeners.input);
    socket.on(ClientEvent.Sync, this.listeners.sync);
    socket.on(ClientEvent.Seat, this.listeners.seat);
    const { sessionId, role } = socket.data;
    this.seats.arrive(sessionId, role, socket.id);
    this.sessions.attached(sessionId);
    await socket.join(roleRoom(sessionId, role));
    this.publishPresence(sessionId);
  }

  handleDisconnect(socket: EcouteSocket): void {
    // A socket refused at the handshake has no data.
    const sessionId = (socket.data as Partial<SocketData> | undefined)?.sessionId;
    if (!sessionId) return;
    this.seats.leave(sessionId, socket.data.role, socket.id);
    this.sessions.detached(sessionId);
    this.publishPresence(sessionId);
  }

  onApplicationShutdown(): void {
    if (this.sweep) clearInterval(this.sweep);
  }

  /** The keys this socket's messages count under. */
  private sender(socket: EcouteSocket): Sender {
    const { sessionId, role, address } = socket.data;
    return { socket, sessionId, token: `${sessionId}:${role}`, address };
  }

  /** Disconnects a socket holding more unsent bytes than allowed; whether it did. */
  private cutIfSlow(socket: EcouteSocket): boolean {
    const unsent = unsentBytes(socket.conn);
    if (unsent <= this.limiter.limits.maxUnsentBytes) return false;
    this.logger.warn(
      `input/rate_limited slow reader session=${socket.data.sessionId} role=${socket.data.role} unsent=${unsent}`,
    );
    socket.disconnect(true);
    return true;
  }

  /** A refusal is counted and logged (at a bounded rate) with the socket it came from. */
  private counted<T extends InputAck | SyncAck | SeatAck>(socket: EcouteSocket, at: string, result: T): T {
    if (!result.ok) {
      const { sessionId, role } = socket.data;
      this.refusals.refused({ code: result.code, at, socket: socket.id, session: sessionId, role });
    }
    return result;
  }

  private publishPresence(sessionId: string): void {
    this.presence.publish(sessionId).catch((error: unknown) => {
      this.logger.error(
        { code: ErrorCode.ServerInternal, at: 'presence', session: sessionId },
        String(error),
      );
    });
  }

  async onInput(socket: EcouteSocket, body: unknown): Promise<InputAck> {
    const received = performance.now();
    const { sessionId, role } = socket.data;
    if (this.cutIfSlow(socket) || !this.limiter.admit(this.sender(socket)))
      return failure(ErrorCode.InputRateLimited);
    // A second page of the link reads until it takes the seat (checked after the rate limit:
    // a flood from it still spends the link's budget).
    if (!this.seats.mayAct(sessionId, role, socket.id)) return failure(ErrorCode.SeatNotHolder);
    try {
      const input = inputSchema.safeParse(body);
      if (!input.success) return failure(ErrorCode.InputInvalid);
      if (!mayRoleSend(role, input.data.kind)) return failure(ErrorCode.AuthForbiddenRole);
      // Applied here, or by the process that owns the session (several processes, cluster/).
      const ack = await this.placement.input(sessionId, role, input.data);
      if (ack.ok) this.metrics.inputAccepted(input.data.kind, role, performance.now() - received);
      if (ack.ok && input.data.kind === 'join') {
        this.presence.joined(sessionId, role, input.data.name).catch((error: unknown) => {
          this.logger.error(
            { code: ErrorCode.ServerInternal, at: 'presence', session: sessionId },
            String(error),
          );
        });
      }
      return ack;
    } catch (error) {
      this.logger.error(
        { code: ErrorCode.ServerInternal, socket: socket.id, session: sessionId },
        String(error),
      );
      return failure(ErrorCode.ServerInternal);
    }
  }

  /** A page's seat on its link: claim (on connect), take (« Prendre la main »), follow. */
  onSeat(socket: EcouteSocket, body: unknown): SeatAck {
    const { sessionId, role } = socket.data;
    if (this.cutIfSlow(socket) || !this.limiter.admit(this.sender(socket)))
      return failure(ErrorCode.InputRateLimited);
    const request = seatRequestSchema.safeParse(body);
    if (!request.success) return failure(ErrorCode.InputInvalid);
    const { action, page } = request.data;
    switch (action) {
      case 'follow':
        return { ok: true, seat: this.seats.follow(sessionId, role, socket.id) };
      case 'claim':
      case 'take': {
        const { seat, displaced } =
          action === 'take'
            ? this.seats.take(sessionId, role, socket.id, page)
            : this.seats.claim(sessionId, role, socket.id, page);
        if (displaced) socket.nsp.to(displaced).emit(ServerEvent.Seat, { status: 'reader', takenOver: true });
        return { ok: true, seat };
      }
    }
  }

  async onSync(socket: EcouteSocket, body: unknown): Promise<SyncAck> {
    const { sessionId, role } = socket.data;
    const sender = this.sender(socket);
    // A sync costs what it sends: a message, and its bytes against the byte budgets.
    if (this.cutIfSlow(socket) || !this.limiter.admit(sender) || !this.limiter.mayAnswer(sender))
      return failure(ErrorCode.InputRateLimited);
    try {
      const request = syncRequestSchema.safeParse(body);
      if (!request.success) return failure(ErrorCode.InputInvalid);
      const { syncPageBytes, syncPageEntries } = this.limiter.limits;
      const answer = await this.placement.sync(sessionId, role, request.data.after, {
        bytes: syncPageBytes,
        entries: syncPageEntries,
      });
      if (!answer.ok) return answer;
      this.limiter.paid(sender, JSON.stringify(answer).length);
      return answer;
    } catch (error) {
      this.logger.error(
        { code: ErrorCode.ServerInternal, socket: socket.id, session: sessionId },
        String(error),
      );
      return failure(ErrorCode.ServerInternal);
    }
  }
}
