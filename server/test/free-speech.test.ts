// Free speech through the server: the real app on port 0, a real SQLite file, real socket.io
// clients. A listener's sentences are interpreted and recorded as inputs; a sentence not
// understood gets « Pardon ? » or waits for the trainer's pick (timeout on the session clock);
// the trainer corrects a reading; replaying the recorded inputs gives the recorded observations.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ManualScheduler, PARDON_TEXTS, compileScenario, parseScenario, replay } from '@ecoute/engine';
import type { Input, Observation } from '@ecoute/engine';
import { debriefOfCompact, debriefTimeline, type DebriefCompact } from '@ecoute/protocol';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/** The moves the trainer's view offers now. */
const offeredNow = (client: RoleClient): string[] =>
  client.view?.role === 'trainer' ? client.view.moves.map((m) => m.id) : [];
/** The last durable seq, as a sync answers it. */
async function lastSeq(client: RoleClient): Promise<number> {
  const sync = await client.sync(0);
  if (!sync.ok) throw new Error(sync.code);
  return sync.snapshot.seq;
}
const corrections = (client: RoleClient): Extract<Input, { kind: 'correct' }>[] =>
  client.entries.flatMap((e) => (e.kind === 'input' && e.input.kind === 'correct' ? [e.input] : []));
const UNREAD = 'Les girafes mangent des acacias.';
const INTRODUCTION = "Bonjour monsieur, je m'appelle Louise, de la ligne d'aide aux démarches en ligne.";

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
      input: { n: 1, move: 'question_ouverte', applied: true, acted: true },
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

  it('records the moves offered with each sentence; a correction naming another is refused, nothing recorded', async () => {
    const { listener, trainer } = await join();
    await listener.send({ kind: 'pickup' });
    scheduler.advanceBy(1_000);
    await listener.send({ kind: 'say', text: UNREAD });
    await trainer.waitFor((c) => interpretations(c).length === 1, 'the first reading');
    // Recorded with the reading: the moves the trainer's view offered then.
    const then = interpretations(trainer)[0]!.offered ?? [];
    expect(then).toEqual(offeredNow(trainer));
    expect(then.length).toBeGreaterThan(0);
    // They are the trainer's: the listener (no move list in free speech) reads the reading without
    // them, live and after a sync.
    await listener.waitFor((c) => interpretations(c).length === 1, 'the listener reading');
    expect(interpretations(listener)[0]).not.toHaveProperty('offered');
    const synced = await listener.sync(0);
    if (!synced.ok) throw new Error(synced.code);
    const readings = synced.snapshot.entries.flatMap((e) =>
      e.kind === 'input' && e.input.kind === 'interpret' ? [e.input] : [],
    );
    expect(readings).toHaveLength(1);
    expect(readings[0]).not.toHaveProperty('offered');
    await listener.send({ kind: 'say', text: INTRODUCTION });
    await trainer.waitFor((c) => interpretations(c).length === 2, 'the second reading');
    expect(interpretations(trainer)[1]).toMatchObject({ move: 'se_presenter', understood: true });
    await trainer.waitFor((c) => !offeredNow(c).includes('se_presenter'), 'the call moving on');
    const now = offeredNow(trainer);
    const offeredOnlyNow = now.find((move) => !then.includes(move));
    const offeredOnlyThen = then.find((move) => !now.includes(move));
    expect([offeredOnlyNow, offeredOnlyThen]).toEqual([expect.any(String), expect.any(String)]);

    // The first sentence was said before that move was offered: refused, nothing recorded.
    const before = await lastSeq(trainer);
    expect(
      await trainer.send({ kind: 'correct', n: 0, move: offeredOnlyNow!, applied: false }),
    ).toMatchObject({ ok: false, code: 'input/not_offered_then' });
    expect(await lastSeq(trainer)).toBe(before);
    // A move offered then, and no longer: recorded, noted (not applied now).
    expect(
      await trainer.send({ kind: 'correct', n: 0, move: offeredOnlyThen!, applied: true }),
    ).toMatchObject({ ok: true, seq: before + 1 });
    await trainer.waitFor((c) => corrections(c).length === 1, 'the correction');
    expect(corrections(trainer)).toEqual([{ kind: 'correct', n: 0, move: offeredOnlyThen, applied: false }]);
    listener.close();
    trainer.close();
  });

  it('puts the call on hold, and back, as the phone does, for a sentence read as the hold move or the resume', async () => {
    // Mutuelle v7 writes no hold music of its own: the phone's hold plays it (scenarios/CONTEXT.md).
    const { session, listener, trainer } = await join();
    const music = (client: RoleClient) =>
      client.entries.filter(
        (e) => e.kind === 'observation' && e.observation.kind === 'cue' && e.observation.cue === 'hold_music',
      );
    const onHold = (client: RoleClient) =>
      client.view !== undefined && 'onHold' in client.view && client.view.onHold;
    const statesNow = (client: RoleClient) => (client.view?.role === 'trainer' ? client.view.states : []);
    await listener.send({ kind: 'pickup' });
    scheduler.advanceBy(1_000);
    await listener.send({ kind: 'say', text: INTRODUCTION });
    await trainer.waitFor((c) => offeredNow(c).includes('mettre_en_attente'), 'the hold offered');

    scheduler.advanceBy(1_000);
    expect(await listener.send({ kind: 'say', text: 'Je vous mets en attente un instant.' })).toMatchObject({
      ok: true,
    });
    await listener.waitFor((c) => onHold(c), 'the call on hold, for the listener');
    await trainer.waitFor((c) => onHold(c) && statesNow(c).includes('echange.attente'), 'the caller on hold');
    // Recorded as the listener's sentence, read as the phone's hold.
    expect(interpretations(listener)[1]).toMatchObject({
      n: 1,
      text: 'Je vous mets en attente un instant.',
      move: 'mettre_en_attente',
      understood: true,
      phone: 'hold',
    });
    expect(music(listener)).toHaveLength(1);
    // On hold, the phone's « Reprendre » is what a second hold is not.
    expect(await listener.send({ kind: 'hold' })).toMatchObject({ ok: false, code: 'input/not_available' });

    scheduler.advanceBy(5_000);
    expect(await listener.send({ kind: 'say', text: "Me revoilà, merci d'avoir patienté." })).toMatchObject({
      ok: true,
    });
    await listener.waitFor((c) => !onHold(c) && interpretations(c).length === 3, 'the call back from hold');
    expect(interpretations(listener)[2]).toMatchObject({ move: 'reprendre_appel', phone: 'unhold' });
    await trainer.waitFor((c) => statesNow(c).includes('echange.dialogue.reprise'), 'the caller back');
    expect(
      listener.entries.some(
        (e) =>
          e.kind === 'observation' &&
          e.observation.kind === 'line' &&
          e.observation.line === 'attente_retour',
      ),
    ).toBe(true);
    expect(music(listener)).toHaveLength(1);

    // Again by a sentence, back by the phone's button: the same hold.
    scheduler.advanceBy(1_000);
    await listener.send({ kind: 'say', text: 'Ne quittez pas, je reviens.' });
    await listener.waitFor((c) => onHold(c), 'the second hold');
    expect(music(listener)).toHaveLength(2);
    scheduler.advanceBy(1_000);
    expect(await listener.send({ kind: 'unhold' })).toMatchObject({ ok: true });
    await listener.waitFor((c) => !onHold(c), 'the resume by the button');
    await trainer.send({ kind: 'end' });
    await trainer.waitFor((c) => c.view?.phase === 'ended', 'the end');
    listener.close();
    trainer.close();

    // Replay applies the recorded readings, the phone's hold with them: the same observations.
    const db = new Database(server.config.databaseFile, { readonly: true });
    const rows = db
      .prepare('SELECT t, category, payload FROM timeline WHERE session_id = ? ORDER BY seq')
      .all(session.sessionId) as { t: number; category: string; payload: string }[];
    db.close();
    const parsed = parseScenario(
      readFileSync(path.join(server.config.scenariosDir, `${SCENARIO}.yaml`), 'utf8'),
    );
    if (!parsed.ok) throw new Error('scenario does not parse');
    expect(
      replay(
        compileScenario(parsed.scenario),
        42,
        rows
          .filter((r) => r.category === 'input')
          .map((r) => ({ t: r.t, input: JSON.parse(r.payload) as Input })),
      ),
    ).toEqual(
      rows
        .filter((r) => r.category === 'observation')
        .map((r) => ({ t: r.t, observation: JSON.parse(r.payload) as Observation })),
    );

    // The debrief's columns say which sentences held and resumed the call (its « en attente »
    // reads them, as the measures do), the same as written from the entries themselves.
    const response = await fetch(`${server.url}/api/sessions/${session.sessionId}/debrief?timeline=columns`, {
      headers: { authorization: `Bearer ${session.tokens.trainer}` },
    });
    expect(response.status).toBe(200);
    const compact = (await response.json()) as DebriefCompact;
    const { hold } = compact.timeline;
    const entries = debriefOfCompact(compact).entries;
    expect(Object.values(hold)).toEqual(['hold', 'unhold', 'hold']);
    for (const index of Object.keys(hold))
      expect(entries[Number(index)]).toMatchObject({ kind: 'input', input: { kind: 'interpret' } });
    expect(hold).toEqual(debriefTimeline(entries).hold);
  });

  it("reads a hold, and a resume, said where the state offers neither as the phone's", async () => {
    // Mutuelle before the introduction offers no hold: the phone's button holds all the same, and
    // so does the sentence (read against the phone's move too), not words for the caller.
    const { listener, trainer } = await join();
    const onHold = (client: RoleClient) =>
      client.view !== undefined && 'onHold' in client.view && client.view.onHold;
    await listener.send({ kind: 'pickup' });
    await trainer.waitFor((c) => offeredNow(c).length > 0, 'the moves offered');
    expect(offeredNow(trainer)).not.toContain('mettre_en_attente');
    scheduler.advanceBy(1_000);
    expect(await listener.send({ kind: 'say', text: 'Je vous mets en attente un instant.' })).toMatchObject({
      ok: true,
    });
    await listener.waitFor((c) => onHold(c), 'the call on hold');
    await trainer.waitFor((c) => interpretations(c).length === 1, 'the reading, for the trainer');
    const [held] = interpretations(trainer);
    expect(held).toMatchObject({ move: 'mettre_en_attente', understood: true, phone: 'hold' });
    // Recorded with the moves the state offered: the phone's was read besides them.
    expect(held?.offered).not.toContain('mettre_en_attente');
    expect(offeredNow(trainer)).not.toContain('reprendre_appel');
    scheduler.advanceBy(5_000);
    await listener.send({ kind: 'say', text: "Me revoilà, merci d'avoir patienté." });
    await listener.waitFor((c) => !onHold(c) && interpretations(c).length === 2, 'the call back');
    expect(interpretations(listener)[1]).toMatchObject({ move: 'reprendre_appel', phone: 'unhold' });
    expect(pardons(listener)).toEqual([]);
    expect(
      listener.entries.filter(
        (e) => e.kind === 'observation' && e.observation.kind === 'cue' && e.observation.cue === 'hold_music',
      ),
    ).toHaveLength(1);
    await trainer.send({ kind: 'end' });
    await trainer.waitFor((c) => c.view?.phase === 'ended', 'the end');
    listener.close();
    trainer.close();
  });

  it('puts the call on hold as the phone does when the trainer corrects a sentence to the hold move', async () => {
    const { listener, trainer } = await join({ askTrainer: true });
    const music = (client: RoleClient) =>
      client.entries.filter(
        (e) => e.kind === 'observation' && e.observation.kind === 'cue' && e.observation.cue === 'hold_music',
      );
    const onHold = (client: RoleClient) =>
      client.view !== undefined && 'onHold' in client.view && client.view.onHold;
    await listener.send({ kind: 'pickup' });
    scheduler.advanceBy(1_000);
    await listener.send({ kind: 'say', text: INTRODUCTION });
    await trainer.waitFor((c) => offeredNow(c).includes('mettre_en_attente'), 'the hold offered');
    // `phone` and `acted` are the server's to set: a client's are not recorded.
    expect(
      await trainer.send({
        kind: 'correct',
        n: 0,
        move: 'se_presenter',
        applied: true,
        phone: 'hold',
        acted: true,
      }),
    ).toMatchObject({ ok: true });
    await trainer.waitFor((c) => corrections(c).length === 1, 'the first correction');
    expect(corrections(trainer)[0]).toEqual({ kind: 'correct', n: 0, move: 'se_presenter', applied: false });

    scheduler.advanceBy(1_000);
    await listener.send({ kind: 'say', text: UNREAD });
    await trainer.waitFor(
      (c) => c.view?.role === 'trainer' && c.view.speech.pending?.n === 1,
      'the pick asked of the trainer',
    );
    expect(
      await trainer.send({ kind: 'correct', n: 1, move: 'mettre_en_attente', applied: false }),
    ).toMatchObject({ ok: true });
    await listener.waitFor((c) => onHold(c), 'the call on hold');
    await trainer.waitFor((c) => corrections(c).length === 2, 'the pick');
    expect(corrections(trainer)[1]).toEqual({
      kind: 'correct',
      n: 1,
      move: 'mettre_en_attente',
      applied: true,
      phone: 'hold',
    });
    expect(music(listener)).toHaveLength(1);
    // The pick's timeout was dropped: no « Pardon ? » later.
    scheduler.advanceBy(20_000);
    expect(await listener.send({ kind: 'unhold' })).toMatchObject({ ok: true });
    await listener.waitFor((c) => !onHold(c), 'the resume');
    expect(pardons(listener)).toEqual([]);
    listener.close();
    trainer.close();
  });

  it('hears the listener who keeps speaking: no « Vous êtes toujours là ? » while the sentences come', async () => {
    const { listener, trainer } = await join();
    // The caller's « Vous êtes toujours là ? » (« Il explique sa situation », 20 s of silence).
    const stillThere = (client: RoleClient): number[] =>
      client.entries.flatMap((e) =>
        e.kind === 'observation' && e.observation.kind === 'line' && e.observation.line === 'toujours_la'
          ? [e.t]
          : [],
      );
    await listener.send({ kind: 'pickup' });
    scheduler.advanceBy(1_000);
    await listener.send({ kind: 'say', text: INTRODUCTION });
    // A sentence every 10 s for a minute, understood or not.
    const sentences = [
      UNREAD,
      'Racontez-moi ce qui se passe.',
      UNREAD,
      UNREAD,
      'Racontez-moi ce qui se passe.',
      UNREAD,
    ];
    for (const text of sentences) {
      scheduler.advanceBy(10_000);
      expect(await listener.send({ kind: 'say', text })).toMatchObject({ ok: true });
    }
    await trainer.waitFor((c) => interpretations(c).length === 7, 'every reading');
    const said = trainer.entries.filter((e) => e.kind === 'input' && e.input.kind === 'interpret');
    expect(said.map((e) => e.t)).toEqual([1, 11, 21, 31, 41, 51, 61].map((s) => s * 1_000));
    // Twenty seconds after the last sentence, and not before, the caller asks.
    scheduler.advanceBy(20_000);
    await listener.waitFor((c) => stillThere(c).length > 0, 'the caller asking after the silence');
    expect(stillThere(listener)).toEqual([81_000]);
    expect(interpretations(trainer).map((i) => [i.understood, i.acted])).toEqual([
      [true, true],
      [false, true],
      [true, true],
      [false, true],
      [false, true],
      [true, true],
      [false, true],
    ]);
    expect(interpretations(trainer)[2]).toMatchObject({ move: 'question_ouverte' });
    expect(pardons(listener)).toHaveLength(4);
    listener.close();
    trainer.close();
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

  it("answers a sentence waiting for the trainer's pick before asking whether anyone is there", async () => {
    // Mutuelle's « En ligne », before the introduction: « Allô ? Il y a quelqu'un ? » (line
    // `allo_silence`) after 15 s without the listener, a sentence restarting the count.
    const { listener, trainer } = await join({ askTrainer: true });
    const linesAt = (client: RoleClient): string[] =>
      client.entries.flatMap((e) =>
        e.kind === 'observation' &&
        e.observation.kind === 'line' &&
        (e.observation.line === 'allo_silence' || e.observation.line === 'pardon')
          ? [`${e.t} ${e.observation.line}`]
          : [],
      );
    await listener.send({ kind: 'pickup' });
    scheduler.advanceBy(1_000);
    await listener.send({ kind: 'say', text: UNREAD });
    await trainer.waitFor(
      (c) => c.view?.role === 'trainer' && c.view.speech.pending !== null,
      'the pick asked of the trainer',
    );
    const [reading] = interpretations(trainer);
    expect(reading).toMatchObject({ understood: false, askMs: 20_000, acted: true, silenceAfterPick: true });
    const said = trainer.entries.find((e) => e.kind === 'input' && e.input.kind === 'interpret')?.t ?? NaN;
    // The pick's wait (20 s) is longer than his silence (15 s): he answers first, « Pardon ? »,
    // and asks 15 s after it — not at 15 s, within the wait, then « Pardon ? » at 20.
    scheduler.advanceBy(20_000);
    await listener.waitFor((c) => pardons(c).length === 1, 'the « Pardon ? » after the timeout');
    expect(linesAt(listener)).toEqual([`${said + 20_000} pardon`]);
    scheduler.advanceBy(15_000);
    await listener.waitFor((c) => linesAt(c).length === 2, 'the caller asking after the silence');
    expect(linesAt(listener)).toEqual([`${said + 20_000} pardon`, `${said + 35_000} allo_silence`]);
    listener.close();
    trainer.close();
  });
  it('sends a sentence not understood to a state that reacts to any words, as a guided one: no « Pardon ? », no pick', async () => {
    // Détresse's « Silence complet »: any word and he starts crying (`renifle`).
    const session = await createSession(server.url, 'detresse-suicidaire', {
      hintMode: 'free_speech',
      askTrainer: true,
    });
    const connect = (token: string) =>
      RoleClient.connect(server.url, { sessionId: session.sessionId, token });
    const listener = await connect(session.tokens.listener);
    const trainer = await connect(session.tokens.trainer);
    await listener.resync();
    await trainer.resync();
    await listener.send({ kind: 'pickup' });
    scheduler.advanceBy(1_000);
    await listener.send({
      kind: 'say',
      text: "Bonjour, ici Julien, du service d'accompagnement aux démarches en ligne.",
    });
    await trainer.waitFor((c) => interpretations(c).length === 1, 'the introduction read');
    expect(interpretations(trainer)[0]).toMatchObject({ move: 'se_presenter', understood: true });
    expect(interpretations(trainer)[0]).not.toHaveProperty('say');
    scheduler.advanceBy(1_000);
    expect(await trainer.send({ kind: 'inject', inject: 'se_tait' })).toMatchObject({ ok: true });
    await trainer.waitFor(
      (c) => c.view?.role === 'trainer' && c.view.states.includes('conversation.en_ligne.mutisme.silence'),
      'his silence',
    );
    scheduler.advanceBy(5_000);
    expect(await listener.send({ kind: 'say', text: UNREAD })).toMatchObject({ ok: true });
    await listener.waitFor(
      (c) =>
        c.entries.some(
          (e) =>
            e.kind === 'observation' && e.observation.kind === 'line' && e.observation.line === 'renifle',
        ),
      'him crying',
    );
    await trainer.waitFor((c) => interpretations(c).length === 2, 'the sentence read');
    const reading = interpretations(trainer)[1]!;
    expect(reading).toMatchObject({ n: 1, understood: false, say: true, acted: true });
    expect(reading).not.toHaveProperty('askMs');
    expect(trainer.view?.role === 'trainer' && trainer.view.speech.pending).toBeNull();
    expect(trainer.view?.role === 'trainer' && trainer.view.states).toContain(
      'conversation.en_ligne.mutisme.pleurs',
    );
    // « Il pleure » takes its course: 45 s later he comes back, the call still on; he never hung
    // up (his minute of silence was over), and no « Pardon ? » was ever said.
    const said = (c: RoleClient) =>
      c.entries.flatMap((e) =>
        e.kind === 'observation' && e.observation.kind === 'line' ? [e.observation.line] : [],
      );
    scheduler.advanceBy(60_000);
    await listener.waitFor((c) => said(c).includes('revient'), 'him coming back');
    expect(said(listener)).not.toContain('raccroche_doucement');
    expect(listener.view?.phase).toBe('connected');
    expect(pardons(listener)).toEqual([]);
    listener.close();
    trainer.close();
  }, 30_000);
});

