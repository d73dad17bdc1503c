// The debrief's REST on the real app (port 0, a real SQLite file): a tutorial call played by
// real socket.io clients on a hand-driven session clock, then every debrief endpoint with its
// authorisation (role links, the trainer's account) and its refusals (bad input records nothing).
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ManualScheduler } from '@ecoute/engine';
import { debriefOfCompact } from '@ecoute/protocol';
import type { Debrief, DebriefCompact, DebriefMark, SelfAssessment, SessionListItem } from '@ecoute/protocol';
import { RoleClient, createSession, startServer, trainerOf } from './utils.js';
import type { Account } from './utils.js';
import type { TestServer } from './utils.js';

const SCENARIO = 'appel-entrainement';

interface Answer<T = unknown> {
  status: number;
  body: T;
}

describe('the debrief over REST', () => {
  const scheduler = new ManualScheduler();
  let server: TestServer;
  let session: Awaited<ReturnType<typeof createSession>>;
  let live: Awaited<ReturnType<typeof createSession>>;

  async function call<T = unknown>(
    method: string,
    path: string,
    token: string | Account | null,
    body?: unknown,
  ): Promise<Answer<T>> {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(typeof token === 'string' ? { authorization: `Bearer ${token}` } : {}),
        ...(token !== null && typeof token === 'object' ? token.headers : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as T };
  }
  const debriefPath = (id: string) => `/api/sessions/${id}/debrief`;
  const rows = (table: string, sessionId: string): number => {
    const db = new Database(server.config.databaseFile, { readonly: true });
    try {
      return (
        db.prepare(`SELECT count(*) AS n FROM ${table} WHERE session_id = ?`).get(sessionId) as { n: number }
      ).n;
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    server = await startServer({ scheduler });
    session = await createSession(server.url, SCENARIO);
    const listener = await RoleClient.connect(server.url, {
      sessionId: session.sessionId,
      token: session.tokens.listener,
    });
    const trainer = await RoleClient.connect(server.url, {
      sessionId: session.sessionId,
      token: session.tokens.trainer,
    });
    const ok = async (client: RoleClient, input: Record<string, unknown>) => {
      const ack = await client.send(input);
      if (!ack.ok) throw new Error(`${JSON.stringify(input)}: ${ack.code}`);
    };
    await ok(listener, { kind: 'join', name: 'Camille' });
    await ok(trainer, { kind: 'join', name: 'Dominique' });
    scheduler.advanceBy(3_000);
    await ok(listener, { kind: 'pickup' });
    scheduler.advanceBy(5_000);
    await ok(listener, { kind: 'move', move: 'se_presenter' });
    scheduler.advanceBy(12_000);
    // « Marquer ce moment » pressed 3 s before the comment was saved.
    await ok(trainer, { kind: 'bookmark', comment: 'Bonne présentation', moment: 17_000 });
    await ok(listener, { kind: 'note', text: 'note privée', shared: false });
    await ok(listener, { kind: 'note', text: 'note partagée', shared: true });
    await ok(listener, { kind: 'move', move: 'reformuler' });
    scheduler.advanceBy(2_000);
    for (const _ of [1, 2, 3]) {
      await ok(listener, { kind: 'move', move: 'guider_pas_a_pas' });
      scheduler.advanceBy(2_000);
    }
    await trainer.waitFor((c) => c.view?.phase === 'ended', 'the ending');
    listener.close();
    trainer.close();
    live = await createSession(server.url, SCENARIO);
  }, 30_000);
  afterAll(async () => {
    await server.close();
  });

  describe('who may read it', () => {
    it('refuses a request without a token, or with a wrong one: auth/invalid_token', async () => {
      for (const token of [null, 'nope', session.tokens.listener.slice(1)]) {
        const answer = await call<{ code: string }>('GET', debriefPath(session.sessionId), token);
        expect(answer).toMatchObject({ status: 401, body: { ok: false, code: 'auth/invalid_token' } });
      }
      // Another session's token does not open this one.
      const other = await call<{ code: string }>('GET', debriefPath(session.sessionId), live.tokens.trainer);
      expect(other).toMatchObject({ status: 401, body: { code: 'auth/invalid_token' } });
    });

    it('refuses the observer (and a caller actor): auth/forbidden_role', async () => {
      const roles = (['observer', 'callerActor'] as const).filter((role) => session.tokens[role]);
      expect(roles).toContain('observer');
      for (const role of roles) {
        const answer = await call('GET', debriefPath(session.sessionId), session.tokens[role]);
        expect(answer).toMatchObject({ status: 403, body: { code: 'auth/forbidden_role' } });
      }
    });

    it('answers an unknown session as a wrong token: auth/invalid_token (existence is not told)', async () => {
      const answer = await call('GET', debriefPath('nope'), session.tokens.trainer);
      expect(answer).toMatchObject({ status: 401, body: { code: 'auth/invalid_token' } });
      const wrong = await call('GET', debriefPath(session.sessionId), 'x'.repeat(43));
      expect(wrong).toEqual(answer);
    });

    it('keeps the learner out while the call is live (debrief/call_live); the trainer may look', async () => {
      expect(await call('GET', debriefPath(live.sessionId), live.tokens.listener)).toMatchObject({
        status: 409,
        body: { code: 'debrief/call_live' },
      });
      const trainer = await call<Debrief>('GET', debriefPath(live.sessionId), live.tokens.trainer);
      expect(trainer.status).toBe(200);
      expect(trainer.body).toMatchObject({ viewer: 'trainer', callOver: false, entries: [] });
    });
  });

  describe("the trainer's debrief", () => {
    let debrief: Debrief;
    beforeAll(async () => {
      const answer = await call<Debrief>('GET', debriefPath(session.sessionId), session.tokens.trainer);
      expect(answer.status).toBe(200);
      debrief = answer.body;
    });

    it('has the headers, the graph and the whole timeline but private notes', () => {
      expect(debrief.viewer).toBe('trainer');
      expect(debrief.callOver).toBe(true);
      // No ECOUTE_LRS_URL here: the page hides the LRS button.
      expect(debrief.lrsConfigured).toBe(false);
      expect(debrief.session).toMatchObject({
        id: session.sessionId,
        scenarioId: SCENARIO,
        learner: 'Camille',
        trainer: 'Dominique',
        status: 'ended',
      });
      expect(debrief.scenario.title).toBe("Appel d'entraînement");
      expect(debrief.scenario.variables.map((v) => v.id)).toEqual(['detresse', 'confiance']);
      // With the scenario's thresholds: the debrief's gauges say « à surveiller », « danger » as the call did.
      expect(debrief.scenario.variables.map((v) => v.thresholds)).toEqual([
        { direction: 'up', warning: 6, danger: 8 },
        { direction: 'down', warning: 3, danger: 1 },
      ]);
      expect(debrief.graph?.nodes.map((n) => n.id)).toContain('ecoute.en_ligne');
      const seqs = debrief.entries.map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      const notes = debrief.entries.flatMap((e) =>
        e.kind === 'input' && e.input.kind === 'note' ? [e.input.text] : [],
      );
      expect(notes).toEqual(['note partagée']);
      expect(debrief.entries.some((e) => e.kind === 'observation' && e.observation.kind === 'variable')).toBe(
        true,
      );
      expect(debrief.notes.map((n) => n.text)).toEqual(['note partagée']);
    });

    it('scores the rubric, each automatic result with the moment that proves it', () => {
      const presented = debrief.rubric.find((c) => c.criterion === 'se_presente');
      const move = debrief.entries.find(
        (e) => e.kind === 'input' && e.input.kind === 'move' && e.input.move === 'se_presenter',
      );
      expect(presented).toMatchObject({ kind: 'auto', met: true, evidence: { seq: move?.seq, t: move?.t } });
      expect(debrief.rubric.find((c) => c.criterion === 'solution')).toMatchObject({ met: true });
      expect(debrief.rubric.find((c) => c.criterion === 'ton_pose')).toMatchObject({ kind: 'judged' });
      expect(debrief.rubric.find((c) => c.criterion === 'ton_pose')?.met).toBeUndefined();
      expect(debrief.judgments).toEqual([]);
      expect(debrief.selfAssessment).toBeNull();
    });

    it('measures the call', () => {
      const { measures } = debrief;
      expect(measures.timeToPickup).toMatchObject({ ms: 3_000 });
      expect(measures.timeToPickup?.from).not.toBeNull();
      expect(measures.reformulations.count).toBe(1);
      // Picked up, 5 s to introduce oneself, then 12 s before the reformulation.
      expect(measures.longestSilence?.ms).toBe(12_000);
      expect(measures.timeToFirstOpenQuestion).toBeNull();
      expect(measures.timeToAlertColleague).toBeNull();
      // The training call offers no « alerter un·e collègue »: no such measure to show.
      expect(measures.alertMove).toBe(false);
      expect(measures.outcome).toMatchObject({ ending: 'connectee', outcome: 'best', reason: 'scenario' });
    });

    it('lists the bookmark at the moment it marks, not when its comment was saved', () => {
      expect(debrief.marks).toEqual([
        expect.objectContaining({
          kind: 'bookmark',
          comment: 'Bonne présentation',
          original: null,
          t: 17_000,
        }),
      ]);
    });
  });

  describe('the answer on the wire and the scores kept', () => {
    const resultsRow = (): { last_seq: number; rubric_key: string; rubric: string } | undefined => {
      const db = new Database(server.config.databaseFile, { readonly: true });
      try {
        return db
          .prepare('SELECT last_seq, rubric_key, rubric FROM debrief_results WHERE session_id = ?')
          .get(session.sessionId) as { last_seq: number; rubric_key: string; rubric: string } | undefined;
      } finally {
        db.close();
      }
    };
    const writeResults = (sql: string, ...params: unknown[]): void => {
      const db = new Database(server.config.databaseFile);
      try {
        db.prepare(sql).run(...params);
      } finally {
        db.close();
      }
    };

    it('carries each entry exactly as recorded: the same timeline as the JSON export', async () => {
      const debrief = await call<Debrief>('GET', debriefPath(session.sessionId), session.tokens.trainer);
      const exported = await call<{ timeline: unknown[] }>(
        'GET',
        `/api/sessions/${session.sessionId}/export/json`,
        session.tokens.trainer,
      );
      expect(exported.status).toBe(200);
      expect(debrief.body.entries.length).toBeGreaterThan(10);
      expect(debrief.body.entries).toEqual(exported.body.timeline);
    });

    it('gives the timeline in columns on ?timeline=columns: the same entries, the same rest', async () => {
      for (const token of [session.tokens.trainer, session.tokens.listener]) {
        const full = await call<Debrief>('GET', debriefPath(session.sessionId), token);
        const compact = await call<DebriefCompact>(
          'GET',
          `${debriefPath(session.sessionId)}?timeline=columns`,
          token,
        );
        expect(compact.status).toBe(200);
        expect(compact.body).not.toHaveProperty('entries');
        expect(compact.body.timeline.count).toBe(full.body.entries.length);
        expect(debriefOfCompact(compact.body)).toEqual(full.body);
      }
      const bad = await call(
        'GET',
        `${debriefPath(session.sessionId)}?timeline=rows`,
        session.tokens.trainer,
      );
      expect(bad).toMatchObject({ status: 400, body: { code: 'input/invalid' } });
    });

    it('follows a timeline that grows: each new entry is in the next answer', async () => {
      const trainer = await RoleClient.connect(server.url, {
        sessionId: live.sessionId,
        token: live.tokens.trainer,
      });
      try {
        const seqs = async () =>
          (await call<Debrief>('GET', debriefPath(live.sessionId), live.tokens.trainer)).body.entries.map(
            (e) => e.seq,
          );
        expect((await trainer.send({ kind: 'join', name: 'Dominique' })).ok).toBe(true);
        const before = await seqs();
        expect(await seqs()).toEqual(before);
        expect((await trainer.send({ kind: 'bookmark', comment: 'Plus tard' })).ok).toBe(true);
        const after = await call<Debrief>('GET', debriefPath(live.sessionId), live.tokens.trainer);
        expect(after.body.entries.length).toBeGreaterThan(before.length);
        expect(after.body.entries.map((e) => e.seq).slice(0, before.length)).toEqual(before);
        expect(after.body.marks?.map((m) => m.comment)).toEqual(['Plus tard']);
        expect(after.body.entries.some((e) => e.kind === 'input' && e.input.kind === 'bookmark')).toBe(true);
      } finally {
        trainer.close();
      }
    });

    it('is compressed for a client that accepts it', async () => {
      for (const encoding of ['br', 'gzip']) {
        const response = await fetch(`${server.url}${debriefPath(session.sessionId)}`, {
          headers: { authorization: `Bearer ${session.tokens.trainer}`, 'accept-encoding': encoding },
        });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-encoding')).toBe(encoding);
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
        expect(((await response.json()) as Debrief).session.id).toBe(session.sessionId);
      }
      // Without compression: the same answer as plain JSON.
      const plain = await fetch(`${server.url}${debriefPath(session.sessionId)}`, {
        headers: { authorization: `Bearer ${session.tokens.trainer}`, 'accept-encoding': 'identity' },
      });
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(((await plain.json()) as Debrief).session.id).toBe(session.sessionId);
    });

    it('keeps the scores computed when the call ended, and serves them from the table', async () => {
      const kept = resultsRow();
      const lastSeq = (
        await call<Debrief>('GET', debriefPath(session.sessionId), session.tokens.trainer)
      ).body.entries.at(-1)?.seq;
      expect(kept).toMatchObject({
        last_seq: lastSeq,
        rubric_key: expect.stringMatching(/^appel-entrainement@/),
      });
      // A kept result is what the debrief shows: it is not scored again.
      const rubric = JSON.parse(kept!.rubric) as { criterion: string; label: string }[];
      const marked = rubric.map((c) => (c.criterion === 'solution' ? { ...c, label: 'gardé' } : c));
      writeResults(
        'UPDATE debrief_results SET rubric = ? WHERE session_id = ?',
        JSON.stringify(marked),
        session.sessionId,
      );
      const served = await call<Debrief>('GET', debriefPath(session.sessionId), session.tokens.trainer);
      expect(served.body.rubric.find((c) => c.criterion === 'solution')?.label).toBe('gardé');
    });

    it('scores again when the timeline grew or the rubric changed since', async () => {
      const kept = resultsRow()!;
      // As if computed before the last entry: scored again, and kept anew.
      writeResults(
        'UPDATE debrief_results SET last_seq = last_seq - 1 WHERE session_id = ?',
        session.sessionId,
      );
      const again = await call<Debrief>('GET', debriefPath(session.sessionId), session.tokens.trainer);
      expect(again.body.rubric.find((c) => c.criterion === 'solution')?.label).not.toBe('gardé');
      expect(resultsRow()).toMatchObject({ last_seq: kept.last_seq, rubric_key: kept.rubric_key });
      // As if computed with another rubric: scored again.
      const marked = (JSON.parse(resultsRow()!.rubric) as { criterion: string; label: string }[]).map((c) =>
        c.criterion === 'solution' ? { ...c, label: 'gardé' } : c,
      );
      writeResults(
        "UPDATE debrief_results SET rubric = ?, rubric_key = 'appel-entrainement@0:autre' WHERE session_id = ?",
        JSON.stringify(marked),
        session.sessionId,
      );
      const rescored = await call<Debrief>('GET', debriefPath(session.sessionId), session.tokens.trainer);
      expect(rescored.body.rubric.find((c) => c.criterion === 'solution')).toMatchObject({ met: true });
      expect(rescored.body.rubric.find((c) => c.criterion === 'solution')?.label).not.toBe('gardé');
      expect(resultsRow()?.rubric_key).toBe(kept.rubric_key);
    });
  });

  describe('annotations', () => {
    const path = () => `${debriefPath(session.sessionId)}/annotations`;

    it('adds one at any moment; bad input is refused and records nothing', async () => {
      const before = rows('debrief_annotations', session.sessionId);
      for (const body of [
        {},
        { t: -1, comment: 'x' },
        { t: 1000, comment: '' },
        { t: 1000, comment: 'x', extra: 1 },
      ]) {
        const answer = await call('POST', path(), session.tokens.trainer, body);
        expect(answer).toMatchObject({ status: 400, body: { code: 'input/invalid' } });
      }
      // Not JSON at all: refused by the body parser before any route.
      expect(await call('POST', path(), session.tokens.trainer, '{oops')).toMatchObject({ status: 400 });
      expect(
        await call('POST', path(), session.tokens.trainer, { t: 10_000_000, comment: 'après' }),
      ).toMatchObject({
        status: 400,
        body: { code: 'input/invalid' },
      });
      expect(await call('POST', path(), session.tokens.listener, { t: 1000, comment: 'moi' })).toMatchObject({
        status: 403,
        body: { code: 'auth/forbidden_role' },
      });
      expect(rows('debrief_annotations', session.sessionId)).toBe(before);

      const added = await call<DebriefMark>('POST', path(), session.tokens.trainer, {
        t: 9_000,
        comment: 'Silence ici',
      });
      expect(added).toMatchObject({
        status: 201,
        body: { kind: 'annotation', t: 9_000, comment: 'Silence ici' },
      });
      const edited = await call<DebriefMark>('PUT', `${path()}/${added.body.id}`, session.tokens.trainer, {
        comment: 'Long silence ici',
      });
      expect(edited).toMatchObject({ status: 200, body: { id: added.body.id, comment: 'Long silence ici' } });
    });

    it("edits a bookmark's comment and keeps the original", async () => {
      const { body } = await call<Debrief>('GET', debriefPath(session.sessionId), session.tokens.trainer);
      const bookmark = body.marks?.find((m) => m.kind === 'bookmark');
      expect(bookmark).toBeDefined();
      const edited = await call<DebriefMark>('PUT', `${path()}/${bookmark?.id}`, session.tokens.trainer, {
        comment: 'Présentation claire et chaleureuse',
      });
      expect(edited.body).toMatchObject({
        comment: 'Présentation claire et chaleureuse',
        original: 'Bonne présentation',
      });
      // The timeline keeps what was written during the call.
      const after = await call<Debrief>('GET', debriefPath(session.sessionId), session.tokens.trainer);
      const entry = after.body.entries.find((e) => e.seq === bookmark?.seq);
      expect(entry).toMatchObject({
        kind: 'input',
        input: { kind: 'bookmark', comment: 'Bonne présentation' },
      });
      expect(after.body.marks?.map((m) => m.comment)).toEqual([
        'Long silence ici',
        'Présentation claire et chaleureuse',
      ]);
    });

    it('refuses unknown marks and a bookmark deletion; deletes an annotation', async () => {
      expect(
        await call('PUT', `${path()}/bookmark-1`, session.tokens.trainer, { comment: 'x' }),
      ).toMatchObject({
        status: 404,
        body: { code: 'debrief/not_found' },
      });
      expect(
        await call('PUT', `${path()}/a-0123456789abcdef0123`, session.tokens.trainer, { comment: 'x' }),
      ).toMatchObject({
        status: 404,
        body: { code: 'debrief/not_found' },
      });
      expect(await call('PUT', `${path()}/..%2Fetc`, session.tokens.trainer, { comment: 'x' })).toMatchObject(
        {
          status: 400,
        },
      );
      const { body } = await call<Debrief>('GET', debriefPath(session.sessionId), session.tokens.trainer);
      const bookmark = body.marks?.find((m) => m.kind === 'bookmark');
      const annotation = body.marks?.find((m) => m.kind === 'annotation');
      expect(await call('DELETE', `${path()}/${bookmark?.id}`, session.tokens.trainer)).toMatchObject({
        status: 400,
      });
      const added = await call<DebriefMark>('POST', path(), session.tokens.trainer, {
        t: 1_000,
        comment: 'à effacer',
      });
      expect(await call('DELETE', `${path()}/${added.body.id}`, session.tokens.trainer)).toMatchObject({
        status: 200,
        body: { ok: true },
      });
      expect(await call('DELETE', `${path()}/${added.body.id}`, session.tokens.trainer)).toMatchObject({
        status: 404,
      });
      const after = await call<Debrief>('GET', debriefPath(session.sessionId), session.tokens.trainer);
      expect(after.body.marks?.map((m) => m.id)).toEqual([annotation?.id, bookmark?.id]);
    });
  });

  describe('judgments and the self-assessment', () => {
    const judge = (criterion: string) => `${debriefPath(session.sessionId)}/judgments/${criterion}`;
    const assess = () => `${debriefPath(session.sessionId)}/self-assessment`;

    it("records the trainer's judgment of a judged criterion only", async () => {
      for (const body of [{ rating: 'bof', comment: '' }, { rating: 'met' }]) {
        expect(await call('PUT', judge('ton_pose'), session.tokens.trainer, body)).toMatchObject({
          status: 400,
          body: { code: 'input/invalid' },
        });
      }
      expect(rows('debrief_judgments', session.sessionId)).toBe(0);
      expect(
        await call('PUT', judge('se_presente'), session.tokens.trainer, { rating: 'met', comment: '' }),
      ).toMatchObject({
        status: 404,
        body: { code: 'debrief/not_found' },
      });
      expect(
        await call('PUT', judge('ton_pose'), session.tokens.listener, { rating: 'met', comment: '' }),
      ).toMatchObject({
        status: 403,
      });
      const first = await call('PUT', judge('ton_pose'), session.tokens.trainer, {
        rating: 'partly',
        comment: 'Un peu rapide',
      });
      expect(first).toMatchObject({
        status: 200,
        body: { criterion: 'ton_pose', rating: 'partly', comment: 'Un peu rapide' },
      });
      await call('PUT', judge('ton_pose'), session.tokens.trainer, { rating: 'met', comment: 'Posé' });
      await call('PUT', judge('role_clair'), session.tokens.trainer, { rating: 'not', comment: '' });
      const { body } = await call<Debrief>('GET', debriefPath(session.sessionId), session.tokens.trainer);
      expect(body.judgments?.map((j) => [j.criterion, j.rating, j.comment])).toEqual([
        ['role_clair', 'not', ''],
        ['ton_pose', 'met', 'Posé'],
      ]);
    });

    it("hides the trainer's judgments and marks from the learner until they self-assess", async () => {
      const { status, body } = await call<Debrief>(
        'GET',
        debriefPath(session.sessionId),
        session.tokens.listener,
      );
      expect(status).toBe(200);
      expect(body.viewer).toBe('listener');
      expect(body.judgments).toBeNull();
      expect(body.marks).toBeNull();
      expect(body.entries.some((e) => e.kind === 'input' && e.input.kind === 'bookmark')).toBe(false);
      // After the call the learner sees the hidden variables, and all their notes.
      expect(body.entries.some((e) => e.kind === 'observation' && e.observation.kind === 'variable')).toBe(
        true,
      );
      expect(body.notes.map((n) => n.text)).toEqual(['note privée', 'note partagée']);
      expect(body.rubric.find((c) => c.criterion === 'se_presente')?.met).toBe(true);
    });

    it('takes the self-assessment once, from the learner only, well formed', async () => {
      const good = {
        ratings: [
          { criterion: 'ton_pose', rating: 'partly', comment: 'Trop rapide au début' },
          { criterion: 'se_presente', rating: 'met', comment: '' },
        ],
        comment: 'Je dois ralentir.',
      };
      expect(await call('POST', assess(), session.tokens.trainer, good)).toMatchObject({ status: 403 });
      for (const body of [
        { ratings: [], comment: '' },
        { ratings: [{ criterion: 'ton_pose', rating: 'top', comment: '' }], comment: '' },
        { ratings: [good.ratings[0], good.ratings[0]], comment: '' },
        { ratings: good.ratings },
      ]) {
        expect(await call('POST', assess(), session.tokens.listener, body)).toMatchObject({
          status: 400,
          body: { code: 'input/invalid' },
        });
      }
      expect(
        await call('POST', assess(), session.tokens.listener, {
          ratings: [{ criterion: 'inconnu', rating: 'met', comment: '' }],
          comment: '',
        }),
      ).toMatchObject({ status: 404, body: { code: 'debrief/not_found' } });
      expect(rows('debrief_self_assessments', session.sessionId)).toBe(0);

      const submitted = await call<SelfAssessment>('POST', assess(), session.tokens.listener, good);
      expect(submitted).toMatchObject({
        status: 201,
        body: { comment: 'Je dois ralentir.', ratings: good.ratings },
      });
      expect(await call('POST', assess(), session.tokens.listener, good)).toMatchObject({
        status: 409,
        body: { code: 'debrief/already_submitted' },
      });
      // A live call takes none.
      expect(
        await call('POST', `${debriefPath(live.sessionId)}/self-assessment`, live.tokens.listener, good),
      ).toMatchObject({
        status: 409,
        body: { code: 'debrief/call_live' },
      });
    });

    it("shows the learner the trainer's judgments and marks once self-assessed", async () => {
      const { body } = await call<Debrief>('GET', debriefPath(session.sessionId), session.tokens.listener);
      expect(body.selfAssessment?.comment).toBe('Je dois ralentir.');
      expect(body.judgments?.map((j) => j.criterion)).toEqual(['role_clair', 'ton_pose']);
      expect(body.marks?.length).toBe(2);
      expect(body.entries.some((e) => e.kind === 'input' && e.input.kind === 'bookmark')).toBe(true);
      const trainer = await call<Debrief>('GET', debriefPath(session.sessionId), session.tokens.trainer);
      expect(trainer.body.selfAssessment?.ratings).toHaveLength(2);
    });
  });

  describe("the sessions list (the organisation's, for its signed-in trainer)", () => {
    let trainer: Account;
    beforeAll(async () => {
      trainer = await trainerOf(server);
    });
    const admin = () => trainer;

    it('refuses without an account; a role link is not one', async () => {
      expect(await call('GET', '/api/sessions', null)).toMatchObject({
        status: 401,
        body: { code: 'auth/sign_in_required' },
      });
      expect(await call('GET', '/api/sessions', session.tokens.trainer)).toMatchObject({ status: 401 });
      expect(await call('DELETE', `/api/sessions/${live.sessionId}`, session.tokens.trainer)).toMatchObject({
        status: 401,
      });
      // Its own link does not delete its session either: deleting takes the trainer's account.
      expect(await call('DELETE', `/api/sessions/${live.sessionId}`, live.tokens.trainer)).toMatchObject({
        status: 403,
        body: { code: 'auth/forbidden_role' },
      });
    });

    it('lists and filters by scenario, learner, date and outcome', async () => {
      const list = async (query: string) => {
        const answer = await call<SessionListItem[]>('GET', `/api/sessions${query}`, admin());
        expect(answer.status).toBe(200);
        return answer.body.map((s) => s.id).sort();
      };
      const both = [session.sessionId, live.sessionId].sort();
      expect(await list('')).toEqual(both);
      expect(await list(`?scenario=${SCENARIO}`)).toEqual(both);
      expect(await list('?scenario=detresse-suicidaire')).toEqual([]);
      expect(await list('?learner=camil')).toEqual([session.sessionId]);
      expect(await list('?outcome=best')).toEqual([session.sessionId]);
      expect(await list('?outcome=none')).toEqual([live.sessionId]);
      const today = new Date().toISOString().slice(0, 10);
      expect(await list(`?from=${today}&to=${today}`)).toEqual(both);
      expect(await list('?to=2000-01-01')).toEqual([]);
      const { body } = await call<SessionListItem[]>('GET', '/api/sessions?outcome=best', admin());
      expect(body[0]).toMatchObject({
        scenarioTitle: "Appel d'entraînement",
        learner: 'Camille',
        status: 'ended',
      });
      // Malformed days in either filter (issue 11, item 8: `to` answered 500 before).
      for (const query of [
        '?outcome=great',
        '?from=yesterday',
        '?extra=1',
        '?from=2024-13-45',
        '?to=2024-13-45',
        '?to=2024-02-31',
        '?from=2024-02-30',
      ]) {
        expect(await call('GET', `/api/sessions${query}`, admin())).toMatchObject({
          status: 400,
          body: { code: 'input/invalid' },
        });
      }
    });

    it("opens its sessions' debriefs as the trainer", async () => {
      const answer = await call<Debrief>('GET', debriefPath(session.sessionId), admin());
      expect(answer.body.viewer).toBe('trainer');
      expect(
        await call('POST', `${debriefPath(session.sessionId)}/self-assessment`, admin(), {}),
      ).toMatchObject({
        status: 403,
      });
    });

    it('deletes a session and every row of it', async () => {
      expect(rows('debrief_annotations', session.sessionId)).toBeGreaterThan(0);
      expect(await call('DELETE', `/api/sessions/${session.sessionId}`, admin())).toMatchObject({
        status: 200,
        body: { ok: true },
      });
      for (const table of [
        'timeline',
        'debrief_annotations',
        'debrief_judgments',
        'debrief_self_assessments',
      ])
        expect(rows(table, session.sessionId)).toBe(0);
      // Its links open nothing any more.
      expect(await call('GET', debriefPath(session.sessionId), session.tokens.trainer)).toMatchObject({
        status: 401,
        body: { code: 'auth/invalid_token' },
      });
      expect(await call('DELETE', `/api/sessions/${session.sessionId}`, admin())).toMatchObject({
        status: 404,
        body: { code: 'session/not_found' },
      });
    });
  });
});
