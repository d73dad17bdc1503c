// The `/classroom` Socket.IO namespace, thin like the session gateway: the handshake binds a
// socket to one class, as its floor (the trainer's account cookie, the policy's `class.floor`
// rule on the class) or as a learner's page (their learner token: their group session page, or
// a call page of the class's calls opened from it, which holds the class connection too for the
// trainer's messages). Learners get their assignment (role and link) at once and at each round,
// and the trainer's messages (the last one again on connecting, if sent recently in the round
// under way); the floor gets the roster and the tiles, and sends commands (each rate-limited per
// socket as the session gateway's messages, parsed, answered with an ack).
import { Inject, Logger } from '@nestjs/common';
import { WebSocketGateway } from '@nestjs/websockets';
import type { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit } from '@nestjs/websockets';
import type { Request } from 'express';
import type { Namespace, Socket } from 'socket.io';
import type { Role } from '@ecoute/engine';
import {
  CLASSROOM_NAMESPACE,
  ClassEvent,
  ErrorCode,
  MAX_MESSAGE_BYTES,
  PROTOCOL_VERSION,
  classHandshakeSchema,
  errorMessages,
  failure,
  floorCommandSchema,
} from '@ecoute/protocol';
import type {
  ClassClientToServerEvents,
  ClassLearner,
  ClassMessage,
  ClassServerToClientEvents,
  ErrorCode as Code,
  FloorCommandAck,
  FloorTiles,
  LearnerAssignment,
} from '@ecoute/protocol';
import { AccessService } from '../auth/access.service.js';
import { originAllowed } from '../auth/origin.js';
import { SOCKET_ACTIONS } from '../auth/policy.js';
import { APP_CONFIG } from '../config/env.js';
import { pagesAnswering } from '../gateway/probe.js';
import { GATEWAY_LIMITS, TokenBucket } from '../gateway/rate-limit.js';
import type { GatewayLimits } from '../gateway/rate-limit.js';
import { SocketRooms } from '../gateway/socket-rooms.js';
import type { AppConfig } from '../config/env.js';
import { ClassroomService } from './classroom.service.js';
import type { ClassBroadcaster } from './classroom.service.js';
import { FloorService } from './floor.service.js';
import type { FloorSink } from './floor.service.js';

interface ClassSocketData {
  classId: string;
  /** The floor (the trainer), or one learner's page. */
  learnerId: string | null;
  /** The floor's trainer's name (their account's), which signs their messages; '' for a learner. */
  trainerName: string;
}

type ClassSocket = Socket<
  ClassClientToServerEvents,
  ClassServerToClientEvents,
  Record<string, never>,
  ClassSocketData
>;
type ClassNamespace = Namespace<
  ClassClientToServerEvents,
  ClassServerToClientEvents,
  Record<string, never>,
  ClassSocketData
>;

const floorRoom = (classId: string) => `c:${classId}:floor`;
const learnersRoom = (classId: string) => `c:${classId}:learners`;
const learnerRoom = (classId: string, learnerId: string) => `c:${classId}:l:${learnerId}`;

/**
 * How long a learner's pages have to answer when a join names that learner — her class page
 * `class:probe`, her listener's or caller actor's call page `session:probe` (all asked at once):
 * silent, a page is taken for a dead device's (a phone whose network died without a close)
 * rather than held open until Socket.IO's heartbeat notices (pingInterval 25 s + pingTimeout
 * 20 s, ≈ 45 s, shared by every namespace of the server: shortening it would change every call's
 * socket and the benchmark's traffic). Generous for a slow mobile network.
 */
export const CLASS_PAGE_PROBE_MS = 5_000;

function handshakeError(code: Code): Error & { data: { code: Code; message: string } } {
  return Object.assign(new Error(code), { data: { code, message: errorMessages[code] } });
}

/** The rooms of the namespace: the only broadcaster of the classroom. */
export class ClassRooms implements ClassBroadcaster, FloorSink {
  private namespace: ClassNamespace | undefined;
  /** Told of each launched round (the floor lists its calls again). */
  onCallsChanged: (classId: string) => void = () => undefined;

