// The built server stops cleanly on SIGTERM (npm start forwards Ctrl-C and service managers send
// it): exit code 0, the database closed (SQLite removes its WAL when the last connection closes
// properly), and every acked input still there. Needs the build, like crash-recovery.test.ts.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { signedInTrainer } from '@ecoute/test/support/accounts.js';
import { startServerProcess } from '@ecoute/test/support/server-process.js';
import { RoleClient, createSession } from './utils.js';

describe('server shutdown', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ecoute-shutdown-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('on SIGTERM exits 0 with the database closed and every acked input kept', async () => {
    const server = await startServerProcess({ LOG_LEVEL: 'warn' }, { dataDir });
    const session = await createSession(server.url, 'appel-entrainement', {
      headers: await signedInTrainer(server),
    });
    const listener = await RoleClient.connect(server.url, {
      sessionId: session.sessionId,
      token: session.tokens.listener,
    });
    const acks = [
      await listener.send({ kind: 'pickup' }),
      await listener.send({ kind: 'say', text: 'Bonjour, je vous écoute.' }),
    ];
    expect(acks.every((ack) => ack.ok)).toBe(true);
    // The WAL is in use while the server runs (appends are synced through it).
    expect(existsSync(`${server.databaseFile}-wal`)).toBe(true);
    listener.close();

    await server.kill('SIGTERM');
    expect(server.exit()).toEqual({ code: 0, signal: null });
    // The person who stopped it reads that it stopped cleanly, in the start line's plain text.
    expect(server.output()).toContain('Écoute arrêté (SIGTERM)');
    expect(existsSync(`${server.databaseFile}-wal`)).toBe(false);
    const db = new Database(server.databaseFile, { readonly: true });
    try {
      const rows = db
        .prepare("SELECT kind FROM timeline WHERE session_id = ? AND category = 'input' ORDER BY seq")
        .all(session.sessionId) as { kind: string }[];
      expect(rows.map((r) => r.kind)).toEqual(['pickup', 'say']);
    } finally {
      db.close();
    }
  }, 180_000);
});
