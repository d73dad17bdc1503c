// Nest's Socket.IO adapter, without what a socket would keep for nothing:
// - the per-socket streams of a gateway that has no @SubscribeMessage handler. Nest's IoAdapter
//   builds, for every socket it binds, a `disconnect` observable (fromEvent → share → first) and
//   keeps it in a WeakMap for the socket's life, even when there is no handler to end: ≈ 0.7 KB a
//   socket, 2.8 KB a session in the load benchmark (heap snapshots, issue 10). Our gateways read
//   their messages straight on the socket.
// - `once`'s wrapper around each socket's `disconnect` callback (see `bindClientDisconnect`).
// - the HTTP request that opened the connection. Engine.IO keeps it for the connection's life
//   (the IncomingMessage with its stream state, raw headers and parser leftovers) twice: as the
//   raw socket's `request` (Socket.IO's memory tip: drop it once the handshake is done) and, for a
//   WebSocket, in the `WebSocketResponse` its upgrade built, which a `close` listener on the TCP
//   socket keeps (engine.io 6.6). Both let go of it at the engine's `connection`. A namespace's
//   handshake (the session gateway's and the classroom's, possibly later on the same connection)
//   still reads the headers, the URL, the query and the address: `slimRequest` keeps those only,
//   the headers without the WebSocket upgrade's own (`sec-websocket-key`, `-extensions`,
//   `-version`, `-protocol`: read by the upgrade, done by then; ≈ 0.1 KB a socket), and one object
//   for the address as `socket` and as `connection`.
import { ServerResponse } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { textPacketParser } from './packet-encoder.js';

/** What a handshake reads of the request (Socket.IO's `buildHandshake`, `http/client-address.ts`). */
export interface SlimRequest {
  headers: IncomingMessage['headers'];
  url: string | undefined;
  _query: unknown;
  socket: { remoteAddress: string | undefined; encrypted: boolean };
  connection: { remoteAddress: string | undefined; encrypted: boolean };
}

/** Headers only the WebSocket upgrade reads (`ws`), done once the connection is open. */
const UPGRADE_ONLY_HEADERS: ReadonlySet<string> = new Set([
  'sec-websocket-key',
  'sec-websocket-extensions',
  'sec-websocket-version',
  'sec-websocket-protocol',
]);

/** The request's headers without the upgrade's own (the same object when it has none). */
function handshakeHeaders(headers: IncomingMessage['headers']): IncomingMessage['headers'] {
  if (!Object.keys(headers).some((name) => UPGRADE_ONLY_HEADERS.has(name))) return headers;
  const kept: IncomingMessage['headers'] = {};
  for (const [name, value] of Object.entries(headers))
    if (!UPGRADE_ONLY_HEADERS.has(name)) kept[name] = value;
  return kept;
}

/** The few fields of the opening request a handshake needs, copied out of it. */
export function slimRequest(request: IncomingMessage): SlimRequest {
  const address = {
    remoteAddress: request.socket.remoteAddress,
    encrypted: 'encrypted' in request.socket && !!request.socket.encrypted,
  };
  return {
    headers: handshakeHeaders(request.headers),
    url: request.url,
    _query: (request as IncomingMessage & { _query?: unknown })._query,
    socket: address,
    connection: address,
  };
}

/** The part of Engine.IO's server this adapter uses. */
interface EngineServer {
  use(
    middleware: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void,
  ): unknown;
  on(event: 'connection', listener: (raw: { request: IncomingMessage | SlimRequest }) => void): unknown;
}

export class SocketAdapter extends IoAdapter {
  override createIOServer(
    port: number,
    options?: Parameters<IoAdapter['createIOServer']>[1],
  ): ReturnType<IoAdapter['createIOServer']> {
    // Events and acks encoded as JSON text at once, without the stock encoder's search for binary.
    const server = super.createIOServer(port, {
      ...options,
      parser: textPacketParser,
    } as Parameters<IoAdapter['createIOServer']>[1]);
    // Typed by shape: Nest's socket.io and ours may be two patch versions of one package.
    const { engine } = server as unknown as { engine: EngineServer };
    // The response object of each upgrade, until its connection is open.
    const upgrades = new WeakMap<IncomingMessage, { req: IncomingMessage | null }>();
    engine.use((req, res, next) => {
      if (!(res instanceof ServerResponse)) upgrades.set(req, res as unknown as { req: IncomingMessage });
      next();
    });
    engine.on('connection', (raw) => {
      const request = raw.request as IncomingMessage;
      const upgrade = upgrades.get(request);
      // Read only while the upgrade answers (its headers); the connection is open now.
      if (upgrade) upgrade.req = null;
      raw.request = slimRequest(request);
    });
    return server;
  }

  /**
   * Nest's own registers `client.once('disconnect', (reason) => callback(reason))`: on top of
   * Nest's callback, an arrow and `once`'s wrapper (a closure, its state object, a bound function)
   * kept for the socket's life, ≈ 0.2 KB a socket. Socket.IO emits `disconnect` once per socket
   * (only while connected), so the callback itself as a listener does the same.
   */
  override bindClientDisconnect(
    client: { on(event: 'disconnect', listener: (reason: string) => void): unknown },
    callback: (reason: string) => void,
  ): void {
    client.on('disconnect', callback);
  }

  override bindMessageHandlers(...args: Parameters<IoAdapter['bindMessageHandlers']>): void {
    const [, handlers] = args;
    if (handlers.length === 0) return;
    super.bindMessageHandlers(...args);
  }
}
