// The `/classroom` namespace's connection (the floor, a learner's waiting page, or her call page
// of a group session, for the trainer's messages): the socket.io client stays in this folder.
// Events are handed to callbacks; the floor's commands are acked.
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { CLASSROOM_NAMESPACE, ClassEvent, ErrorCode, PROTOCOL_VERSION } from '@ecoute/protocol';
import type {
  ClassClientToServerEvents,
  ClassLearner,
  ClassMessage,
  ClassServerToClientEvents,
  FloorCommand,
  FloorCommandAck,
  FloorTiles,
  LearnerAssignment,
} from '@ecoute/protocol';

export interface ClassroomHandlers {
  tiles?: (tiles: FloorTiles) => void;
  roster?: (learners: ClassLearner[]) => void;
  assignment?: (assignment: LearnerAssignment | null) => void;
  message?: (message: ClassMessage) => void;
  status?: (status: 'connected' | 'disconnected' | { failed: string }) => void;
}

export interface ClassroomConnection {
  command(command: FloorCommand): Promise<FloorCommandAck>;
  close(): void;
}

const ACK_MS = 10_000;

export function connectClassroom(
  auth: { classId: string; learnerToken?: string },
  handlers: ClassroomHandlers,
): ClassroomConnection {
  const socket: Socket<ClassServerToClientEvents, ClassClientToServerEvents> = io(CLASSROOM_NAMESPACE, {
    transports: ['websocket'],
    // Its own connection, not multiplexed with a call's socket on the same page (a learner's call
    // page holds both): the server closes a learner's class connection outright when her place is
    // taken over or freed, which would drop the call's socket before it is told why.
    forceNew: true,
    auth: { protocolVersion: PROTOCOL_VERSION, ...auth },
  });
  socket.on('connect', () => handlers.status?.('connected'));
  socket.on('disconnect', () => handlers.status?.('disconnected'));
  socket.on('connect_error', (error) => handlers.status?.({ failed: error.message }));
  socket.on(ClassEvent.FloorTiles, (tiles) => handlers.tiles?.(tiles));
  socket.on(ClassEvent.Roster, (learners) => handlers.roster?.(learners));
  socket.on(ClassEvent.Assignment, (assignment) => handlers.assignment?.(assignment));
  socket.on(ClassEvent.Message, (message) => handlers.message?.(message));
  // The learner's place was taken back from another device: said as the refused handshake says it.
  socket.on(ClassEvent.TakenOver, () => handlers.status?.({ failed: ErrorCode.ClassTakenOver }));
  // The trainer freed the learner's place (their old device left open): said the same way.
  socket.on(ClassEvent.PlaceFreed, () => handlers.status?.({ failed: ErrorCode.ClassPlaceFreed }));
  // A join names this learner: the page says it is alive (a dead device's cannot).
  socket.on(ClassEvent.Probe, (ack) => ack(true));
  return {
    async command(command) {
      try {
        return (await socket
          .timeout(ACK_MS)
          .emitWithAck(ClassEvent.FloorCommand, command)) as FloorCommandAck;
      } catch {
        return { ok: false, code: 'server/internal', message: '' } as FloorCommandAck;
      }
    },
    close: () => socket.close(),
  };
}
