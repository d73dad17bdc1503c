// Liveness and readiness on the real app (port 0, a real SQLite file): `/readyz` answers 503 and
// names the check that fails — recovery still running, no scenario loaded, the database gone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Kysely } from 'kysely';
import { DATABASE } from '../src/database/database.module.js';
import type { Database } from '../src/database/schema.js';
import { RecoveryProgress } from '../src/recovery/recovery-progress.js';
import { startServer } from './utils.js';
import type { TestServer } from './utils.js';

interface Health {
  status: 'ok' | 'error';
  info?: Record<string, { status: string } & Record<string, unknown>>;
  error?: Record<string, { status: string } & Record<string, unknown>>;
}

async function get(server: TestServer, route: string): Promise<{ status: number; body: Health }> {
  const response = await fetch(`${server.url}${route}`);
  return { status: response.status, body: (await response.json()) as Health };
}

describe('/healthz and /readyz', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('says the process is alive', async () => {
    const live = await get(server, '/healthz');
    expect(live.status).toBe(200);
    expect(live.body.status).toBe('ok');
  });

  it('is ready once booted: database, scenarios and recovery up', async () => {
    const ready = await get(server, '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ok');
    expect(ready.body.info?.database?.status).toBe('up');
    expect(ready.body.info?.scenarios?.status).toBe('up');
    expect(ready.body.info?.scenarios?.count).toBeGreaterThan(0);
    expect(ready.body.info?.recovery?.status).toBe('up');
  });

  it('answers 503 naming recovery while live sessions are being rebuilt, then ready', async () => {
    const progress = server.app.get(RecoveryProgress);
    progress.start(2);
    const busy = await get(server, '/readyz');
    expect(busy.status).toBe(503);
    expect(busy.body.status).toBe('error');
    expect(busy.body.error?.recovery).toMatchObject({ status: 'down', pending: 2 });
    expect(busy.body.info?.database?.status).toBe('up');
    expect((await get(server, '/healthz')).status).toBe(200);
    progress.sessionDone();
    expect((await get(server, '/readyz')).body.error?.recovery).toMatchObject({ pending: 1 });
    progress.sessionDone();
    const ready = await get(server, '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.info?.recovery?.durationMs).toEqual(expect.any(Number));
  });
});

describe('/readyz refusals', () => {
  it('is not ready without any scenario', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'ecoute-no-scenarios-'));
    const server = await startServer({ scenariosDir: empty });
    try {
      const ready = await get(server, '/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body.error?.scenarios).toMatchObject({ status: 'down', count: 0 });
      expect(ready.body.error?.database).toBeUndefined();
    } finally {
      await server.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('is not ready when the database does not answer', async () => {
    const server = await startServer();
    try {
      await server.app.get<symbol, Kysely<Database>>(DATABASE).destroy();
      const ready = await get(server, '/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body.error?.database?.status).toBe('down');
      expect((await get(server, '/healthz')).status).toBe(200);
    } finally {
      await server.close().catch(() => undefined);
    }
  });

  it('counts a recovery never started as not done', () => {
    expect(new RecoveryProgress().done).toBe(false);
  });
});
