// Deleted means gone (issue 11, item 5): once a session is deleted, its notes, names and
// annotations are nowhere in the database's files, neither the main file nor the WAL
// (`secure_delete` zeroes freed content; the WAL is checkpointed and truncated after deletions).
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ManualScheduler } from '@ecoute/engine';
import { RoleClient, createSession, startServer, trainerOf } from './utils.js';
import type { TestServer } from './utils.js';

describe('deleted means gone', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ scheduler: new ManualScheduler() });
  });
  afterAll(async () => {
    await server.close();
  });

  /** Which of `needles` some database file still holds (the main file, the WAL). */
  function found(needles: string[]): string[] {
    const file = server.config.databaseFile;
    const bytes = [file, `${file}-wal`]
      .filter((f) => existsSync(f))
      .map((f) => readFileSync(f))
      .reduce((all, b) => Buffer.concat([all, b]), Buffer.alloc(0));
    return needles.filter((needle) => bytes.includes(Buffer.from(needle, 'utf8')));
  }

  it('leaves no note, name or annotation of a deleted session in the .sqlite and -wal files', async () => {
    const session = await createSession(server.url, 'appel-entrainement');
    const kept = await createSession(server.url, 'appel-entrainement');
    const listener = await RoleClient.connect(server.url, {
      sessionId: session.sessionId,
      token: session.tokens.listener,
    });
    const trainer = await RoleClient.connect(server.url, {
      sessionId: session.sessionId,
      token: session.tokens.trainer,
    });
    const other = await RoleClient.connect(server.url, {
      sessionId: kept.sessionId,
      token: kept.tokens.listener,
    });
    try {
      const secrets = [
        'Zéphyrine-Quatrevingt',
        'NOTE-PRIVEE-ultrasecrete',
        'REPERE-commentaire-confidentiel',
      ];
      expect((await listener.send({ kind: 'join', name: secrets[0]! })).ok).toBe(true);
      expect((await listener.send({ kind: 'pickup' })).ok).toBe(true);
      expect((await listener.send({ kind: 'note', text: secrets[1]!, shared: false })).ok).toBe(true);
      expect((await trainer.send({ kind: 'bookmark', comment: secrets[2]! })).ok).toBe(true);
      const annotation = 'ANNOTATION-du-debriefing-privee';
      const posted = await fetch(`${server.url}/api/sessions/${session.sessionId}/debrief/annotations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.tokens.trainer}`, 'content-type': 'application/json' },
        body: JSON.stringify({ t: 0, comment: annotation }),
      });
      expect(posted.status).toBe(201);
      // Another session's name stays: only the deleted one goes.
      expect((await other.send({ kind: 'join', name: 'Gardée-Durable' })).ok).toBe(true);
      const all = [...secrets, annotation];
      expect(found(all)).toEqual(all);

      listener.close();
      trainer.close();
      const deleted = await fetch(`${server.url}/api/sessions/${session.sessionId}`, {
        method: 'DELETE',
        headers: (await trainerOf(server)).headers,
      });
      expect(deleted.status).toBe(200);
      const left = found(all);
      console.log(
        `[abuse] deleted means gone: ${left.length} of ${all.length} strings still in the files (${left.join(', ')})`,
      );
      expect(left).toEqual([]);
      expect(found(['Gardée-Durable'])).toEqual(['Gardée-Durable']);
    } finally {
      listener.close();
      trainer.close();
      other.close();
    }
  });
});
