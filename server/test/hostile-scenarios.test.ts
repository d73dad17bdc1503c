// A malformed or hostile scenario file in the scenarios folder is refused with its code and left
// out; the server still boots, in bounded time, and serves the other scenarios.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { ManualScheduler } from '@ecoute/engine';
import { findWorkspaceRoot } from '../src/config/env.js';
import { startServer } from './utils.js';
import type { TestServer } from './utils.js';

describe('hostile scenario files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-hostile-'));
  let server: TestServer | undefined;
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are left out while the server boots and serves the good ones', async () => {
    copyFileSync(
      path.join(findWorkspaceRoot(), 'scenarios', 'appel-entrainement.yaml'),
      path.join(dir, 'ok.yaml'),
    );
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`,
      );
    writeFileSync(path.join(dir, 'bomb.yaml'), bomb.join('\n'));
    writeFileSync(path.join(dir, 'huge.yaml'), `id: huge\ntitle: "${'x'.repeat(50 * 1024 * 1024)}"\n`);
    writeFileSync(path.join(dir, 'deep.yaml'), '['.repeat(100_000));
    writeFileSync(
      path.join(dir, 'unknown-action.yaml'),
      'id: x\nmachine: { initial: a, states: { a: { entry: [{ type: rm_rf }] } } }\n',
    );
    const started = Date.now();
    server = await startServer({ scheduler: new ManualScheduler(), scenariosDir: dir });
    // A guard against an expanded bomb (minutes), not a speed limit: under load the boot took 10.3 s.
    expect(Date.now() - started).toBeLessThan(60_000);
    const list = (await (await fetch(`${server.url}/api/scenarios`)).json()) as { id: string }[];
    expect(list.map((s) => s.id)).toEqual(['appel-entrainement']);
  }, 120_000);
});
