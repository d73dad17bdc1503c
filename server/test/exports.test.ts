// Exports of a played call: the JSON export (validated against its committed JSON Schema), the
// xAPI statements (validated against the xAPI statement schema), and their sending to an LRS,
// here a tiny real HTTP server on loopback that records what it receives.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import type { Kysely } from 'kysely';
import { ManualScheduler } from '@ecoute/engine';
import type { Input } from '@ecoute/engine';
import { sessionExportSchema } from '@ecoute/protocol';
import type { Debrief, SessionExport } from '@ecoute/protocol';
import { findWorkspaceRoot } from '../src/config/env.js';
import { DATABASE } from '../src/database/database.module.js';
import type { Database } from '../src/database/schema.js';
import { DebriefStore } from '../src/debrief/debrief-store.js';
import type { XapiStatement } from '../src/exports/xapi.js';
import { RoleClient, createSession, startServer } from './utils.js';
import type { TestServer } from './utils.js';

const root = findWorkspaceRoot();
const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;

/** JSON Schema validators; `format` keywords are left to the schemas' own patterns. */
function validator(schema: Record<string, unknown>) {
  const ajv = new Ajv({
    allErrors: true,
    // Strict about the schemas themselves (unknown keywords, types), not about `required` kept
    // in `oneOf` branches (the xAPI identifier rule).
    strict: true,
    strictRequired: false,
    formats: { 'date-time': true, uuid: true, email: true },
  });
  return ajv.compile(schema);
}

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** A tiny LRS: records each request; answers the stored ids, or `status` when set. */
function startLrs(): Promise<{
  server: Server;
  url: string;
  received: Received[];
  status: { code: number };
}> {
  const received: Received[] = [];
  const status = { code: 200 };
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString()));
    req.on('end', () => {
      const body = data ? (JSON.parse(data) as unknown) : null;
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (status.code !== 200) {
        res.writeHead(status.code, { 'content-type': 'application/json' }).end('{"error":"refusé"}');
        return;
      }
      const ids = Array.isArray(body) ? body.map((s) => (s as { id: string }).id) : [];
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(ids));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ server, url: `http://127.0.0.1:${port}/xapi/`, received, status });
    }),
  );
}

