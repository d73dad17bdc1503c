// Bad input through the real gateway: each gets its code, and nothing is recorded.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ManualScheduler } from '@ecoute/engine';
import { MAX_MESSAGE_BYTES, PROTOCOL_VERSION } from '@ecoute/protocol';
import { RoleClient, createSession, startServer, trainerOf } from './utils.js';
import type { TestServer } from './utils.js';

describe('bad input', () => {
  let server: TestServer;
  let session: Awaited<ReturnType<typeof createSession>>;
  let listener: RoleClient;
  let trainer: RoleClient;

  beforeAll(async () => {
    server = await startServer({ scheduler: new ManualScheduler() });
    session = await createSession(server.url, 'appel-entrainement');
    listener = await RoleClient.connect(server.url, {
      sessionId: session.sessionId,
      token: session.tokens.listener,
    });
    trainer = await RoleClient.connect(server.url, {
      sessionId: session.sessionId,
      token: session.tokens.trainer,
    });
    expect(await listener.send({ kind: 'pickup' })).toEqual({ ok: true, seq: 1 });
  }, 30_000);
  afterAll(async () => {
    listener.close();
    trainer.close();
    await server.close();
  });

  async function recordedSeq(): Promise<number> {
    const sync = await trainer.sync(0);
    if (!sync.ok) throw new Error(sync.code);
    return sync.snapshot.seq;
  }

  it('a message failing its schema gets input/invalid and changes nothing', async () => {
    const before = await recordedSeq();
    for (const bad of [
      { kind: 'move' },
      { kind: 'move', move: 42 },
      { kind: 'teleport' },
      { kind: 'say', text: '' },
      { kind: 'say', text: 'x'.repeat(5000) },
      { kind: 'pickup', extra: true },
    ]) {
      expect(await listener.send(bad)).toMatchObject({
        ok: false,
        code: 'input/invalid',
        message: expect.any(String),
      });
    }
    expect(await listener.sync(-1 as number)).toMatchObject({ ok: false, code: 'input/invalid' });
    expect(await recordedSeq()).toBe(before);
  });

  it('a listener sending a trainer-only input gets auth/forbidden_role, and the reverse too', async () => {
    const before = await recordedSeq();
    expect(await listener.send({ kind: 'inject', inject: 'sonnette' })).toMatchObject({
      ok: false,
      code: 'auth/forbidden_role',
    });
    expect(await listener.send({ kind: 'pause' })).toMatchObject({ ok: false, code: 'auth/forbidden_role' });
    expect(await trainer.send({ kind: 'move', move: 'se_presenter' })).toMatchObject({
      ok: false,
      code: 'auth/forbidden_role',
    });
    expect(await recordedSeq()).toBe(before);
  });

  it('a move the current state does not offer gets input/not_available', async () => {
    const before = await recordedSeq();
    expect(await listener.send({ kind: 'move', move: 'demander_ecran' })).toMatchObject({
      ok: false,
      code: 'input/not_available',
    });
    expect(await listener.send({ kind: 'move', move: 'inconnu' })).toMatchObject({
      ok: false,
      code: 'input/not_available',
    });
    expect(await recordedSeq()).toBe(before);
  });

  it('while paused, listener inputs get session/paused', async () => {
    expect((await trainer.send({ kind: 'pause' })).ok).toBe(true);
    expect(await listener.send({ kind: 'move', move: 'se_presenter' })).toMatchObject({
      ok: false,
      code: 'session/paused',
    });
    expect((await trainer.send({ kind: 'resume' })).ok).toBe(true);
    expect((await listener.send({ kind: 'move', move: 'se_presenter' })).ok).toBe(true);
  });

  it('an unknown session is refused at connect as a wrong token is: auth/invalid_token', async () => {
    // One answer for both, so that a wrong token does not tell whether the session exists.
    const unknown = await RoleClient.connect(server.url, {
      sessionId: 'nope',
      token: session.tokens.listener,
    }).then(
      () => {
        throw new Error('connected');
      },
      (error: unknown) => error as Error & { data: unknown },
    );
    const wrong = await RoleClient.connect(server.url, {
      sessionId: session.sessionId,
      token: 'forged',
    }).then(
      () => {
        throw new Error('connected');
      },
      (error: unknown) => error as Error & { data: unknown },
    );
    expect(unknown).toMatchObject({ message: 'auth/invalid_token', data: { code: 'auth/invalid_token' } });
    expect(unknown.data).toEqual(wrong.data);
  });

  it('a bad token is refused at connect with auth/invalid_token', async () => {
    await expect(
      RoleClient.connect(server.url, { sessionId: session.sessionId, token: 'forged' }),
    ).rejects.toMatchObject({
      message: 'auth/invalid_token',
    });
    // Another session's token does not open this one.
    const other = await createSession(server.url, 'appel-entrainement');
    await expect(
      RoleClient.connect(server.url, { sessionId: session.sessionId, token: other.tokens.trainer }),
    ).rejects.toMatchObject({ message: 'auth/invalid_token' });
  });

  it('an old client is refused with protocol/version_mismatch, a malformed handshake with input/invalid', async () => {
    await expect(
      RoleClient.connect(server.url, {
        sessionId: session.sessionId,
        token: session.tokens.listener,
        protocolVersion: PROTOCOL_VERSION + 1,
      }),
    ).rejects.toMatchObject({ message: 'protocol/version_mismatch' });
    await expect(RoleClient.connect(server.url, { sessionId: '', token: '' })).rejects.toMatchObject({
      message: 'input/invalid',
    });
  });

  it('an oversized message is dropped by the transport and the session goes on', async () => {
    const before = await recordedSeq();
    listener.socket.emit(
      'session:input',
      { kind: 'say', text: 'x'.repeat(MAX_MESSAGE_BYTES * 2) },
      () => undefined,
    );
    // The server closes that socket; a fresh connection with the same link still works.
    await new Promise((resolve) => listener.socket.once('disconnect', resolve));
    listener = await RoleClient.connect(server.url, {
      sessionId: session.sessionId,
      token: session.tokens.listener,
    });
    expect(await recordedSeq()).toBe(before);
    expect((await listener.send({ kind: 'say', text: 'Je vous écoute.' })).ok).toBe(true);
  });

  it('a flood from one socket gets input/rate_limited; other sockets are not affected', async () => {
    const flooder = await RoleClient.connect(server.url, {
      sessionId: session.sessionId,
      token: session.tokens.observer,
    });
    const acks = await Promise.all(Array.from({ length: 60 }, () => flooder.sync(0)));
    const limited = acks.filter((a) => !a.ok && a.code === 'input/rate_limited').length;
    expect(limited).toBeGreaterThanOrEqual(10);
    expect(acks.filter((a) => a.ok).length).toBeGreaterThanOrEqual(40);
    expect((await trainer.sync(0)).ok).toBe(true);
    flooder.close();
  });

  it('REST: an unknown scenario is 404 scenario/not_found, a malformed body 400 input/invalid', async () => {
    const trainer = await trainerOf(server);
    const post = (body: unknown): Promise<Response> =>
      fetch(`${server.url}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...trainer.headers },
        body: JSON.stringify(body),
      });
    const missing = await post({ scenarioId: 'inexistant' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ ok: false, code: 'scenario/not_found' });
    const malformed = await post({ scenario: 1 });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ ok: false, code: 'input/invalid' });
  });
});
