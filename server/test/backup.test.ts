// Backups (`npm run backup -- FILE`, its built entry as a process): taken while the server runs
// and writes, then restored as `ecoute.sqlite` of a new server, which plays the recorded
// session's debrief exactly as the first server did.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { ManualScheduler } from '@ecoute/engine';
import type { Debrief, SessionLinks } from '@ecoute/protocol';
import { findWorkspaceRoot } from '../src/config/env.js';
import { RoleClient, createSession, startServer, trainerOf } from './utils.js';
import type { TestServer } from './utils.js';

const SCENARIO = 'appel-entrainement';
const CLI = path.join(findWorkspaceRoot(), 'server/dist/src/database/backup-main.js');

function runBackup(databaseFile: string, target: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, target], {
      env: { ...process.env, ECOUTE_DATABASE_FILE: databaseFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

async function debriefOf(url: string, sessionId: string, token: string): Promise<Debrief> {
  const response = await fetch(`${url}/api/sessions/${sessionId}/debrief`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Debrief;
}

describe('npm run backup, then a restore', () => {
  const scheduler = new ManualScheduler();
  const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-backup-'));
  let server: TestServer;
  let recorded: Awaited<ReturnType<typeof createSession>>;

  beforeAll(async () => {
    expect(existsSync(CLI)).toBe(true);
    server = await startServer({ scheduler });
    recorded = await createSession(server.url, SCENARIO);
    const listener = await RoleClient.connect(server.url, {
      sessionId: recorded.sessionId,
      token: recorded.tokens.listener,
    });
    const trainer = await RoleClient.connect(server.url, {
      sessionId: recorded.sessionId,
      token: recorded.tokens.trainer,
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
    await ok(trainer, { kind: 'bookmark', comment: 'Bonne présentation' });
    await ok(listener, { kind: 'move', move: 'reformuler' });
    scheduler.advanceBy(2_000);
    for (const _ of [1, 2, 3]) {
      await ok(listener, { kind: 'move', move: 'guider_pas_a_pas' });
      scheduler.advanceBy(2_000);
    }
    await trainer.waitFor((c) => c.view?.phase === 'ended', 'the ending');
    listener.close();
    trainer.close();
  }, 30_000);
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies the database while another call writes, and the copy restores into a new server', async () => {
    // Read now: after the backup's seconds of silence, the client's kept-alive connection to this
    // server could be the one the server had just timed out (ECONNRESET, on a busy machine).
    const original = await debriefOf(server.url, recorded.sessionId, recorded.tokens.trainer);
    // Another call goes on during the backup: inputs acked, durably, all along.
    const busy = await createSession(server.url, SCENARIO);
    const listener = await RoleClient.connect(server.url, {
      sessionId: busy.sessionId,
      token: busy.tokens.listener,
    });
    expect((await listener.send({ kind: 'join', name: 'Alex' })).ok).toBe(true);
    expect((await listener.send({ kind: 'pickup' })).ok).toBe(true);
    let writing = true;
    let acked = 0;
    const writes = (async () => {
      while (writing) {
        const ack = await listener.send({ kind: 'say', text: `phrase ${acked}` });
        if (!ack.ok) throw new Error(ack.code);
        acked += 1;
        // Under the socket's rate limit (20 a second).
        await new Promise((resolve) => setTimeout(resolve, 70));
      }
    })();
    const ackedBefore = await new Promise<number>((resolve) => setTimeout(() => resolve(acked), 300));
    const target = path.join(dir, 'sauvegarde.sqlite');
    const backup = await runBackup(server.config.databaseFile, target);
    const ackedAfterBackup = acked;
    writing = false;
    await writes;
    listener.close();
    expect(backup).toMatchObject({ code: 0 });
    expect(backup.output).toContain('Sauvegarde écrite');
    // The server's key is not in the copy: the operator is told which file to keep with it.
    const keyFile = path.join(path.dirname(server.config.databaseFile), 'secret.key');
    expect(backup.output).toContain(`À garder avec la sauvegarde : la clé du serveur ${keyFile}`);
    expect(ackedBefore).toBeGreaterThan(0);
    expect(ackedAfterBackup).toBeGreaterThan(ackedBefore);

    // The copy holds every input acked before the backup began (a snapshot taken during it).
    const copy = new Database(target, { readonly: true });
    try {
      const says = (
        copy
          .prepare("SELECT count(*) AS n FROM timeline WHERE session_id = ? AND kind = 'say'")
          .get(busy.sessionId) as { n: number }
      ).n;
      expect(says).toBeGreaterThanOrEqual(ackedBefore);
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      copy.close();
    }

    // A second backup to the same name is refused: nothing is overwritten.
    const again = await runBackup(server.config.databaseFile, target);
    expect(again.code).toBe(1);
    expect(again.output).toContain('existe déjà');
    // Run without the server's data folder: it says which variables choose the database.
    const elsewhere = await runBackup(path.join(dir, 'absente.sqlite'), path.join(dir, 'autre.sqlite'));
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.output).toContain('mêmes ECOUTE_DATA_DIR ou ECOUTE_DATABASE_FILE');

    // Restore as the README says: the file as ecoute.sqlite of a data folder, no stale -wal/-shm,
    // the server's key beside it.
    const restoredDir = mkdtempSync(path.join(tmpdir(), 'ecoute-restored-'));
    const restoredFile = path.join(restoredDir, 'ecoute.sqlite');
    copyFileSync(target, restoredFile);
    copyFileSync(keyFile, path.join(restoredDir, 'secret.key'));
    expect(existsSync(`${restoredFile}-wal`)).toBe(false);
    const restored = await startServer({ env: { ECOUTE_DATABASE_FILE: restoredFile } });
    try {
      const replayed = await debriefOf(restored.url, recorded.sessionId, recorded.tokens.trainer);
      expect(replayed.callOver).toBe(true);
      expect(replayed.entries.length).toBeGreaterThan(10);
      expect(replayed.entries.some((e) => e.kind === 'observation' && e.observation.kind === 'ending')).toBe(
        true,
      );
      expect(replayed).toEqual(original);
      // The learner's token opens the learner's debrief there too.
      const learner = await debriefOf(restored.url, recorded.sessionId, recorded.tokens.listener);
      expect(learner.viewer).toBe('listener');
      // With the key, what it sealed opens: the trainer's « Liens et QR codes » shows the links
      // again (under a new key the answer was `links: {}`, silently).
      const { cookie } = (await trainerOf(server)).headers;
      const links = await fetch(`${restored.url}/api/sessions/${recorded.sessionId}/links`, {
        headers: { cookie: cookie ?? '' },
      });
      expect(links.status).toBe(200);
      expect(((await links.json()) as SessionLinks).links).toEqual(recorded.links);
    } finally {
      await restored.close();
      rmSync(restoredDir, { recursive: true, force: true });
    }
  }, 60_000);
});
