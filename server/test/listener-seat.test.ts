// The same listener link opened twice (issue 12): one page acts, the other reads, and either
// can take the seat. Real Socket.IO clients on port 0 against the real app.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ManualScheduler } from '@ecoute/engine';
import { ServerEvent } from '@ecoute/protocol';
import type { SeatState } from '@ecoute/protocol';
import { RoleClient, createSession, startServer } from './utils.js';
import type { TestServer } from './utils.js';

describe('the listener seat of a link opened twice', () => {
  let server: TestServer;
  const clients: RoleClient[] = [];

  beforeAll(async () => {
    server = await startServer({ scheduler: new ManualScheduler() });
  });
  afterAll(async () => {
    for (const client of clients) client.socket.close();
    await server.close();
  });

  async function open(sessionId: string, token: string): Promise<RoleClient> {
    const client = await RoleClient.connect(server.url, { sessionId, token });
    clients.push(client);
    return client;
  }

  /** The next `session:seat` pushed to this client. */
  function nextSeat(client: RoleClient): Promise<SeatState> {
    return new Promise((resolve) => client.socket.once(ServerEvent.Seat, resolve));
  }

  it('tells the second page the seat is held, refuses its inputs, and lets it take over', async () => {
    const session = await createSession(server.url, 'appel-entrainement');
    const token = session.tokens.listener!;
    const first = await open(session.sessionId, token);
    expect(await first.seat('claim', 'page-first')).toEqual({ ok: true, seat: { status: 'holder' } });

    const second = await open(session.sessionId, token);
    expect(await second.seat('claim', 'page-second')).toEqual({ ok: true, seat: { status: 'occupied' } });
    const refused = await second.send({ kind: 'pickup' });
    expect(refused).toMatchObject({ ok: false, code: 'seat/not_holder' });
    // Reading works: the second page syncs like any other.
    expect((await second.sync(0)).ok).toBe(true);
    expect((await first.send({ kind: 'pickup' })).ok).toBe(true);

    // « Prendre la main »: the first page is told it now reads, and its inputs are refused.
    const told = nextSeat(first);
    expect(await second.seat('take', 'page-second')).toEqual({ ok: true, seat: { status: 'holder' } });
    expect(await told).toEqual({ status: 'reader', takenOver: true });
    expect(await first.send({ kind: 'say', text: 'Bonjour' })).toMatchObject({
      ok: false,
      code: 'seat/not_holder',
    });
    expect((await second.send({ kind: 'say', text: 'Bonjour, je vous écoute.' })).ok).toBe(true);

    // The first page takes it back the same way.
    const toldBack = nextSeat(second);
    expect(await first.seat('take', 'page-first')).toEqual({ ok: true, seat: { status: 'holder' } });
    expect(await toldBack).toEqual({ status: 'reader', takenOver: true });
    expect((await first.send({ kind: 'say', text: 'Je suis là.' })).ok).toBe(true);
    expect(await second.send({ kind: 'say', text: 'Moi aussi' })).toMatchObject({
      ok: false,
      code: 'seat/not_holder',
    });
  });

  it('lets a page follow read-only, frees the seat when its holder leaves, and checks the message', async () => {
    const session = await createSession(server.url, 'appel-entrainement');
    const token = session.tokens.listener!;
    const first = await open(session.sessionId, token);
    await first.seat('claim', 'page-one-1');
    const second = await open(session.sessionId, token);
    expect(await second.seat('follow', 'page-two-2')).toEqual({ ok: true, seat: { status: 'reader' } });
    expect(await second.seat('jump' as 'take', 'page-two-2')).toMatchObject({
      ok: false,
      code: 'input/invalid',
    });

    const gone = new Promise<void>((resolve) => first.socket.once('disconnect', () => resolve()));
    first.socket.close();
    await gone;
    // The server notices the close, then the seat is free for the page that asks.
    let ack = await second.seat('claim', 'page-two-2');
    for (let i = 0; i < 50 && ack.ok && ack.seat.status !== 'holder'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      ack = await second.seat('claim', 'page-two-2');
    }
    expect(ack).toEqual({ ok: true, seat: { status: 'holder' } });
    expect((await second.send({ kind: 'pickup' })).ok).toBe(true);
  });

  it('gives each role of a session its own seat: a trainer opened twice acts from both', async () => {
    const session = await createSession(server.url, 'appel-entrainement');
    const listener = await open(session.sessionId, session.tokens.listener!);
    const trainerA = await open(session.sessionId, session.tokens.trainer!);
    const trainerB = await open(session.sessionId, session.tokens.trainer!);
    expect(await trainerB.seat('claim', 'page-trainer-b')).toEqual({ ok: true, seat: { status: 'holder' } });
    expect((await listener.send({ kind: 'pickup' })).ok).toBe(true);
    expect((await trainerA.send({ kind: 'pause' })).ok).toBe(true);
    expect((await trainerB.send({ kind: 'resume' })).ok).toBe(true);
  });
});
