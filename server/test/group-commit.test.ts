// Group commit through the whole loop: inputs from many sessions arriving together (within the
// same few milliseconds) are made durable by shared commits, each acked only after its commit.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ManualScheduler } from '@ecoute/engine';
import { SqliteTimelineStore } from '../src/timeline/sqlite-timeline-store.js';
import { TIMELINE_STORE } from '../src/timeline/timeline-store.js';
import type { TimelineStore } from '../src/timeline/timeline-store.js';
import { RoleClient, createSession, startServer } from './utils.js';
import type { TestServer } from './utils.js';

describe('SQLite group commit under concurrent inputs', () => {
  let server: TestServer;
  const listeners: { sessionId: string; client: RoleClient }[] = [];

  beforeAll(async () => {
    // Session time stands still: no timer adds entries, whatever the machine's speed.
    server = await startServer({ scheduler: new ManualScheduler() });
    for (let i = 0; i < 24; i++) {
      const created = await createSession(server.url, 'appel-entrainement');
      listeners.push({
        sessionId: created.sessionId,
        client: await RoleClient.connect(server.url, {
          sessionId: created.sessionId,
          token: created.tokens.listener,
        }),
      });
    }
  }, 60_000);

  afterAll(async () => {
    for (const { client } of listeners) client.close();
    await server?.close();
  });

  it('shares commits between sessions, and every acked input is durable when acked', async () => {
    const store = server.app.get<TimelineStore>(TIMELINE_STORE);
    if (!(store instanceof SqliteTimelineStore)) throw new Error('expected the SQLite store');
    for (const round of [0, 1, 2]) {
      const before = { ...store.stats };
      const acks = await Promise.all(
        listeners.map(async ({ sessionId, client }) => {
          const ack = await client.send(
            round === 0 ? { kind: 'pickup' } : { kind: 'say', text: `Tour ${round}` },
          );
          // Acked ⇒ already in the database, read back at once.
          const durable = ack.ok ? (await store.read(sessionId, ack.seq - 1, ack.seq)).length : 0;
          return { ack, durable };
        }),
      );
      expect(acks.every(({ ack, durable }) => ack.ok && durable === 1)).toBe(true);
      const batches = store.stats.batches - before.batches;
      const commits = store.stats.commits - before.commits;
      expect(batches).toBe(listeners.length);
      // Sent in the same instant, they arrive within a turn or two of the event loop.
      expect(commits).toBeLessThanOrEqual(listeners.length / 4);
    }
  }, 30_000);
});
