// Live role-play through the real gateway: staying in the call (a dropped transport recovers,
// a reload syncs back exactly), presence with names and two tabs of one link, and the round
// trips of the live inputs with their role checks.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ManualScheduler, isVisibleTo } from '@ecoute/engine';
import type { Input, Role, TimelineEntry } from '@ecoute/engine';
import type { Participant } from '@ecoute/protocol';
import type { TimelineTable } from '../src/database/schema.js';
import { entryFromRow } from '../src/timeline/rows.js';
import { RoleClient, createSession, linesHeard, startServer } from './utils.js';
import type { TestServer } from './utils.js';

const SCENARIO = 'appel-entrainement';

type Session = Awaited<ReturnType<typeof createSession>>;

const connect = (server: TestServer, session: Session, role: Role, options = {}) =>
  RoleClient.connect(server.url, { sessionId: session.sessionId, token: session.tokens[role] }, options);

/** The session's whole timeline, read back from the SQLite file by another connection. */
function timelineOf(server: TestServer, sessionId: string): TimelineEntry[] {
  const db = new Database(server.config.databaseFile, { readonly: true });
  try {
    const rows = db
      .prepare('SELECT * FROM timeline WHERE session_id = ? ORDER BY seq')
      .all(sessionId) as TimelineTable[];
    return rows.map(entryFromRow);
  } finally {
    db.close();
  }
}

/** Waits until `client` has received every durable entry (the trainer's sync tells how far). */
async function caughtUp(trainer: RoleClient, ...clients: RoleClient[]): Promise<number> {
  const ack = await trainer.sync(0);
  if (!ack.ok) throw new Error(ack.code);
  const seq = ack.snapshot.seq;
  for (const client of clients)
    await client.waitFor((c) => (c.updates.at(-1)?.to ?? 0) >= seq, `updates up to seq ${seq}`);
  return seq;
}

/** Updates chain without a gap: each starts where the previous ended. */
function expectNoGap(client: RoleClient): void {
  const chain = client.updates.map((u) => [u.from, u.to]);
  chain.forEach(([from], i) => {
    if (i > 0) expect({ i, from }).toEqual({ i, from: chain[i - 1]![1] });
  });
}

const participant = (client: RoleClient, role: Role): Participant | undefined =>
  client.presence?.participants.find((p) => p.role === role);

