import { EventEmitter } from 'node:events';
import { IncomingMessage, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from '@jest/globals';
import { from, of } from 'rxjs';
import type { Server, Socket } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { Encoder, PacketType, type Packet } from 'socket.io-parser';
import { SocketAdapter } from './io-adapter.js';
import { TextPacketEncoder } from './packet-encoder.js';

type Bind = Parameters<SocketAdapter['bindMessageHandlers']>;

describe('SocketAdapter', () => {
  it('keeps no per-socket stream for a gateway without message handlers', () => {
    const adapter = new SocketAdapter();
    const socket = new EventEmitter();
    adapter.bindMessageHandlers(socket as unknown as Bind[0], [], (value) => of(value));
    // Nest's own adapter would keep a `disconnect` observable per socket here.
    expect(
      (adapter as unknown as { disconnectMap: WeakMap<object, unknown> }).disconnectMap.has(socket),
    ).toBe(false);
    expect(socket.eventNames()).toEqual([]);
  });

  it('still binds the handlers of a gateway that has some', async () => {
    const adapter = new SocketAdapter();
    const socket = new EventEmitter();
    const received: unknown[] = [];
    const acks: unknown[] = [];
    adapter.bindMessageHandlers(
      socket as unknown as Bind[0],
      [
        {
          message: 'ping',
          methodName: 'ping',
          callback: (data: unknown) => (received.push(data), Promise.resolve('pong')),
          isAckHandledManually: false,
        },
      ],
      (value) => from(value as Promise<unknown>),
    );
    socket.emit('ping', 1, (answer: unknown) => acks.push(answer));
    await new Promise((resolve) => setImmediate(resolve));
    expect(received).toEqual([1]);
    expect(acks).toEqual(['pong']);
  });

  it('binds the disconnect callback itself, once, without a wrapper per socket', () => {
    const adapter = new SocketAdapter();
    const socket = new EventEmitter();
    const reasons: unknown[] = [];
    const callback = (reason: unknown): void => void reasons.push(reason);
    adapter.bindClientDisconnect(socket, callback);
    // Nest's own adapter keeps `once`'s wrapper around an arrow around the callback.
    expect(socket.rawListeners('disconnect')).toEqual([callback]);
    socket.emit('disconnect', 'transport close');
    expect(reasons).toEqual(['transport close']);
  });

  it('keeps no HTTP request per connection, while handshakes still read headers and address', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const http = createServer();
    const adapter = new SocketAdapter(http);
    const server = adapter.createIOServer(0) as unknown as Server;
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const upgrades: WeakRef<IncomingMessage>[] = [];
    http.prependListener('upgrade', (request: IncomingMessage) => upgrades.push(new WeakRef(request)));
    const seen: {
      origin: unknown;
      address: unknown;
      requestIsMessage: boolean;
      secure: boolean;
      upgradeHeaders: string[];
    }[] = [];
    server.use((socket, next) => {
      seen.push({
        origin: socket.handshake.headers.origin,
        address: socket.request.socket.remoteAddress,
        requestIsMessage: socket.request instanceof IncomingMessage,
        secure: socket.handshake.secure,
        // The upgrade's own headers are left out (the upgrade read them already).
        upgradeHeaders: Object.keys(socket.handshake.headers).filter((name) =>
          name.startsWith('sec-websocket'),
        ),
      });
      next();
    });
    const connected = new Promise<Socket>((resolve) => server.on('connection', resolve));
    const { port } = http.address() as AddressInfo;
    const client = connect(`http://127.0.0.1:${port}`, {
      transports: ['websocket'],
      extraHeaders: { origin: 'http://example.test' },
    });
    try {
      const socket = await connected;
      expect(seen).toEqual([
        {
          origin: 'http://example.test',
          address: '127.0.0.1',
          requestIsMessage: false,
          secure: false,
          upgradeHeaders: [],
        },
      ]);
      expect(upgrades).toHaveLength(1);
      // The connection is open: its opening request must be collectable.
      for (let i = 0; i < 5 && upgrades[0]?.deref(); i++) {
        await new Promise((resolve) => setImmediate(resolve));
        gc();
      }
      expect(upgrades[0]?.deref()).toBeUndefined();
      expect(socket.connected).toBe(true);
    } finally {
      client.disconnect();
      await server.close();
    }
  });

  it('encodes events as the stock encoder would, and a real client reads them', async () => {
    const http = createServer();
    const adapter = new SocketAdapter(http);
    const server = adapter.createIOServer(0) as unknown as Server & { encoder: unknown };
    expect(server.encoder).toBeInstanceOf(TextPacketEncoder);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const connected = new Promise<Socket>((resolve) => server.on('connection', resolve));
    const { port } = http.address() as AddressInfo;
    const client = connect(`http://127.0.0.1:${port}`, { transports: ['websocket'] });
    try {
      const socket = await connected;
      const update = { from: 3, to: 5, entries: [{ seq: 4, text: 'Allô ? « Oui » \n' }], view: null };
      const received = new Promise<unknown>((resolve) => client.on('session:update', resolve));
      socket.emit('session:update', update);
      expect(await received).toEqual(update);
    } finally {
      client.disconnect();
      await server.close();
    }
  });
});

describe('TextPacketEncoder', () => {
  const packets: Packet[] = [
    { type: PacketType.EVENT, nsp: '/', data: ['session:update', { a: [1, { b: 'é' }], c: null }] },
    { type: PacketType.EVENT, nsp: '/classroom', data: ['floor:tiles', []] },
    { type: PacketType.ACK, nsp: '/', id: 12, data: [{ ok: true, seq: 7 }] },
    { type: PacketType.CONNECT, nsp: '/', data: { sid: 'abc' } },
    { type: PacketType.CONNECT_ERROR, nsp: '/classroom', data: { message: 'auth/invalid_token' } },
    { type: PacketType.DISCONNECT, nsp: '/' },
  ];

  it.each(packets)('writes what the stock encoder writes (%j)', (packet) => {
    expect(new TextPacketEncoder().encode(packet)).toEqual(new Encoder().encode(packet));
  });

  it('reads the payload once (the stock encoder reads it twice: its search for binary, then JSON)', () => {
    const reads = (encoder: Encoder): number => {
      let count = 0;
      const payload = {
        get view() {
          count += 1;
          return { moves: ['reformuler'] };
        },
      };
      encoder.encode({ type: PacketType.EVENT, nsp: '/', data: ['session:update', payload] });
      return count;
    };
    expect(reads(new Encoder())).toBe(2);
    expect(reads(new TextPacketEncoder())).toBe(1);
  });
});