describe('exports', () => {
  let server: TestServer;
  let lrs: Awaited<ReturnType<typeof startLrs>>;
  let sessionId: string;
  let tokens: Record<string, string>;
  const get = (what: string, token?: string) =>
    fetch(`${server.url}/api/sessions/${sessionId}/export/${what}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  beforeAll(async () => {
    lrs = await startLrs();
    // Session time stands still (no timer fires on a slow machine): the record is the same each run.
    server = await startServer({
      scheduler: new ManualScheduler(),
      env: { ECOUTE_LRS_URL: lrs.url, ECOUTE_LRS_KEY: 'cle-ecoute', ECOUTE_LRS_SECRET: 'secret-ecoute' },
    });
    const created = await createSession(server.url, 'appel-entrainement');
    sessionId = created.sessionId;
    tokens = created.tokens;
    const listener = await RoleClient.connect(server.url, { sessionId, token: tokens.listener! });
    const trainer = await RoleClient.connect(server.url, { sessionId, token: tokens.trainer! });
    const play = async (client: RoleClient, input: Input) => {
      const ack = await client.send(input);
      if (!ack.ok) throw new Error(`${input.kind}: ${ack.code}`);
    };
    await play(listener, { kind: 'join', name: 'Camille' });
    await play(trainer, { kind: 'join', name: 'Dominique' });
    await play(listener, { kind: 'pickup' });
    await play(listener, { kind: 'move', move: 'se_presenter' });
    await play(listener, { kind: 'say', text: 'Je vous écoute, madame.' });
    await play(listener, { kind: 'move', move: 'reformuler' });
    await play(trainer, { kind: 'inject', inject: 'sonnette' });
    await play(trainer, { kind: 'bookmark', comment: 'Belle reformulation.' });
    await play(listener, { kind: 'note', text: 'Penser au rappel.', shared: true });
    await play(listener, { kind: 'note', text: 'Note pour moi seul·e.', shared: false });
    await play(listener, { kind: 'move', move: 'proposer_rappel' });
    await trainer.waitFor((c) => c.view?.phase === 'ended', 'the ending');
    listener.close();
    trainer.close();
    const db = server.app.get<Kysely<Database>>(DATABASE);
    const debrief = new DebriefStore(db);
    await debrief.setJudgment(sessionId, {
      criterion: 'ton_pose',
      rating: 'partly',
      comment: 'Un peu rapide au début.',
      updatedAt: new Date().toISOString(),
    });
    // An annotation written at the debrief: the export carries it.
    await debrief.addAnnotation(sessionId, {
      id: 'annotation-1',
      bookmarkSeq: null,
      t: 4_000,
      comment: 'À revoir ensemble : la question ouverte.',
      createdAt: '2026-12-06T10:00:00.000Z',
      updatedAt: '2026-12-06T10:00:00.000Z',
    });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await new Promise((resolve) => lrs?.server.close(resolve));
  });

  async function exported(): Promise<SessionExport> {
    for (let i = 0; ; i++) {
      const response = await get('json', tokens.trainer);
      expect(response.status).toBe(200);
      const body = (await response.json()) as SessionExport;
      // The session is marked ended just after the ending is durable.
      if (body.session.status === 'ended' || i > 500) return body;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('tells the debrief that an LRS is configured (its button shows)', async () => {
    const response = await fetch(`${server.url}/api/sessions/${sessionId}/debrief`, {
      headers: { authorization: `Bearer ${tokens.trainer}` },
    });
    expect(((await response.json()) as Debrief).lrsConfigured).toBe(true);
  });

  it('is for the trainer only', async () => {
    expect((await get('json')).status).toBe(401);
    const asListener = await get('json', tokens.listener);
    expect(asListener.status).toBe(403);
    expect(await asListener.json()).toMatchObject({ ok: false, code: 'auth/forbidden_role' });
    expect((await get('xapi', tokens.observer)).status).toBe(403);
    expect((await get('json', 'x'.repeat(43))).status).toBe(401);
    const elsewhere = await fetch(`${server.url}/api/sessions/inconnue/export/json`, {
      headers: { authorization: `Bearer ${tokens.trainer}` },
    });
    // Another session's id answers as a wrong token does: existence is not told.
    expect(elsewhere.status).toBe(401);
  });

  it('takes absolute URLs from ECOUTE_PUBLIC_URL or the server itself, never from the Host header', async () => {
    const { request } = await import('node:http');
    const port = new URL(server.url).port;
    const body = await new Promise<string>((resolve, reject) => {
      request(
        {
          host: '127.0.0.1',
          port,
          path: `/api/sessions/${sessionId}/export/xapi`,
          headers: { host: 'evil.example', authorization: `Bearer ${tokens.trainer}` },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve(text));
        },
      )
        .on('error', reject)
        .end();
    });
    expect(body).not.toContain('evil.example');
    expect(body).toContain(`http://localhost:${port}/xapi/`);
  });

  it('exports the session, its timeline as the trainer sees it and its scores, valid against the committed schema', async () => {
    const body = await exported();
    const validate = validator(readJson('packages/protocol/session-export.schema.json'));
    expect(validate.errors ?? validate(body)).toBe(true);
    expect(sessionExportSchema.safeParse(body).success).toBe(true);

    expect(body.session).toMatchObject({
      id: sessionId,
      scenario: { id: 'appel-entrainement', version: 7 },
      seed: 42,
      status: 'ended',
      outcome: 'good',
    });
    expect(body.participants).toEqual([
      { role: 'listener', name: 'Camille' },
      { role: 'trainer', name: 'Dominique' },
    ]);
    const notes = body.timeline.flatMap((e) =>
      e.kind === 'input' && e.input.kind === 'note' ? [e.input.text] : [],
    );
    expect(notes).toEqual(['Penser au rappel.']);
    expect(body.timeline.some((e) => e.kind === 'observation' && e.observation.kind === 'variable')).toBe(
      true,
    );

    const byId = new Map(body.score.criteria.map((c) => [c.criterion, c]));
    expect(byId.get('se_presente')).toMatchObject({ kind: 'auto', met: true, value: 1 });
    expect(byId.get('solution')).toMatchObject({ kind: 'auto', met: true, value: 1 });
    expect(byId.get('guide')).toMatchObject({ kind: 'auto', met: false, value: 0 });
    expect(byId.get('ton_pose')).toMatchObject({
      kind: 'judged',
      judgment: { rating: 'partly' },
      value: 0.5,
    });
    expect(byId.get('role_clair')).toMatchObject({ kind: 'judged', value: null });
    expect(body.annotations).toEqual([
      {
        t: 4_000,
        comment: 'À revoir ensemble : la question ouverte.',
        bookmarkSeq: null,
        createdAt: '2026-12-06T10:00:00.000Z',
        updatedAt: '2026-12-06T10:00:00.000Z',
      },
    ]);
    const values = body.score.criteria.flatMap((c) => (c.value === null ? [] : [c.value]));
    expect(body.score.scaled).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 4);
    expect(body.score.success).toBe(true);
    // The registration is drawn once, then kept.
    expect((await exported()).session.registration).toBe(body.session.registration);
  });

  it('gives one xAPI statement per input and a completion, each a valid xAPI 1.0.3 statement', async () => {
    const body = await exported();
    const response = await get('xapi', tokens.trainer);
    expect(response.status).toBe(200);
    const statements = (await response.json()) as XapiStatement[];
    const validate = validator(readJson('server/src/exports/xapi-statement.schema.json'));
    for (const statement of statements) expect(validate(statement) ? [] : validate.errors).toEqual([]);
    // The schema refuses what an LRS refuses.
    const first = statements[0]!;
    expect(validate({ ...first, actor: { name: 'Camille' } })).toBe(false);
    expect(validate({ ...first, verb: { id: 'a-décroché' } })).toBe(false);
    expect(validate({ ...first, result: { score: { scaled: 1.5 } } })).toBe(false);
    expect(validate({ ...first, inconnu: true })).toBe(false);

    const inputs = body.timeline.filter((e) => e.kind === 'input');
    expect(statements).toHaveLength(inputs.length + 1);
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
    const camille = {
      objectType: 'Agent',
      name: 'Camille',
      account: { homePage: server.url.replace('127.0.0.1', 'localhost'), name: 'Camille' },
    };
    const dominique = {
      objectType: 'Agent',
      name: 'Dominique',
      account: { homePage: server.url.replace('127.0.0.1', 'localhost'), name: 'Dominique' },
    };
    for (const statement of statements) {
      expect(statement.context.registration).toBe(body.session.registration);
      expect(statement.context.instructor).toEqual(dominique);
    }
    const pickup = statements.find((s) => s.verb.id === 'http://adlnet.gov/expapi/verbs/initialized')!;
    expect(pickup.actor).toEqual(camille);
    const said = statements.find((s) => s.verb.id === 'http://adlnet.gov/expapi/verbs/responded')!;
    expect(said.result?.response).toBe('Je vous écoute, madame.');
    const move = statements.find((s) => s.object.id.endsWith('/moves/reformuler'))!;
    expect(move).toMatchObject({ actor: camille, verb: { id: 'http://adlnet.gov/expapi/verbs/interacted' } });
    expect(move.context.contextActivities?.parent[0]?.id).toBe(
      `${server.url.replace('127.0.0.1', 'localhost')}/xapi/scenarios/appel-entrainement/v7`,
    );
    const inject = statements.find((s) => s.object.id.endsWith('/injects/sonnette'))!;
    expect(inject.actor).toEqual(dominique);
    const completion = statements.at(-1)!;
    expect(completion).toMatchObject({
      actor: camille,
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
      object: { id: `${server.url.replace('127.0.0.1', 'localhost')}/xapi/scenarios/appel-entrainement/v7` },
      result: { score: { scaled: body.score.scaled }, success: true, completion: true },
    });
    expect(completion.result?.duration).toMatch(/^PT\d+(\.\d+)?S$/);
  });

  it('sends the statements to the configured LRS, with its credentials and the xAPI version header', async () => {
    const statements = (await (await get('xapi', tokens.trainer)).json()) as XapiStatement[];
    lrs.received.length = 0;
    const response = await fetch(`${server.url}/api/sessions/${sessionId}/export/xapi/send`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.trainer}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ sent: statements.length, ids: statements.map((s) => s.id) });
    expect(lrs.received).toHaveLength(1);
    const [request] = lrs.received;
    expect(request).toMatchObject({ method: 'POST', url: '/xapi/statements' });
    expect(request!.headers['x-experience-api-version']).toBe('1.0.3');
    expect(request!.headers.authorization).toBe(
      `Basic ${Buffer.from('cle-ecoute:secret-ecoute').toString('base64')}`,
    );
    expect(request!.body).toEqual(statements);

    // An LRS that refuses: the trainer is told, with a code.
    lrs.status.code = 401;
    const refused = await fetch(`${server.url}/api/sessions/${sessionId}/export/xapi/send`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.trainer}` },
    });
    lrs.status.code = 200;
    expect(refused.status).toBe(502);
    expect(await refused.json()).toMatchObject({ ok: false, code: 'export/lrs_failed' });
    // Only the trainer sends.
    const asListener = await fetch(`${server.url}/api/sessions/${sessionId}/export/xapi/send`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.listener}` },
    });
    expect(asListener.status).toBe(403);
  });
});