describe('live role-play through the gateway', () => {
  const scheduler = new ManualScheduler();
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ scheduler });
  });
  afterAll(async () => {
    await server.close();
  });

  it('a dropped listener transport recovers its room and what it missed; a reload syncs back exactly', async () => {
    const session = await createSession(server.url, SCENARIO);
    const trainer = await connect(server, session, 'trainer');
    const listener = await connect(server, session, 'listener', {
      reconnection: true,
      reconnectionDelay: 300,
    });
    expect(await listener.send({ kind: 'join', name: 'Camille' })).toMatchObject({ ok: true });
    expect(await listener.send({ kind: 'pickup' })).toMatchObject({ ok: true });
    await caughtUp(trainer, listener);

    // The transport drops (not a manual disconnect). The client comes back only once the test has
    // sent what it must miss (not a race with its reconnection delay on a busy machine).
    listener.socket.io.reconnection(false);
    const dropped = new Promise<string>((resolve) => listener.socket.once('disconnect', resolve));
    listener.socket.io.engine.close();
    expect(await dropped).not.toBe('io client disconnect');
    expect(listener.socket.connected).toBe(false);
    const back = new Promise<void>((resolve) => listener.socket.once('connect', () => resolve()));

    // The call goes on without the listener: a whisper, an ad-lib line, a doorbell, a silence.
    for (const input of [
      { kind: 'whisper', text: 'Elle est inquiète, laissez-la parler.' },
      { kind: 'adlib', text: 'Allô ? Vous êtes toujours là ?' },
      { kind: 'inject', inject: 'sonnette' },
      { kind: 'effect', effect: 'crackle' },
    ] satisfies Input[])
      expect(await trainer.send(input)).toMatchObject({ ok: true });
    scheduler.advanceBy(20_000);
    // What the silence timer caused is published (the trainer has it) before the listener is back.
    await caughtUp(trainer, trainer);

    listener.socket.io.reconnection(true);
    listener.socket.connect();
    await back;
    // A new socket (no connection state recovery): it missed those updates and resyncs by seq,
    // as the page does on every connect.
    expect(listener.socket.recovered).not.toBe(true);
    const missed = listener.updates.length;
    await listener.resync();
    expect(listener.updates[missed]?.entries.length).toBeGreaterThanOrEqual(4);
    const seq = await caughtUp(trainer, listener);
    expectNoGap(listener);
    expect(listener.updates[0]?.from).toBe(0);
    const visible = timelineOf(server, session.sessionId).filter((e) => isVisibleTo('listener', e));
    expect(visible.at(-1)?.seq).toBeLessThanOrEqual(seq);
    expect(listener.entries).toEqual(visible);
    expect(linesHeard(listener)).toEqual(expect.arrayContaining(['adlib', 'sonnette']));
    expect(listener.entries.some((e) => e.kind === 'input' && e.input.kind === 'whisper')).toBe(true);

    // The new socket still acts as the listener, in its session only.
    expect(await listener.send({ kind: 'move', move: 'se_presenter' })).toMatchObject({ ok: true });
    expect(await listener.send({ kind: 'whisper', text: 'non' })).toMatchObject({
      ok: false,
      code: 'auth/forbidden_role',
    });
    await caughtUp(trainer, listener);
    expectNoGap(listener);

    // A page reload: a new socket with the same link, synced from 0, is back exactly.
    const reloaded = await connect(server, session, 'listener');
    const sync = await reloaded.sync(0);
    if (!sync.ok) throw new Error(sync.code);
    expect(sync.snapshot.entries).toEqual(listener.entries);
    expect(sync.snapshot.view).toEqual(listener.view);
    expect(sync.snapshot.graph).toBeNull();
    for (const c of [trainer, listener, reloaded]) c.close();
  }, 20_000);

  it('shows who is in which role, by name, counting two tabs of one link; both tabs converge', async () => {
    const session = await createSession(server.url, SCENARIO);
    expect(session.links.callerActor).toBeUndefined();
    const trainer = await connect(server, session, 'trainer');
    await trainer.waitFor((c) => participant(c, 'trainer')?.connections === 1, 'the trainer counted');
    expect(trainer.presence?.participants.map((p) => p.role)).toEqual(['listener', 'trainer', 'observer']);
    expect(await trainer.send({ kind: 'join', name: 'Dominique' })).toMatchObject({ ok: true });

    const tabA = await connect(server, session, 'listener');
    expect(await tabA.send({ kind: 'join', name: 'Camille' })).toMatchObject({ ok: true });
    await trainer.waitFor(
      (c) => participant(c, 'listener')?.name === 'Camille' && participant(c, 'listener')?.connections === 1,
      'Camille as the listener',
    );
    const tabB = await connect(server, session, 'listener');
    await trainer.waitFor((c) => participant(c, 'listener')?.connections === 2, 'a second listener tab');
    // Every role hears about presence, the listener's tabs included.
    await tabB.waitFor(
      (c) => participant(c, 'trainer')?.name === 'Dominique',
      'the trainer, seen by the listener',
    );
    const observer = await connect(server, session, 'observer');
    expect(await observer.send({ kind: 'join', name: 'Groupe du mardi' })).toMatchObject({ ok: true });
    await trainer.waitFor((c) => participant(c, 'observer')?.name === 'Groupe du mardi', 'the observers');

    // Both tabs send at once: only the tab holding the listener's seat (the first) acts; the
    // other's inputs are refused and leave nothing behind; the runtime serializes the rest.
    expect(await tabA.send({ kind: 'pickup' })).toMatchObject({ ok: true });
    const acks = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 === 0 ? tabA : tabB).send({ kind: 'say', text: `Phrase ${i}` }),
      ),
    );
    const fromA = acks.filter((_, i) => i % 2 === 0);
    const fromB = acks.filter((_, i) => i % 2 === 1);
    expect(fromA.every((a) => a.ok)).toBe(true);
    expect(fromB.map((a) => (a.ok ? 'ok' : a.code))).toEqual(Array(6).fill('seat/not_holder'));
    const seqs = fromA.map((a) => (a.ok ? a.seq : 0));
    expect(new Set(seqs).size).toBe(seqs.length);
    await caughtUp(trainer, tabA, tabB);
    const timeline = timelineOf(server, session.sessionId);
    expect(timeline.map((e) => e.seq)).toEqual(timeline.map((_, i) => i + 1));
    expect(
      timeline
        .filter((e) => e.kind === 'input' && e.input.kind === 'say')
        .map((e) => e.kind === 'input' && e.input.kind === 'say' && e.input.text),
    ).toEqual(['Phrase 0', 'Phrase 2', 'Phrase 4', 'Phrase 6', 'Phrase 8', 'Phrase 10']);
    // Each tab opened after some entries: a sync from 0 puts both at the same place, and what
    // each received live is that timeline's tail.
    const syncA = await tabA.sync(0);
    const syncB = await tabB.sync(0);
    if (!syncA.ok || !syncB.ok) throw new Error('sync refused');
    expect(syncB.snapshot.entries).toEqual(syncA.snapshot.entries);
    for (const tab of [tabA, tabB])
      expect(tab.entries).toEqual(syncA.snapshot.entries.filter((e) => e.seq > tab.updates[0]!.from));
    expectNoGap(tabA);
    expectNoGap(tabB);
    expect(tabB.updates.at(-1)).toEqual(tabA.updates.at(-1));

    tabB.close();
    await trainer.waitFor((c) => participant(c, 'listener')?.connections === 1, 'one tab closed');
    expect(participant(trainer, 'listener')?.name).toBe('Camille');
    for (const c of [trainer, tabA, observer]) c.close();
  }, 20_000);

  it('a session without a caller actor has no such link; one with a caller actor has a fourth', async () => {
    const plain = await createSession(server.url, SCENARIO);
    await expect(
      RoleClient.connect(server.url, { sessionId: plain.sessionId, token: 'x'.repeat(43) }),
    ).rejects.toMatchObject({ message: 'auth/invalid_token' });

    const session = await createSession(server.url, SCENARIO, { callerActor: true });
    expect(session.links.callerActor).toMatch(/^\/appelant\//);
    const actor = await connect(server, session, 'callerActor');
    const listener = await connect(server, session, 'listener');
    const trainer = await connect(server, session, 'trainer');
    const first = await actor.sync(0);
    if (!first.ok) throw new Error(first.code);
    expect(first.snapshot.view.role).toBe('callerActor');
    expect(first.snapshot.graph).toBeNull();
    expect(first.snapshot.labels.injects).toHaveProperty('sonnette');
    await trainer.waitFor((c) => participant(c, 'callerActor')?.connections === 1, 'the caller actor');

    expect(await listener.send({ kind: 'pickup' })).toMatchObject({ ok: true });
    await caughtUp(trainer, actor, listener);
    // Nothing heard: the machine's first line is the actor's suggestion.
    expect(linesHeard(listener)).toEqual([]);
    const view = actor.view;
    if (view?.role !== 'callerActor') throw new Error('no caller actor view');
    expect(view.suggestions.map((s) => s.line)).toEqual(['allo']);
    expect(view.persona.background.length).toBeGreaterThan(0);
    expect(await actor.send({ kind: 'speak', text: 'Allô ? Bonjour…', line: 'allo' })).toMatchObject({
      ok: true,
    });
    expect(await actor.send({ kind: 'inject', inject: 'sonnette' })).toMatchObject({ ok: true });
    expect(await listener.send({ kind: 'speak', text: 'Je joue ?' })).toMatchObject({
      ok: false,
      code: 'auth/forbidden_role',
    });
    expect(await actor.send({ kind: 'move', move: 'se_presenter' })).toMatchObject({
      ok: false,
      code: 'auth/forbidden_role',
    });
    await caughtUp(trainer, actor, listener);
    expect(linesHeard(listener)).toEqual(['allo']);
    expect(
      listener.entries.find((e) => e.kind === 'observation' && e.observation.kind === 'line'),
    ).toMatchObject({
      source: 'caller',
      observation: { text: 'Allô ? Bonjour…' },
    });
    for (const c of [actor, listener, trainer]) c.close();
  }, 20_000);

  it("with a caller actor, the listener's move that ends the call waits for the caller's last line, heard before the ending", async () => {
    const session = await createSession(server.url, SCENARIO, { callerActor: true });
    const actor = await connect(server, session, 'callerActor');
    const listener = await connect(server, session, 'listener');
    const trainer = await connect(server, session, 'trainer');
    expect(await listener.send({ kind: 'pickup' })).toMatchObject({ ok: true });
    // The tutorial's best path; the third « Guider pas à pas » reaches « Connectée », whose entry
    // says « Ça y est, je suis dedans ! … » and ends the call.
    for (const move of [
      'se_presenter',
      'reformuler',
      'guider_pas_a_pas',
      'guider_pas_a_pas',
      'guider_pas_a_pas',
    ])
      expect({ move, ack: await listener.send({ kind: 'move', move }) }).toMatchObject({
        move,
        ack: { ok: true },
      });
    await caughtUp(trainer, actor, listener);
    const closing = actor.view;
    if (closing?.role !== 'callerActor') throw new Error('no caller actor view');
    expect(closing).toMatchObject({ phase: 'connected', closing: true, ending: null });
    expect(closing.suggestions.map((s) => s.line)).toEqual(['connectee']);
    expect(listener.view).toMatchObject({ phase: 'connected', ending: null });
    expect(linesHeard(listener)).toEqual([]);

    const last = closing.suggestions[0]!;
    expect(await actor.send({ kind: 'speak', text: last.text, line: last.line })).toMatchObject({ ok: true });
    await caughtUp(trainer, actor, listener);
    expect(linesHeard(listener)).toEqual(['connectee']);
    expect(listener.view).toMatchObject({ phase: 'ended', ending: { ending: 'connectee', outcome: 'best' } });
    expect(actor.view).toMatchObject({ phase: 'ended', closing: false });
    // Recorded in that order: the line, then the ending, in the speak's step.
    const stored = timelineOf(server, session.sessionId);
    const tail = stored
      .slice(-3)
      .map((e) => (e.kind === 'input' ? `in:${e.input.kind}` : e.observation.kind));
    expect(tail).toEqual(['in:speak', 'line', 'ending']);
    expect(new Set(stored.slice(-3).map((e) => e.t)).size).toBe(1);
    for (const c of [actor, listener, trainer]) c.close();
  }, 20_000);

  describe('round trips of the live inputs, with role checks', () => {
    let session: Session;
    let listener: RoleClient;
    let trainer: RoleClient;
    let observer: RoleClient;
    const kinds = (client: RoleClient) =>
      client.entries.map((e) => (e.kind === 'input' ? `in:${e.input.kind}` : e.observation.kind));

    beforeAll(async () => {
      session = await createSession(server.url, SCENARIO);
      listener = await connect(server, session, 'listener');
      trainer = await connect(server, session, 'trainer');
      observer = await connect(server, session, 'observer');
      expect(await listener.send({ kind: 'pickup' })).toMatchObject({ ok: true });
    });
    afterAll(() => {
      for (const c of [listener, trainer, observer]) c.close();
    });

    it('refuses each live input from a role that may not send it', async () => {
      const forbidden: [RoleClient, Input][] = [
        [trainer, { kind: 'hold' }],
        [trainer, { kind: 'note', text: 'moi', shared: true }],
        [observer, { kind: 'note', text: 'moi', shared: true }],
        [listener, { kind: 'whisper', text: 'x' }],
        [listener, { kind: 'adlib', text: 'x' }],
        [listener, { kind: 'effect', effect: 'caller_hangup' }],
        [listener, { kind: 'bookmark', comment: 'x' }],
        [listener, { kind: 'projector', on: true }],
        [observer, { kind: 'projector', on: true }],
        [trainer, { kind: 'speak', text: 'x' }],
      ];
      const before = await caughtUp(trainer);
      for (const [client, input] of forbidden)
        expect({ input: input.kind, ack: await client.send(input) }).toMatchObject({
          input: input.kind,
          ack: { ok: false, code: 'auth/forbidden_role' },
        });
      expect(await caughtUp(trainer)).toBe(before);
    });

    it('hold and resume: hold music, onHold in the views; a second hold is refused', async () => {
      expect(await listener.send({ kind: 'hold' })).toMatchObject({ ok: true });
      await caughtUp(trainer, listener, observer);
      expect(listener.view).toMatchObject({ onHold: true });
      expect(trainer.view).toMatchObject({ onHold: true });
      expect(observer.view).toMatchObject({ onHold: true });
      expect(listener.entries.at(-1)).toMatchObject({ observation: { kind: 'cue', cue: 'hold_music' } });
      expect(await listener.send({ kind: 'hold' })).toMatchObject({ ok: false, code: 'input/not_available' });
      expect(await listener.send({ kind: 'unhold' })).toMatchObject({ ok: true });
      await caughtUp(trainer, listener);
      expect(listener.view).toMatchObject({ onHold: false });
    });

    it('notes: the listener keeps them; the trainer reads only the shared ones; observers none', async () => {
      expect(await listener.send({ kind: 'note', text: 'Pour moi seul·e', shared: false })).toMatchObject({
        ok: true,
      });
      expect(await listener.send({ kind: 'note', text: 'À partager', shared: true })).toMatchObject({
        ok: true,
      });
      await caughtUp(trainer, listener, observer);
      const notes = (client: RoleClient) =>
        client.entries.flatMap((e) => (e.kind === 'input' && e.input.kind === 'note' ? [e.input.text] : []));
      expect(notes(listener)).toEqual(['Pour moi seul·e', 'À partager']);
      expect(notes(trainer)).toEqual(['À partager']);
      expect(notes(observer)).toEqual([]);
    });

    it('whisper, ad-lib, effect and bookmark reach exactly their audience', async () => {
      for (const input of [
        { kind: 'whisper', text: 'Reformulez.' },
        { kind: 'adlib', text: 'Vous êtes gentil.' },
        { kind: 'effect', effect: 'background_noise' },
        { kind: 'bookmark', comment: 'Belle reformulation' },
      ] satisfies Input[])
        expect(await trainer.send(input)).toMatchObject({ ok: true });
      await caughtUp(trainer, listener, observer);
      for (const client of [listener, observer]) {
        expect(kinds(client)).toEqual(expect.arrayContaining(['in:whisper', 'line', 'cue']));
        expect(kinds(client)).not.toEqual(expect.arrayContaining(['in:adlib']));
        expect(kinds(client)).not.toEqual(expect.arrayContaining(['in:bookmark']));
        expect(kinds(client)).not.toEqual(expect.arrayContaining(['in:effect']));
        expect(linesHeard(client)).toContain('adlib');
      }
      expect(kinds(trainer)).toEqual(
        expect.arrayContaining(['in:whisper', 'in:adlib', 'in:effect', 'in:bookmark']),
      );
    });

    it('projector mode gives observers the graph and the gauges, and takes them back', async () => {
      expect(await trainer.send({ kind: 'projector', on: true })).toMatchObject({ ok: true });
      await caughtUp(trainer, listener, observer);
      const on = observer.updates.at(-1)!;
      expect(on.graph?.nodes.length).toBeGreaterThan(0);
      // The view changed (projector on): the update carries it.
      expect(on.view?.role === 'observer' && on.view.projector?.variables.length).toBeGreaterThan(0);
      expect(listener.updates.at(-1)).not.toHaveProperty('graph');
      expect(trainer.view).toMatchObject({ projector: true });
      const sync = await observer.sync(0);
      expect(sync.ok && sync.snapshot.graph).toEqual(on.graph);
      expect(await trainer.send({ kind: 'projector', on: false })).toMatchObject({ ok: true });
      await caughtUp(trainer, observer);
      expect(observer.updates.at(-1)).toMatchObject({ graph: null, view: { projector: null } });
      const off = await observer.sync(0);
      expect(off.ok && off.snapshot.graph).toBeNull();
    });

    it('the caller hanging up ends the call with the scenario hang-up ending', async () => {
      expect(await trainer.send({ kind: 'effect', effect: 'caller_hangup' })).toMatchObject({ ok: true });
      await caughtUp(trainer, listener);
      expect(listener.view?.ending).toMatchObject({ reason: 'caller_hangup' });
      // Still recorded after the end: a bookmark for the debrief.
      expect(await trainer.send({ kind: 'bookmark', comment: 'Fin abrupte' })).toMatchObject({ ok: true });
    });
  });
});
