// The probe of a room on a real Socket.IO server (port 0) with real clients: the pages that
// answer are counted, a silent one (a dead device's) is not and only delays the answer to the
// timeout, an empty room answers at once; a namespace's room (the classroom's) the same way.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { io as connect } from 'socket.io-client';
import type { Socket as ClientSocket } from 'socket.io-client';
import type { Server } from 'socket.io';
import { SocketAdapter } from './io-adapter.js';
import { pagesAnswering } from './probe.js';

const PROBE = 'page:probe';
/** Longer than any test may wait: an answer before it did not wait for the timeout. */
const NEVER = 60_000;

/** Resolves `'waited'` after `ms`, unless `promise` settles first. */
function before<T>(promise: Promise<T>, ms: number): Promise<T | 'waited'> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<'waited'>((resolve) => (timer = setTimeout(() => resolve('waited'), ms)));
  return Promise.race([promise, waited]).finally(() => clearTimeout(timer));
}

describe('pagesAnswering', () => {
  const http = createServer();
  let server: Server;
  let port = 0;
  const clients: ClientSocket[] = [];

  /** A page in `room` of namespace `nsp`; `alive`: it answers the probe. */
  async function page(nsp: string, room: string, alive: boolean): Promise<void> {
    const client = connect(`http://127.0.0.1:${port}${nsp}`, { transports: ['websocket'], auth: { room } });
    clients.push(client);
    if (alive) client.on(PROBE, (ack: (alive: true) => void) => ack(true));
    await new Promise((resolve) => client.once('joined', resolve));
  }

  beforeAll(async () => {
    server = new SocketAdapter(http).createIOServer(0) as unknown as Server;
    for (const nsp of [server.of('/'), server.of('/classroom')])
      nsp.on('connection', (socket) => {
        void socket.join((socket.handshake.auth as { room: string }).room);
        socket.emit('joined');
      });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    port = (http.address() as AddressInfo).port;
    await page('/', 'r1', true);
    await page('/', 'r1', true);
    await page('/', 'r2', true);
    await page('/', 'r2', false);
    await page('/', 'r3', false);
    await page('/classroom', 'r1', true);
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await server.close();
  });

  it('counts the pages of the room that answer, at once when all do', async () => {
    expect(await before(pagesAnswering(server.in('r1'), PROBE, NEVER), 10_000)).toBe(2);
  });

  it('answers at once for an empty room', async () => {
    expect(await before(pagesAnswering(server.in('nobody'), PROBE, NEVER), 10_000)).toBe(0);
  });

  it('leaves a silent page out once the time is up', async () => {
    expect(await pagesAnswering(server.in('r2'), PROBE, 200)).toBe(1);
    expect(await pagesAnswering(server.in('r3'), PROBE, 200)).toBe(0);
  });

  it("probes a namespace's room alone", async () => {
    expect(await before(pagesAnswering(server.of('/classroom').in('r1'), PROBE, NEVER), 10_000)).toBe(1);
  });
});
