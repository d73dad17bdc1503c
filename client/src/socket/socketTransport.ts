// The one place that owns a socket.io client.
import { io, type Socket } from 'socket.io-client';
import {
  ClientEvent,
  PROTOCOL_VERSION,
  ServerEvent,
  type ClientToServerEvents,
  type HandshakeAuth,
  type ServerToClientEvents,
} from '@ecoute/protocol';
import { clientFailure } from './clientFailure.js';
import type { SessionTransport } from './sessionTransport.js';

export interface SocketTransportOptions {
  sessionId: string;
  token: string;
  /** Server origin; the page's own by default (the server serves the client). */
  origin?: string;
  ackTimeoutMs?: number;
}

const DEFAULT_ACK_TIMEOUT_MS = 10_000;
const RECONNECTION_DELAY_MS = 250;

/**
 * `session:probe`: a group session's join names this page's learner; the page says it is alive
 * (a dead device's cannot). One function for every socket.
 */
const answerProbe = (ack: (alive: true) => void): void => ack(true);

export function createSocketTransport(options: SocketTransportOptions): SessionTransport {
  const auth: HandshakeAuth = {
    sessionId: options.sessionId,
    token: options.token,
    protocolVersion: PROTOCOL_VERSION,
  };
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(
    options.origin ?? window.location.origin,
    {
      auth,
      transports: ['websocket'],
      autoConnect: false,
      // A process that stops hands its calls over (several processes): the first try comes soon
      // (125–375 ms, spread so that a whole floor does not knock at once), later ones back off.
      reconnectionDelay: RECONNECTION_DELAY_MS,
      reconnectionDelayMax: 5_000,
    },
  );
  const timeoutMs = options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
  // Answered here, at once, whatever the page shows: the server asks only when a join names
  // the learner holding this role, and takes a page silent for 5 s for a dead device's.
  socket.on(ServerEvent.Probe, answerProbe);

  return {
    onConnect: (listener) => void socket.on('connect', listener),
    // After a disconnect or a failed attempt, `socket.active` tells whether socket.io will retry:
    // it does not when the server refused the handshake or closed the socket itself.
    onDisconnect: (listener) => void socket.on('disconnect', () => listener(socket.active)),
    onConnectError: (listener) =>
      void socket.on('connect_error', (error) => listener(error.message, socket.active)),
    onUpdate: (listener) => void socket.on(ServerEvent.Update, listener),
    onPresence: (listener) => void socket.on(ServerEvent.Presence, listener),
    onSeat: (listener) => void socket.on(ServerEvent.Seat, listener),
    onClosed: (listener) => void socket.on(ServerEvent.Closed, (closed) => listener(closed.code)),
    isConnected: () => socket.connected,
    sync: (request) =>
      new Promise((resolve) => {
        socket.timeout(timeoutMs).emit(ClientEvent.Sync, request, (error, ack) => {
          resolve(error ? clientFailure('client/timeout') : ack);
        });
      }),
    input: (input) =>
      new Promise((resolve) => {
        socket.timeout(timeoutMs).emit(ClientEvent.Input, input, (error, ack) => {
          resolve(error ? clientFailure('client/timeout') : ack);
        });
      }),
    seat: (request) =>
      new Promise((resolve) => {
        socket.timeout(timeoutMs).emit(ClientEvent.Seat, request, (error, ack) => {
          resolve(error ? clientFailure('client/timeout') : ack);
        });
      }),
    open: () => void socket.connect(),
    close: () => {
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
