// Free speech through the server: the real app on port 0, a real SQLite file, real socket.io
// clients. A listener's sentences are interpreted and recorded as inputs; a sentence not
// understood gets « Pardon ? » or waits for the trainer's pick (timeout on the session clock);
// the trainer corrects a reading; replaying the recorded inputs gives the recorded observations.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ManualScheduler, PARDON_TEXTS, compileScenario, parseScenario, replay } from '@ecoute/engine';
import type { Input, Observation } from '@ecoute/engine';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RoleClient, createSession, startServer } from './utils.js';
import type { TestServer } from './utils.js';

const SCENARIO = 'renouvellement-mutuelle';
type Interpret = Extract<Input, { kind: 'interpret' }>;

const interpretations = (client: RoleClient): Interpret[] =>
  client.entries.flatMap((e) => (e.kind === 'input' && e.input.kind === 'interpret' ? [e.input] : []));
const pardons = (client: RoleClient): string[] =>
  client.entries.flatMap((e) =>
    e.kind === 'observation' && e.observation.kind === 'line' && e.observation.line === 'pardon'
      ? [e.observation.text]
      : [],
  );

describe('free speech through the server', () => {
  const scheduler = new ManualScheduler();
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ scheduler });
  }, 30_000);
  afterAll(async () => {
    await server.close();
  });

  async function join(options: { askTrainer?: boolean } = {}) {
    const session = await createSession(server.url, SCENARIO, { hintMode: 'free_speech', ...options });
    const connect = (token: string) =>
      RoleClient.connect(server.url, { sessionId: session.sessionId, token });
    const listener = await connect(session.tokens.listener);
    const trainer = await connect(session.tokens.trainer);
    await listener.resync();
    await trainer.resync();
    return { session, listener, trainer };
  }

  it('records interpretations, « Pardon ? » and a trainer correction, and replays them', async () => {
    const { session, listener, trainer } = await join();
    expect(listener.view).toMatchObject({ role: 'listener', mode: 'free_speech' });
    expect(await listener.send({ kind: 'pickup' })).toMatchObject({ ok: true });
    await listener.waitFor((c) => c.view?.phase === 'connected', 'the pickup');
    await trainer.waitFor((c) => c.view?.phase === 'connected', 'the pickup, for the trainer');
    // The listener sees no move list; the trainer sees the moves the state offers.
    expect(listener.view?.role === 'listener' && listener.view.moves).toEqual([]);
    expect(trainer.view?.role === 'trainer' && trainer.view.moves.length).toBeGreaterThan(0);
    // A listener cannot click a move in free speech.
    expect(await listener.send({ kind: 'move', move: 'se_presenter' })).toMatchObject({
      ok: false,
      code: 'input/not_available',
    });

    scheduler.advanceBy(1_000);
    const said = await listener.send({
      kind: 'say',
      text: "Bonjour monsieur, je m'appelle Louise, de la ligne d'aide aux démarches en ligne.",
    });
    expect(said).toMatchObject({ ok: true });
    await trainer.waitFor((c) => interpretations(c).length === 1, 'the first interpretation');
    expect(interpretations(trainer)[0]).toMatchObject({
      n: 0,
      move: 'se_presenter',
      understood: true,
      score: expect.any(Number),
    });

    scheduler.advanceBy(1_000);
    await listener.send({ kind: 'say', text: 'Les girafes mangent des acacias.' });
    await listener.waitFor((c) => pardons(c).length === 1, 'the caller not following');
    expect(PARDON_TEXTS).toContain(pardons(listener)[0]);
    await trainer.waitFor((c) => interpretations(c).length === 2, 'the second interpretation');
    expect(interpretations(trainer)[1]).toMatchObject({ n: 1, understood: false });

    // The trainer corrects the second reading: an offered move, so it applies now.
    scheduler.advanceBy(1_000);
    const corrected = await trainer.send({ kind: 'correct', n: 1, move: 'question_ouverte', applied: false });
    expect(corrected).toMatchObject({ ok: true });
    await trainer.waitFor(
      (c) => c.entries.some((e) => e.kind === 'input' && e.input.kind === 'correct'),
      'the correction',
    );
    const correction = trainer.entries.find((e) => e.kind === 'input' && e.input.kind === 'correct');
    expect(correction).toMatchObject({
      source: 'trainer',
      input: { n: 1, move: 'question_ouverte', applied: true },
    });
    // The listener reads their own sentences, not the trainer's corrections.
    await listener.waitFor((c) => c.entries.length > 0 && (c.view?.t ?? 0) >= 3_000, 'the listener update');
    expect(listener.entries.some((e) => e.kind === 'input' && e.input.kind === 'correct')).toBe(false);
    expect(interpretations(listener)).toHaveLength(2);
    // Nobody may send an interpretation of their own.
    expect(await trainer.send({ ...interpretations(trainer)[0]!, n: 2 })).toMatchObject({
      ok: false,
      code: 'auth/forbidden_role',
    });
    // A correction naming no interpretation is refused with its code.
    expect(await trainer.send({ kind: 'correct', n: 9, move: 'reformuler', applied: true })).toMatchObject({
      ok: false,
      code: 'input/not_available',
    });
    await trainer.send({ kind: 'end' });
    await trainer.waitFor((c) => c.view?.phase === 'ended', 'the end');
    listener.close();
    trainer.close();

    const db = new Database(server.config.databaseFile, { readonly: true });
    const rows = db
      .prepare('SELECT seq, t, category, kind, payload FROM timeline WHERE session_id = ? ORDER BY seq')
      .all(session.sessionId) as {
      seq: number;
      t: number;
      category: string;
      kind: string;
      payload: string;
    }[];
    const settings = db
      .prepare('SELECT hint_mode, ask_trainer FROM sessions WHERE id = ?')
      .get(session.sessionId);
    db.close();
    expect(settings).toEqual({ hint_mode: 'free_speech', ask_trainer: 0 });
    expect(rows.filter((r) => r.category === 'input').map((r) => r.kind)).toEqual([
      'pickup',
      'interpret',
      'interpret',
      'correct',
      'end',
    ]);
    // Replay applies the recorded readings (no matcher): the same observations, entry for entry.
    const parsed = parseScenario(
      readFileSync(path.join(server.config.scenariosDir, `${SCENARIO}.yaml`), 'utf8'),
    );
    if (!parsed.ok) throw new Error('scenario does not parse');
    const replayed = replay(
      compileScenario(parsed.scenario),
      42,
      rows
        .filter((r) => r.category === 'input')
        .map((r) => ({ t: r.t, input: JSON.parse(r.payload) as Input })),
    );
    expect(replayed).toEqual(
      rows
        .filter((r) => r.category === 'observation')
        .map((r) => ({ t: r.t, observation: JSON.parse(r.payload) as Observation })),
    );
  });

  it('asks the trainer to pick a sentence not understood, then says « Pardon ? » after the timeout', async () => {
    const { listener, trainer } = await join({ askTrainer: true });
    await listener.send({ kind: 'pickup' });
    scheduler.advanceBy(1_000);
    await listener.send({ kind: 'say', text: 'Les girafes mangent des acacias.' });
    await trainer.waitFor(
      (c) => c.view?.role === 'trainer' && c.view.speech.pending !== null,
      'the pick asked of the trainer',
    );
    const pending = trainer.view?.role === 'trainer' ? trainer.view.speech.pending : null;
    expect(pending).toMatchObject({ n: 0, text: 'Les girafes mangent des acacias.' });
    expect(pardons(listener)).toEqual([]);
    scheduler.advanceBy(19_999);
    expect(pardons(listener)).toEqual([]);
    scheduler.advanceBy(1);
    await listener.waitFor((c) => pardons(c).length === 1, 'the « Pardon ? » after the timeout');
    await trainer.waitFor(
      (c) => c.view?.role === 'trainer' && c.view.speech.pending === null,
      'no pick left',
    );

    // Another one, picked in time: the move applies, no « Pardon ? ».
    await listener.send({ kind: 'say', text: 'Zxqw blorf.' });
    await trainer.waitFor(
      (c) => c.view?.role === 'trainer' && c.view.speech.pending?.n === 1,
      'the second pick asked',
    );
    const picked = await trainer.send({ kind: 'correct', n: 1, move: 'se_presenter', applied: false });
    expect(picked).toMatchObject({ ok: true });
    await trainer.waitFor(
      (c) => c.view?.role === 'trainer' && c.view.speech.pending === null,
      'the pick taken',
    );
    scheduler.advanceBy(30_000);
    await trainer.waitFor(
      (c) => c.entries.some((e) => e.kind === 'input' && e.input.kind === 'correct' && e.input.applied),
      'the applied pick',
    );
    expect(pardons(listener)).toHaveLength(1);
    listener.close();
    trainer.close();
  }, 30_000);
});
