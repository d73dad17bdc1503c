// The session loop end to end on the server: the real app on port 0, a real SQLite file, real
// socket.io clients as listener and trainer; session time driven by hand so the silence timer
// fires exactly when the test says. The timeline is then read back from the database file.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ManualScheduler, compileScenario, parseScenario, replay } from '@ecoute/engine';
import type { TimelineEntry } from '@ecoute/engine';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RoleClient, createSession, linesHeard, startServer } from './utils.js';
import type { TestServer } from './utils.js';

const SCENARIO = 'appel-entrainement';

describe('a call played through the server', () => {
  const scheduler = new ManualScheduler();
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ scheduler });
  });
  afterAll(async () => {
    await server.close();
  });

  it('plays the tutorial call to its best ending, with the silence timer and an inject', async () => {
    const scenarios = (await (await fetch(`${server.url}/api/scenarios`)).json()) as { id: string }[];
    expect(scenarios.map((s) => s.id)).toContain(SCENARIO);

    const session = await createSession(server.url, SCENARIO);
    const listener = await RoleClient.connect(server.url, {
      sessionId: session.sessionId,
      token: session.tokens.listener,
    });
    const trainer = await RoleClient.connect(server.url, {
      sessionId: session.sessionId,
      token: session.tokens.trainer,
    });
    const observer = await RoleClient.connect(server.url, {
      sessionId: session.sessionId,
      token: session.tokens.observer,
    });

    const first = await listener.sync(0);
    expect(first.ok && first.snapshot.view.phase).toBe('ringing');
    // Move names for every role; inject and variable names only for the trainer.
    expect(first.ok && first.snapshot.labels.moves['se_presenter']).toBe('Se présenter');
    expect(first.ok && first.snapshot.labels.injects).toEqual({});
    const trainerFirst = await trainer.sync(0);
    expect(trainerFirst.ok && trainerFirst.snapshot.labels.injects).toEqual({
      sonnette: 'On sonne à la porte',
    });

    expect(await listener.send({ kind: 'pickup' })).toEqual({ ok: true, seq: 1 });
    await listener.waitFor((c) => linesHeard(c).includes('allo'), 'the first line');

    // 20 s of silence on the session clock: the caller worries.
    scheduler.advanceBy(20_000);
    await listener.waitFor((c) => linesHeard(c).includes('toujours_la'), 'the silence line');

    const injected = await trainer.send({ kind: 'inject', inject: 'sonnette' });
    expect(injected.ok).toBe(true);
    await listener.waitFor((c) => linesHeard(c).includes('sonnette'), 'the doorbell line');

    scheduler.advanceBy(1_000);
    for (const move of [
      'se_presenter',
      'reformuler',
      'guider_pas_a_pas',
      'guider_pas_a_pas',
      'guider_pas_a_pas',
    ]) {
      const ack = await listener.send({ kind: 'move', move });
      expect(ack).toEqual({ ok: true, seq: expect.any(Number) });
      scheduler.advanceBy(2_000);
    }
    await trainer.waitFor((c) => c.view?.phase === 'ended', 'the ending');
    await observer.waitFor((c) => c.view?.phase === 'ended', 'the ending, for the observer');

    expect(trainer.view?.ending).toMatchObject({ ending: 'connectee', outcome: 'best', reason: 'scenario' });
    expect(linesHeard(listener)).toEqual([
      'allo',
      'toujours_la',
      'sonnette',
      'soulagee',
      'explique',
      'oui_cest_ca',
      'on_y_va',
      'etape_suivante',
      'connectee',
    ]);
    expect(linesHeard(observer)).toEqual(linesHeard(listener));

    // The listener never saw the inject itself, nor a hidden variable; the trainer saw both.
    const kinds = (entries: TimelineEntry[]): string[] =>
      entries.map((e) => (e.kind === 'input' ? `in:${e.input.kind}` : e.observation.kind));
    expect(kinds(listener.entries)).not.toContain('in:inject');
    expect(kinds(listener.entries)).not.toContain('variable');
    expect(kinds(trainer.entries)).toContain('in:inject');
    expect(kinds(trainer.entries)).toContain('variable');
    expect(Object.keys(listener.view ?? {})).not.toEqual(expect.arrayContaining(['variables']));
    for (const key of ['variables', 'states', 'injects', 'persona'])
      expect(listener.view).not.toHaveProperty(key);

    // A late sync gives the same entries as the live updates.
    const resync = await listener.sync(0);
    expect(resync.ok && resync.snapshot.entries).toEqual(listener.entries);
    // After the end, every input is refused and nothing more is recorded.
    expect(await listener.send({ kind: 'move', move: 'reformuler' })).toMatchObject({
      ok: false,
      code: 'session/ended',
    });
    // The trainer's console no longer offers an ad-lib line nor a whisper: both would be refused.
    for (const input of [
      { kind: 'adlib', text: 'Encore une chose.' },
      { kind: 'whisper', text: 'Trop tard.' },
    ] as const)
      expect(await trainer.send(input)).toMatchObject({ ok: false, code: 'session/ended' });

    for (const c of [listener, trainer, observer]) c.close();

    // The timeline, read back from the SQLite file by another connection.
    const db = new Database(server.config.databaseFile, { readonly: true });
    const rows = db
      .prepare(
        'SELECT seq, t, source, category, kind, payload FROM timeline WHERE session_id = ? ORDER BY seq',
      )
      .all(session.sessionId) as {
      seq: number;
      t: number;
      source: string;
      category: string;
      kind: string;
      payload: string;
    }[];
    const ended = db.prepare('SELECT status, outcome FROM sessions WHERE id = ?').get(session.sessionId);
    db.close();
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.filter((r) => r.category === 'input').map((r) => `${r.source}:${r.kind}`)).toEqual([
      'listener:pickup',
      'trainer:inject',
      'listener:move',
      'listener:move',
      'listener:move',
      'listener:move',
      'listener:move',
    ]);
    const silence = rows.find((r) => r.kind === 'line' && r.payload.includes('"toujours_la"'));
    expect(silence).toMatchObject({ t: 20_000, source: 'caller', category: 'observation' });
    const ending = rows.at(-1);
    expect(ending).toMatchObject({ kind: 'ending', source: 'system' });
    expect(JSON.parse(ending!.payload)).toMatchObject({ outcome: 'best', ending: 'connectee' });
    expect(ended).toEqual({ status: 'ended', outcome: 'best' });

    // Replaying the recorded inputs through the engine gives the recorded observations.
    const parsed = parseScenario(
      readFileSync(path.join(server.config.scenariosDir, `${SCENARIO}.yaml`), 'utf8'),
    );
    if (!parsed.ok) throw new Error('scenario does not parse');
    const replayed = replay(
      compileScenario(parsed.scenario),
      42,
      rows.filter((r) => r.category === 'input').map((r) => ({ t: r.t, input: JSON.parse(r.payload) })),
    );
    expect(replayed.map((o) => ({ t: o.t, observation: o.observation }))).toEqual(
      rows
        .filter((r) => r.category === 'observation')
        .map((r) => ({ t: r.t, observation: JSON.parse(r.payload) })),
    );
  });
});