describe('free speech in a session recorded before the offered moves were recorded', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-free-speech-'));
  const databaseFile = path.join(dir, 'ecoute.sqlite');
  let restarted: TestServer | undefined;
  afterAll(async () => {
    await restarted?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rebuilds it, and holds its corrections to the moves offered when each sentence was said', async () => {
    const scheduler = new ManualScheduler();
    const first = await startServer({ scheduler, databaseFile });
    let session: Awaited<ReturnType<typeof createSession>>;
    let then: string[];
    let now: string[];
    try {
      session = await createSession(first.url, SCENARIO, { hintMode: 'free_speech' });
      const connect = (token: string) =>
        RoleClient.connect(first.url, { sessionId: session.sessionId, token });
      const listener = await connect(session.tokens.listener);
      const trainer = await connect(session.tokens.trainer);
      await trainer.resync();
      await listener.send({ kind: 'pickup' });
      scheduler.advanceBy(1_000);
      await listener.send({ kind: 'say', text: UNREAD });
      await listener.send({ kind: 'say', text: INTRODUCTION });
      await trainer.waitFor((c) => interpretations(c).length === 2, 'both readings');
      await trainer.waitFor((c) => !offeredNow(c).includes('se_presenter'), 'the call moving on');
      then = interpretations(trainer)[0]!.offered ?? [];
      now = offeredNow(trainer);
      listener.close();
      trainer.close();
    } finally {
      await first.close();
    }
    // As a session recorded before `offered` was: its readings without it.
    const db = new Database(databaseFile);
    const stripped = db
      .prepare(
        "UPDATE timeline SET payload = json_remove(payload, '$.offered') WHERE session_id = ? AND kind = 'interpret'",
      )
      .run(session.sessionId);
    db.close();
    expect(stripped.changes).toBe(2);

    restarted = await startServer({ scheduler: new ManualScheduler(1_000_000), databaseFile });
    const trainer = await RoleClient.connect(restarted.url, {
      sessionId: session.sessionId,
      token: session.tokens.trainer,
    });
    try {
      // Rebuilt by replay (paused at its last moment), the readings as they were recorded.
      await trainer.resync();
      expect(trainer.view).toMatchObject({ paused: true });
      expect(interpretations(trainer).map((i) => i.offered)).toEqual([undefined, undefined]);
      expect(await trainer.send({ kind: 'resume' })).toMatchObject({ ok: true });
      const offeredOnlyNow = now.find((move) => !then.includes(move));
      const offeredOnlyThen = then.find((move) => !now.includes(move));
      expect(
        await trainer.send({ kind: 'correct', n: 0, move: offeredOnlyNow!, applied: false }),
      ).toMatchObject({ ok: false, code: 'input/not_offered_then' });
      expect(
        await trainer.send({ kind: 'correct', n: 0, move: offeredOnlyThen!, applied: false }),
      ).toMatchObject({ ok: true });
    } finally {
      trainer.close();
    }
  }, 60_000);
});