  constructor(@Inject(SocketRooms) private readonly calls: SocketRooms) {}

  attach(namespace: ClassNamespace): void {
    this.namespace = namespace;
  }

  assignment(classId: string, learnerId: string, assignment: LearnerAssignment | null): void {
    this.namespace?.to(learnerRoom(classId, learnerId)).emit(ClassEvent.Assignment, assignment);
  }

  roster(classId: string, learners: ClassLearner[]): void {
    this.namespace?.to(floorRoom(classId)).emit(ClassEvent.Roster, learners);
  }

  message(classId: string, message: ClassMessage): number {
    const namespace = this.namespace;
    if (!namespace) return 0;
    // Learners, not sockets: her group page and her call page (both hold her class connection,
    // when she opened the call in another tab) are one learner reached.
    const reached = new Set<string>();
    for (const id of namespace.adapter.rooms.get(learnersRoom(classId)) ?? []) {
      const learnerId = namespace.sockets.get(id)?.data.learnerId;
      if (learnerId) reached.add(learnerId);
    }
    namespace.to(learnersRoom(classId)).emit(ClassEvent.Message, message);
    return reached.size;
  }

  callsChanged(classId: string): void {
    this.onCallsChanged(classId);
  }

  async learnerConnected(
    classId: string,
    learnerId: string,
    seats: readonly { sessionId: string; role: Role }[],
  ): Promise<boolean> {
    // Every process's sockets (with the cluster's adapter, the others are asked), her class page
    // and her call pages asked at once: a page counts if it answers; silent ones (a dead device)
    // are closed by the join that follows (`takenOver`). The first answer settles it.
    const probes = [
      this.probe(learnerRoom(classId, learnerId)),
      ...seats.map(({ sessionId, role }) => this.calls.answering(sessionId, role, CLASS_PAGE_PROBE_MS)),
    ];
    return new Promise((resolve, reject) => {
      let left = probes.length;
      for (const probe of probes)
        probe.then((answers) => {
          if (answers > 0) resolve(true);
          else if (--left === 0) resolve(false);
        }, reject);
    });
  }

  /** How many sockets of `room` answer `class:probe` within `CLASS_PAGE_PROBE_MS`. */
  private probe(room: string): Promise<number> {
    const namespace = this.namespace;
    if (!namespace) return Promise.resolve(0);
    return pagesAnswering(namespace.in(room), ClassEvent.Probe, CLASS_PAGE_PROBE_MS);
  }

  takenOver(classId: string, learnerId: string, seats: readonly { sessionId: string; role: Role }[]): void {
    const room = learnerRoom(classId, learnerId);
    this.namespace?.to(room).emit(ClassEvent.TakenOver);
    this.namespace?.in(room).disconnectSockets(true);
    // Her call pages left are silent ones (a live one would have refused the join; or one that
    // connected meanwhile, told like a class page racing the join): closed, so that their seat
    // goes to the page she opens next; nothing is recorded in the call.
    for (const { sessionId, role } of seats) this.calls.close(sessionId, role, ErrorCode.ClassTakenOver);
  }

  placeFreed(classId: string, learnerId: string): void {
    const room = learnerRoom(classId, learnerId);
    this.namespace?.to(room).emit(ClassEvent.PlaceFreed);
    this.namespace?.in(room).disconnectSockets(true);
  }

  tiles(classId: string, tiles: FloorTiles): void {
    this.namespace?.to(floorRoom(classId)).emit(ClassEvent.FloorTiles, tiles);
  }
}

