// The gateway's message listeners are one set shared by every socket (Socket.IO calls them with
// the socket as `this`), not three closures per socket: memory per session (issue 10).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ManualScheduler } from '@ecoute/engine';
import { ClientEvent } from '@ecoute/protocol';
import type { Server } from 'socket.io';
import { SocketRooms } from '../src/gateway/socket-rooms.js';
import { RoleClient, createSession, startServer } from './utils.js';
import type { TestServer } from './utils.js';

describe('gateway listeners', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ scheduler: new ManualScheduler() });
  });
  afterAll(async () => {
    await server.close();
  });

  it('every socket of every session shares the same three listeners, and they answer for their socket', async () => {
    const clients: RoleClient[] = [];
    for (let i = 0; i < 2; i++) {
      const session = await createSession(server.url, 'appel-entrainement');
      for (const role of ['listener', 'trainer', 'observer'] as const)
        clients.push(
          await RoleClient.connect(server.url, { sessionId: session.sessionId, token: session.tokens[role] }),
        );
    }
    try {
      // The Socket.IO server the gateway attached (SocketRooms holds it for broadcasts).
      const io = (server.app.get(SocketRooms) as unknown as { server: Server }).server;
      const sockets = [...io.sockets.sockets.values()];
      expect(sockets).toHaveLength(6);
      for (const event of [ClientEvent.Input, ClientEvent.Sync, ClientEvent.Seat]) {
        const listeners = new Set(sockets.flatMap((socket) => socket.listeners(event)));
        expect({ event, distinct: listeners.size }).toEqual({ event, distinct: 1 });
      }
      // Each answers as its own socket: the listeners' role checks and acks per socket.
      const [listener, trainer] = clients;
      expect(await listener!.send({ kind: 'pickup' })).toMatchObject({ ok: true });
      expect(await trainer!.send({ kind: 'pickup' })).toMatchObject({
        ok: false,
        code: 'auth/forbidden_role',
      });
      const sync = await trainer!.sync(0);
      expect(sync.ok && sync.snapshot.role).toBe('trainer');
    } finally {
      for (const client of clients) client.close();
    }
  });
});
