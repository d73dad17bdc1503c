import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import type { Role } from '@ecoute/engine';
import type { RoleUpdate } from '@ecoute/protocol';
import { io as connect } from 'socket.io-client';
import type { Socket as ClientSocket } from 'socket.io-client';
import { SocketAdapter } from './io-adapter.js';
import { SocketRooms, roleRoom } from './socket-rooms.js';
import type { EcouteServer } from './socket-rooms.js';

describe('SocketRooms.toRoles', () => {
  it('sends one update to the rooms of several roles, encoded once, and to nobody else', async () => {
    const http = createServer();
    const server = new SocketAdapter(http).createIOServer(0) as unknown as EcouteServer;
    const encoder = (server as unknown as { encoder: { encode: (packet: unknown) => unknown } }).encoder;
    let encodings = 0;
    const encode = encoder.encode.bind(encoder);
    encoder.encode = (packet) => (encodings++, encode(packet));
    server.on('connection', (socket) => {
      const { sessionId, role } = socket.handshake.auth as { sessionId: string; role: Role };
      void socket.join(roleRoom(sessionId, role));
      // Joined: told so (the client waits for it before the test broadcasts).
      (socket as unknown as { emit: (event: string) => void }).emit('joined');
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    const clients: ClientSocket[] = [];
    const open = async (sessionId: string, role: Role): Promise<{ received: RoleUpdate[] }> => {
      const client = connect(`http://127.0.0.1:${port}`, {
        transports: ['websocket'],
        auth: { sessionId, role },
      });
      clients.push(client);
      const received: RoleUpdate[] = [];
      client.on('session:update', (update: RoleUpdate) => received.push(update));
      await new Promise((resolve) => client.once('joined', resolve));
      return { received };
    };
    const rooms = new SocketRooms();
    rooms.attach(server);
    try {
      const listener = await open('s1', 'listener');
      const trainer = await open('s1', 'trainer');
      const observers = [await open('s1', 'observer'), await open('s1', 'observer')];
      const elsewhere = await open('s2', 'listener');
      const update: RoleUpdate = { from: 3, to: 4, entries: [], t: 1500 };
      encodings = 0;
      rooms.toRoles('s1', ['listener', 'trainer', 'observer'], update);
      expect(encodings).toBe(1);
      rooms.toRoles('s1', ['trainer'], { ...update, from: 4, to: 5 });
      expect(encodings).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(listener.received).toEqual([update]);
      expect(trainer.received).toEqual([update, { ...update, from: 4, to: 5 }]);
      for (const observer of observers) expect(observer.received).toEqual([update]);
      expect(elsewhere.received).toEqual([]);
    } finally {
      for (const client of clients) client.disconnect();
      await server.close();
    }
  });

  it('with several processes, sends to each room apart (a cluster adapter publishes a several-room broadcast to every process)', () => {
    const emitted: (string | string[])[] = [];
    const server = {
      // A cluster adapter (the sharded Redis one) publishes: it has `doPublish`.
      sockets: { adapter: { doPublish: () => undefined } },
      to: (rooms: string | string[]) => ({ emit: () => emitted.push(rooms) }),
    } as unknown as EcouteServer;
    const rooms = new SocketRooms();
    rooms.attach(server);
    rooms.toRoles('s1', ['listener', 'trainer', 'observer'], { from: 0, to: 1, entries: [], t: 0 });
    expect(emitted).toEqual([
      roleRoom('s1', 'listener'),
      roleRoom('s1', 'trainer'),
      roleRoom('s1', 'observer'),
    ]);
  });
});
