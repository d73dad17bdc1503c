// The test clock (`ECOUTE_TEST_CLOCK=manual`): session time stands still until a test moves it
// through `POST /api/test/clock/advance`; without the variable the route does not exist.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RoleClient, createSession, linesHeard, startServer } from './utils.js';
import type { TestServer } from './utils.js';

const advance = (server: TestServer, body: unknown) =>
  fetch(`${server.url}/api/test/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('the manual test clock', () => {
  let server: TestServer;
  let plain: TestServer;
  const clients: RoleClient[] = [];

  beforeAll(async () => {
    server = await startServer({ env: { ECOUTE_TEST_CLOCK: 'manual' } });
    plain = await startServer();
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.close();
    await plain?.close();
  });

  it('moves session time only when asked: the silence timer fires on the advance that reaches it', async () => {
    const created = await createSession(server.url, 'appel-entrainement');
    const listener = await RoleClient.connect(server.url, {
      sessionId: created.sessionId,
      token: created.tokens.listener,
    });
    clients.push(listener);
    expect(await listener.send({ kind: 'pickup' })).toMatchObject({ ok: true });
    await listener.waitFor((c) => linesHeard(c).includes('allo'), 'the first line');

    // 19.999 s of silence: not yet (the timer is due at 20 s).
    const before = await advance(server, { ms: 19_999 });
    expect(before.status).toBe(200);
    expect(await before.json()).toEqual({ ok: true, now: 19_999 });
    // Every append done (a sync answers after them): nothing said.
    const sync = await listener.sync(0);
    expect(
      sync.ok &&
        sync.snapshot.entries.map(
          (e) => e.kind === 'observation' && e.observation.kind === 'line' && e.observation.line,
        ),
    ).not.toContain('toujours_la');

    expect((await advance(server, { ms: 1 })).status).toBe(200);
    await listener.waitFor((c) => linesHeard(c).includes('toujours_la'), 'the silence line');
    const line = listener.entries.find(
      (e) =>
        e.kind === 'observation' && e.observation.kind === 'line' && e.observation.line === 'toujours_la',
    );
    expect(line?.t).toBe(20_000);
  });

  it('refuses a bad body with input/invalid, and does not exist without ECOUTE_TEST_CLOCK', async () => {
    for (const body of [{}, { ms: -1 }, { ms: 'soon' }, { ms: 1.5 }, { ms: 10, extra: true }]) {
      const response = await advance(server, body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ ok: false, code: 'input/invalid' });
    }
    expect((await advance(plain, { ms: 1_000 })).status).toBe(404);
  });
});
