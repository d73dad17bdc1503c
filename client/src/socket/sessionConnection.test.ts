import { afterEach, describe, expect, it } from '@jest/globals';
import { FakeTransport, flush } from '../test/FakeTransport.js';
import { lineEntry, listenerView, snapshot, update } from '../test/fixtures.js';
import { createSessionConnection, type SessionConnection } from './sessionConnection.js';

let connection: SessionConnection | undefined;
afterEach(() => connection?.close());

function start() {
  const transport = new FakeTransport();
  connection = createSessionConnection(transport, { syncRetryMs: 1 });
  return { transport, connection };
}

describe('createSessionConnection', () => {
  it('opens the transport and syncs from 0 on connect', async () => {
    const { transport, connection } = start();
    expect(transport.opened).toBe(true);
    expect(connection.getState().status).toBe('connecting');
    transport.connect();
    const request = await transport.answerSync({ ok: true, snapshot: snapshot(2, [lineEntry(2, 'Allô')]) });
    expect(request).toEqual({ after: 0 });
    expect(connection.getState().status).toBe('connected');
    expect(connection.getState().entries).toHaveLength(1);
  });

  it('applies pushed updates and tells subscribers', async () => {
    const { transport, connection } = start();
    const seen: number[] = [];
    connection.subscribe((state) => seen.push(state.seq));
    transport.connect();
    await transport.answerSync({ ok: true, snapshot: snapshot(2, []) });
    transport.push(update(2, 4, [lineEntry(4, 'Je suis seule')]));
    expect(connection.getState().entries.map((entry) => entry.seq)).toEqual([4]);
    expect(seen).toEqual([2, 4]);
    expect(transport.syncs).toHaveLength(0);
  });

  it('resyncs from its last seq on a gap, and merges what it missed', async () => {
    const { transport, connection } = start();
    transport.connect();
    await transport.answerSync({ ok: true, snapshot: snapshot(2, [lineEntry(2, 'a')]) });
    transport.push(update(5, 6, [lineEntry(6, 'd')]));
    expect(transport.syncs.map((sync) => sync.request)).toEqual([{ after: 2 }]);
    await transport.answerSync({ ok: true, snapshot: snapshot(6, [lineEntry(4, 'c'), lineEntry(6, 'd')]) });
    expect(connection.getState().entries.map((entry) => entry.seq)).toEqual([2, 4, 6]);
    expect(connection.getState().needsResync).toBe(false);
    expect(transport.syncs).toHaveLength(0);
  });

  it('asks again when a gap shows while a sync is already in flight', async () => {
    const { transport, connection } = start();
    transport.connect();
    transport.push(update(7, 8, [lineEntry(8, 'plus tard')]));
    expect(transport.syncs).toHaveLength(1);
    await transport.answerSync({ ok: true, snapshot: snapshot(5, [lineEntry(5, 'avant')]) });
    expect(transport.syncs.map((sync) => sync.request)).toEqual([{ after: 5 }]);
    await transport.answerSync({ ok: true, snapshot: snapshot(8, [lineEntry(8, 'plus tard')]) });
    expect(connection.getState().entries.map((entry) => entry.seq)).toEqual([5, 8]);
  });

  it('resyncs from its last seq after a reconnect', async () => {
    const { transport, connection } = start();
    transport.connect();
    await transport.answerSync({ ok: true, snapshot: snapshot(3, [lineEntry(3, 'a')]) });
    transport.disconnect();
    expect(connection.getState().status).toBe('connecting');
    transport.connect();
    const request = await transport.answerSync({
      ok: true,
      snapshot: snapshot(5, [lineEntry(5, 'b')], listenerView({ paused: true })),
    });
    expect(request).toEqual({ after: 3 });
    expect(connection.getState().status).toBe('connected');
    expect(connection.getState().view?.paused).toBe(true);
    expect(connection.getState().entries.map((entry) => entry.seq)).toEqual([3, 5]);
  });

  it('reports a refused handshake by its code', () => {
    const { transport, connection } = start();
    transport.refuse('auth/invalid_token');
    expect(connection.getState()).toMatchObject({ status: 'error', errorCode: 'auth/invalid_token' });
  });

  it('reports why the server closed the page for good, not the disconnect that follows', async () => {
    const { transport, connection } = start();
    transport.connect();
    await transport.answerSync({ ok: true, snapshot: snapshot(3, [lineEntry(3, 'a')]) });
    transport.closeWith('class/place_freed');
    expect(connection.getState()).toMatchObject({ status: 'error', errorCode: 'class/place_freed' });
  });

  it('keeps trying through network errors', () => {
    const { transport, connection } = start();
    transport.refuse('websocket error', true);
    expect(connection.getState()).toMatchObject({ status: 'connecting', errorCode: 'client/network' });
  });

  it('reports a refused sync by its code', async () => {
    const { transport, connection } = start();
    transport.connect();
    await transport.answerSync({ ok: false, code: 'session/not_found', message: 'Séance introuvable.' });
    expect(connection.getState()).toMatchObject({ status: 'error', errorCode: 'session/not_found' });
  });

  it('retries a sync that timed out', async () => {
    const { transport } = start();
    transport.connect();
    await transport.answerSync({ ok: false, code: 'client/timeout', message: 'client/timeout' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(transport.syncs.map((sync) => sync.request)).toEqual([{ after: 0 }]);
  });

  it('follows a paged sync answer page after page, and waits when the server says rate_limited', async () => {
    const { transport, connection } = start();
    transport.connect();
    const first = await transport.answerSync({
      ok: true,
      snapshot: { ...snapshot(2, [lineEntry(1, 'a'), lineEntry(2, 'b')]), more: true },
    });
    expect(first).toEqual({ after: 0 });
    const second = await transport.answerSync({
      ok: false,
      code: 'input/rate_limited',
      message: 'Trop de messages en peu de temps : ralentissez.',
    });
    expect(second).toEqual({ after: 2 });
    expect(connection.getState().status).toBe('connected');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const third = await transport.answerSync({ ok: true, snapshot: snapshot(3, [lineEntry(3, 'c')]) });
    expect(third).toEqual({ after: 2 });
    expect(connection.getState().entries.map((entry) => entry.seq)).toEqual([1, 2, 3]);
    expect(connection.getState().needsResync).toBe(false);
    expect(transport.syncs).toHaveLength(0);
  });

  it('sends inputs only while connected, and hands back the ack', async () => {
    const { transport, connection } = start();
    expect(await connection.send({ kind: 'pickup' })).toMatchObject({ ok: false, code: 'client/offline' });
    transport.connect();
    const sent = connection.send({ kind: 'pickup' });
    expect(transport.inputs.map((input) => input.request)).toEqual([{ kind: 'pickup' }]);
    transport.inputs[0]?.answer({ ok: true, seq: 4 });
    expect(await sent).toEqual({ ok: true, seq: 4 });
  });

  it('closes the transport', async () => {
    const { transport, connection } = start();
    connection.close();
    await flush();
    expect(transport.closed).toBe(true);
  });
});

describe('presence', () => {
  it('follows the presence the server pushes', async () => {
    const transport = new FakeTransport();
    const made = createSessionConnection(transport, { syncRetryMs: 1 });
    transport.connect();
    await transport.answerSync({ ok: true, snapshot: snapshot(1, []) });
    transport.pushPresence({ participants: [{ role: 'trainer', name: 'Dominique', connections: 1 }] });
    expect(made.getState().presence?.participants).toEqual([
      { role: 'trainer', name: 'Dominique', connections: 1 },
    ]);
    made.close();
  });
});