@WebSocketGateway({
  namespace: CLASSROOM_NAMESPACE,
  maxHttpBufferSize: MAX_MESSAGE_BYTES,
  serveClient: false,
})
export class ClassroomGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger('ClassroomGateway');
  /** Each floor socket's commands: the session gateway's rate per socket (a message reaches a whole class). */
  private readonly commandBuckets = new WeakMap<ClassSocket, TokenBucket>();

  constructor(
    @Inject(ClassroomService) private readonly classroom: ClassroomService,
    @Inject(FloorService) private readonly floor: FloorService,
    @Inject(ClassRooms) private readonly rooms: ClassRooms,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(GATEWAY_LIMITS) private readonly limits: GatewayLimits,
  ) {}

  afterInit(namespace: ClassNamespace): void {
    this.rooms.attach(namespace);
    this.rooms.onCallsChanged = (classId) => this.floor.callsChanged(classId);
    namespace.use((socket, next) => {
      const refuse = (code: Code) => next(handshakeError(code));
      const headers = socket.handshake.headers;
      if (!originAllowed(headers.origin, headers.host, this.config.publicUrl))
        return refuse(ErrorCode.AuthForbiddenOrigin);
      const auth = classHandshakeSchema.safeParse(socket.handshake.auth);
      if (!auth.success) return refuse(ErrorCode.InputInvalid);
      if (auth.data.protocolVersion !== PROTOCOL_VERSION) return refuse(ErrorCode.ProtocolVersionMismatch);
      const { classId, learnerToken } = auth.data;
      const bind = async (): Promise<Code | null> => {
        if (learnerToken !== undefined) {
          const learner = await this.classroom.learner(classId, learnerToken);
          if ('ok' in learner) return learner.code;
          socket.data = { classId, learnerId: learner.learnerId, trainerName: '' };
          return null;
        }
        const member = await this.access.member({ headers } as Request);
        if (!member) return ErrorCode.AuthSignInRequired;
        const record = await this.classroom.managed(classId, {
          action: SOCKET_ACTIONS['classroom:floor'],
          member,
        });
        if ('ok' in record) return record.code;
        socket.data = { classId, learnerId: null, trainerName: member.name };
        return null;
      };
      bind().then(
        (code) => (code ? refuse(code) : next()),
        (error: unknown) => {
          this.logger.error({ code: ErrorCode.ServerInternal, at: 'classroom handshake' }, String(error));
          refuse(ErrorCode.ServerInternal);
        },
      );
    });
  }

  async handleConnection(socket: ClassSocket): Promise<void> {
    const { classId, learnerId } = socket.data;
    if (learnerId !== null) {
      await socket.join([learnersRoom(classId), learnerRoom(classId, learnerId)]);
      // A page opened after the trainer's message (her call page, `classroom.join.open` pressed a
      // moment later) reads it too, while it is news: sent in this round, recently. Sent before
      // the assignment, so that a page holding its assignment holds whatever message came with it.
      const [assignment, last] = await Promise.all([
        this.classroom.assignmentOf(classId, learnerId),
        this.classroom.lastMessageFor(classId),
      ]);
      if (last) socket.emit(ClassEvent.Message, last);
      socket.emit(ClassEvent.Assignment, assignment);
      return;
    }
    const { capacity, perSecond } = this.limits.socketMessages;
    this.commandBuckets.set(socket, new TokenBucket(capacity, perSecond, () => performance.now()));
    socket.on(ClassEvent.FloorCommand, (body, ack) => {
      void this.onCommand(socket, body).then((answer) => {
        if (typeof ack === 'function') ack(answer);
      });
    });
    await socket.join(floorRoom(classId));
    socket.emit(ClassEvent.Roster, await this.classroom.learners(classId));
    socket.emit(ClassEvent.FloorTiles, await this.floor.attach(classId));
  }

  handleDisconnect(socket: ClassSocket): void {
    const data = socket.data as Partial<ClassSocketData> | undefined;
    if (data?.classId && data.learnerId === null) this.floor.detach(data.classId);
  }

  private async onCommand(socket: ClassSocket, body: unknown): Promise<FloorCommandAck> {
    const { classId, trainerName } = socket.data;
    if (this.commandBuckets.get(socket)?.take() === false) return failure(ErrorCode.InputRateLimited);
    const command = floorCommandSchema.safeParse(body);
    if (!command.success) return failure(ErrorCode.InputInvalid);
    try {
      return await this.classroom.command(classId, command.data, trainerName);
    } catch (error) {
      this.logger.error({ code: ErrorCode.ServerInternal, class: classId }, String(error));
      return failure(ErrorCode.ServerInternal);
    }
  }
}
