// The server's logs on the real app (port 0, real socket.io clients), read as its JSON lines:
// every line is one JSON object (a newline in a client's session id cannot forge one), HTTP lines
// carry a request id and gateway lines a socket id, refusals are logged at a bounded rate, and no
// line holds a token, a learner's words or notes.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ManualScheduler } from '@ecoute/engine';
import { RoleClient, createSession, startServer } from './utils.js';
import type { TestServer } from './utils.js';

type Line = Record<string, unknown> & { msg?: string; code?: string };

/**
 * Waits until `ready` holds (at most 5 s): a request's line is written when its response has
 * finished on the server's side, which may come just after the client has read it.
 */
async function until(ready: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!ready() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('JSON logs', () => {
  const scheduler = new ManualScheduler();
  let server: TestServer;
  let raw = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw += chunk.toString();
      done();
    },
  });
  // pino writes one line per record through `write`.
  const sink = { write: (text: string) => destination.write(text) };
  const lines = (): Line[] =>
    raw
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Line);

  beforeAll(async () => {
    server = await startServer({ scheduler, env: { LOG_LEVEL: 'log' }, logDestination: sink });
  }, 30_000);
  afterAll(async () => {
    await server.close();
  });

  it('writes one JSON object a line, with the levels of LOG_LEVEL', () => {
    expect(raw.length).toBeGreaterThan(0);
    const all = lines();
    expect(all.some((l) => typeof l.msg === 'string' && l.msg.includes('scénario(s) chargé(s)'))).toBe(true);
    expect(all.every((l) => typeof l.level === 'number' && l.level >= 30)).toBe(true);
  });

  it('escapes a session id given at the handshake: a newline forges no line', async () => {
    const forged = 'abc\n{"level":50,"msg":"forged"}\u001b[2J';
    await expect(
      RoleClient.connect(server.url, { sessionId: forged, token: 'x'.repeat(40) }),
    ).rejects.toThrow('auth/invalid_token');
    expect(() => lines()).not.toThrow();
    expect(lines().some((l) => l.msg === 'forged')).toBe(false);
    const refusal = lines().find((l) => l.code === 'auth/invalid_token' && l.at === 'handshake');
    expect(refusal).toBeDefined();
    expect(refusal?.session).toBe('abc\\u000a{"level":50,"msg":"forged"}\\u001b[2J');
    expect(typeof refusal?.socket).toBe('string');
    expect(raw).not.toContain('\u001b');
  });

  it('gives each HTTP request an id and never logs a token', async () => {
    const session = await createSession(server.url, 'appel-entrainement');
    const response = await fetch(
      `${server.url}/api/sessions/${session.sessionId}/debrief?token=in-the-query`,
      {
        headers: { authorization: `Bearer ${session.tokens.trainer}`, 'x-request-id': 'req-42' },
      },
    );
    expect(response.headers.get('x-request-id')).toBe('req-42');
    const other = await fetch(`${server.url}/api/scenarios`, { headers: { 'x-request-id': 'bad id\n' } });
    const drawn = other.headers.get('x-request-id');
    expect(drawn).toMatch(/^[0-9a-f-]{36}$/);
    const logged = (id: string | null) =>
      lines().some((l) => (l.req as { id?: string } | undefined)?.id === id);
    await until(() => logged('req-42') && logged(drawn));
    const http = lines().filter((l) => l.req !== undefined);
    const mine = http.find((l) => (l.req as { id: string }).id === 'req-42');
    expect(mine).toMatchObject({ req: { method: 'GET' }, res: { statusCode: response.status } });
    expect((mine?.req as { url: string }).url).toContain('token=[redacted]');
    expect(http.some((l) => (l.req as { id: string }).id === drawn)).toBe(true);
    for (const token of Object.values(session.tokens)) expect(raw).not.toContain(token);
    expect(raw).not.toContain('in-the-query');
  });

  it("never logs an invitation's id (whoever holds it creates the account) nor a learner's pseudonym", async () => {
    await fetch(`${server.url}/api/account/invitations/Invit4tionSecret`, {
      headers: { 'x-request-id': 'req-invite' },
    });
    await fetch(`${server.url}/api/account/invitations/Invit4tionSecret/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-accept' },
      body: '{}',
    });
    await fetch(`${server.url}/api/sessions?learner=KarimPseudo`, {
      headers: { 'x-request-id': 'req-learner' },
    });
    const urlOf = (id: string) =>
      (
        lines().find((l) => (l.req as { id?: string } | undefined)?.id === id)?.req as
          { url?: string } | undefined
      )?.url;
    await until(
      () =>
        urlOf('req-invite') !== undefined &&
        urlOf('req-accept') !== undefined &&
        urlOf('req-learner') !== undefined,
    );
    expect(urlOf('req-invite')).toBe('/api/account/invitations/[redacted]');
    expect(urlOf('req-accept')).toBe('/api/account/invitations/[redacted]/accept');
    expect(urlOf('req-learner')).toBe('/api/sessions?learner=[redacted]');
    expect(raw).not.toContain('Invit4tionSecret');
    expect(raw).not.toContain('KarimPseudo');
  });

  it('logs neither a learner’s words nor notes, nor the role tokens of the sockets', async () => {
    const session = await createSession(server.url, 'appel-entrainement');
    const listener = await RoleClient.connect(server.url, {
      sessionId: session.sessionId,
      token: session.tokens.listener,
    });
    try {
      expect((await listener.send({ kind: 'join', name: 'Camille' })).ok).toBe(true);
      expect((await listener.send({ kind: 'pickup' })).ok).toBe(true);
      expect((await listener.send({ kind: 'say', text: 'mes mots à moi seulement' })).ok).toBe(true);
      expect((await listener.send({ kind: 'note', text: 'ma note très privée', shared: false })).ok).toBe(
        true,
      );
      // Refused: the words of a bad message are not logged either.
      expect(
        (
          await listener.send({ kind: 'say', text: 'refusé mais secret', extra: 1 } as Record<
            string,
            unknown
          >)
        ).ok,
      ).toBe(false);
      const refusal = lines().find((l) => l.code === 'input/invalid' && l.session === session.sessionId);
      expect(refusal).toMatchObject({ role: 'listener', at: 'input', socket: listener.socket.id });
      expect(raw).not.toContain('mes mots à moi');
      expect(raw).not.toContain('ma note très privée');
      expect(raw).not.toContain('refusé mais secret');
      expect(raw).not.toContain(session.tokens.listener);
    } finally {
      listener.close();
    }
  });

  it('logs refusals at a bounded rate, then says how many it left out', async () => {
    const session = await createSession(server.url, 'appel-entrainement');
    const observer = await RoleClient.connect(server.url, {
      sessionId: session.sessionId,
      token: session.tokens.observer,
    });
    try {
      const before = lines().filter((l) => l.code === 'auth/forbidden_role').length;
      for (let i = 0; i < 30; i++) expect((await observer.send({ kind: 'pickup' })).ok).toBe(false);
      const logged = lines().filter((l) => l.code === 'auth/forbidden_role').length - before;
      expect(logged).toBeLessThanOrEqual(10);
      expect(logged).toBeGreaterThan(0);
    } finally {
      observer.close();
    }
  });

  it('bounds the lines of refused HTTP requests too (a scanner’s 404s)', async () => {
    const notFound = (): Line[] =>
      lines().filter((l) => (l.res as { statusCode?: number } | undefined)?.statusCode === 404);
    const before = notFound().length;
    for (let i = 0; i < 25; i++) {
      expect((await fetch(`${server.url}/api/nope-${i}`)).status).toBe(404);
    }
    await until(() => notFound().length - before >= 10);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const logged = notFound().length - before;
    expect(logged).toBeLessThanOrEqual(10);
    expect(logged).toBeGreaterThan(0);
  });
});
