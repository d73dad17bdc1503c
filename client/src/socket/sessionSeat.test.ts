import { afterEach, describe, expect, it } from '@jest/globals';
import { FakeTransport } from '../test/FakeTransport.js';
import { createSessionConnection, type SessionConnection } from './sessionConnection.js';

let connection: SessionConnection | undefined;
afterEach(() => connection?.close());

function start() {
  const transport = new FakeTransport();
  connection = createSessionConnection(transport, { syncRetryMs: 1, page: 'page-test-1' });
  return { transport, connection };
}

describe('the seat of a link opened twice, as the connection keeps it', () => {
  it('claims the seat on every connect, before syncing, with this page’s id', async () => {
    const { transport, connection } = start();
    transport.connect();
    expect(transport.seats.map((s) => s.request)).toEqual([{ action: 'claim', page: 'page-test-1' }]);
    expect(transport.syncs).toHaveLength(1);
    await transport.answerSeat({ ok: true, seat: { status: 'occupied' } });
    expect(connection.getState().seat).toEqual({ status: 'occupied' });
    transport.disconnect();
    transport.connect();
    expect(transport.seats.map((s) => s.request)).toEqual([{ action: 'claim', page: 'page-test-1' }]);
  });

  it('takes the seat, and becomes a reader when another page takes it', async () => {
    const { transport, connection } = start();
    transport.connect();
    await transport.answerSeat({ ok: true, seat: { status: 'occupied' } });
    const taken = connection.seat('take');
    expect(transport.seats.map((s) => s.request)).toEqual([{ action: 'take', page: 'page-test-1' }]);
    await transport.answerSeat({ ok: true, seat: { status: 'holder' } });
    expect(await taken).toEqual({ ok: true, seat: { status: 'holder' } });
    expect(connection.getState().seat).toEqual({ status: 'holder' });
    transport.pushSeat({ status: 'reader', takenOver: true });
    expect(connection.getState().seat).toEqual({ status: 'reader', takenOver: true });
  });

  it('follows again after a reconnect when the reader had chosen to follow', async () => {
    const { transport, connection } = start();
    transport.connect();
    await transport.answerSeat({ ok: true, seat: { status: 'occupied' } });
    void connection.seat('follow');
    await transport.answerSeat({ ok: true, seat: { status: 'reader' } });
    transport.disconnect();
    transport.connect();
    await transport.answerSeat({ ok: true, seat: { status: 'occupied' } });
    expect(transport.seats.map((s) => s.request)).toEqual([{ action: 'follow', page: 'page-test-1' }]);
    await transport.answerSeat({ ok: true, seat: { status: 'reader' } });
    expect(connection.getState().seat).toEqual({ status: 'reader' });
  });
});
