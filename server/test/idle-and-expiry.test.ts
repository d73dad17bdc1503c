// Memory bounded (issue 11, item 1): an idle runtime (no socket, no timer due) is unloaded and
// rebuilt by replay on the next connection; a session nobody picked up expires. Time is driven
// by passing `now` to the passes, never by waiting for the real intervals.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ManualScheduler } from '@ecoute/engine';
import { RetentionService } from '../src/retention/retention.service.js';
import { SessionsService } from '../src/sessions/sessions.service.js';
import { RoleClient, createSession, startServer } from './utils.js';
import type { TestServer } from './utils.js';

const LATER = 10 * 24 * 3600 * 1000;

describe('idle runtimes and unclaimed sessions', () => {
  let server: TestServer;
  let sessions: SessionsService;
  beforeAll(async () => {
    server = await startServer({ scheduler: new ManualScheduler() });
    sessions = server.app.get(SessionsService);
  });
  afterAll(async () => {
    await server.close();
  });

  const connect = (sessionId: string, token: string): Promise<RoleClient> =>
    RoleClient.connect(server.url, { sessionId, token });

  /** Closes the client and waits until the server has seen it go. */
  async function disconnected(client: RoleClient, sessionId: string): Promise<void> {
    const open = (): number =>
      (sessions as unknown as { sockets: Map<string, number> }).sockets.get(sessionId) ?? 0;
    const before = open();
    client.close();
    const deadline = Date.now() + 5000;
    while (open() >= before) {
      if (Date.now() > deadline) throw new Error('the server did not see the socket go');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  it('unloads a runtime with no socket and no timer due, and rebuilds it by replay on the next connection', async () => {
    const session = await createSession(server.url, 'appel-entrainement');
    const listener = await connect(session.sessionId, session.tokens.listener);
    const trainer = await connect(session.sessionId, session.tokens.trainer);
    expect((await listener.send({ kind: 'join', name: 'Camille' })).ok).toBe(true);
    expect((await listener.send({ kind: 'pickup' })).ok).toBe(true);
    expect((await listener.send({ kind: 'say', text: 'Bonjour, je vous écoute.' })).ok).toBe(true);
    const before = await trainer.sync(0);
    if (!before.ok) throw new Error(before.code);
    // Connected: kept, however long it was idle.
    expect(sessions.unloadIdle(Date.now() + LATER)).not.toContain(session.sessionId);
    // The trainer pauses (no timer due any more) and everyone leaves.
    expect((await trainer.send({ kind: 'pause' })).ok).toBe(true);
    await disconnected(listener, session.sessionId);
    await disconnected(trainer, session.sessionId);
    // Not idle for long enough yet.
    expect(sessions.unloadIdle(Date.now())).not.toContain(session.sessionId);
    const loaded = sessions.loadedCount;
    expect(sessions.unloadIdle(Date.now() + LATER)).toContain(session.sessionId);
    expect(sessions.loadedCount).toBe(loaded - 1);

    // The next connection rebuilds it: the same record, the same view, and it plays on.
    const back = await connect(session.sessionId, session.tokens.trainer);
    const after = await back.sync(0);
    if (!after.ok) throw new Error(after.code);
    expect(sessions.loadedCount).toBe(loaded);
    expect(after.snapshot.seq).toBe(before.snapshot.seq + 1); // + the trainer's pause
    expect(after.snapshot.entries.slice(0, before.snapshot.entries.length)).toEqual(before.snapshot.entries);
    expect(after.snapshot.view.paused).toBe(true);
    expect((await back.send({ kind: 'resume' })).ok).toBe(true);
    const listenerBack = await connect(session.sessionId, session.tokens.listener);
    expect((await listenerBack.send({ kind: 'say', text: 'Vous êtes toujours là ?' })).ok).toBe(true);
    back.close();
    listenerBack.close();
  }, 20_000);

  it('keeps a runtime whose clock has a timer due', async () => {
    const session = await createSession(server.url, 'appel-entrainement');
    const listener = await connect(session.sessionId, session.tokens.listener);
    expect((await listener.send({ kind: 'pickup' })).ok).toBe(true);
    await disconnected(listener, session.sessionId);
    const runtime = await sessions.runtimeFor(session.sessionId);
    if ('ok' in runtime) throw new Error(runtime.code);
    // The scenario's caller waits on timers after the pickup: not quiet, not unloaded.
    expect(runtime.quiet).toBe(false);
    expect(sessions.unloadIdle(Date.now() + LATER)).not.toContain(session.sessionId);
  });

  it('deletes the sessions nobody picked up after ECOUTE_UNCLAIMED_EXPIRY_MS, and only those', async () => {
    const unclaimed = await createSession(server.url, 'appel-entrainement');
    const claimed = await createSession(server.url, 'appel-entrainement');
    const listener = await connect(claimed.sessionId, claimed.tokens.listener);
    expect((await listener.send({ kind: 'join', name: 'Dominique' })).ok).toBe(true);
    listener.close();
    const retention = server.app.get(RetentionService);
    // Not yet: created a moment ago.
    expect(await retention.expireUnclaimed(new Date())).not.toContain(unclaimed.sessionId);
    const purged = await retention.expireUnclaimed(new Date(Date.now() + 2 * 24 * 3600 * 1000));
    expect(purged).toContain(unclaimed.sessionId);
    expect(purged).not.toContain(claimed.sessionId);
    await expect(connect(unclaimed.sessionId, unclaimed.tokens.trainer)).rejects.toMatchObject({
      message: 'auth/invalid_token',
    });
    const still = await connect(claimed.sessionId, claimed.tokens.trainer);
    expect((await still.sync(0)).ok).toBe(true);
    still.close();
  });
});
