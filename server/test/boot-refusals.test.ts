// What the person running the server reads when the boot is refused for a mistake of theirs: the
// built server as a process (as `npm start` runs it), exit code 2, a sentence naming the variable
// to change, and no stack trace. Needs the build, like shutdown.test.ts.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { serverNodeFlags, workspaceRoot } from '@ecoute/test/support/server-process.js';

const ENTRY = path.join(workspaceRoot, 'server', 'dist', 'src', 'main.js');
const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-boot-refusals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the built server until it exits (a guard kills it after `ms`: it was expected to refuse). */
function boot(env: Record<string, string>, ms = 240_000): Promise<{ code: number | null; output: string }> {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: build first (npm run build)`);
  // The environment of `npm start` on a machine with no Écoute variable set, then the test's own.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('ECOUTE_') && name !== 'DATABASE_URL'),
  );
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...serverNodeFlags(), ENTRY], {
      cwd: workspaceRoot,
      env: { ...inherited, HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const guard = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code) => {
      clearTimeout(guard);
      resolve({ code, output });
    });
  });
}

/** A stack trace's frame lines (« at main (file:///…) »). */
const STACK_FRAME = /^\s+at .+/m;

describe('a refused boot names what to fix', () => {
  it('a port already taken: PORT and the way out, no stack', async () => {
    // Another program on the port (a plain listener: what holds it does not matter).
    const other = createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const port = String((other.address() as AddressInfo).port);
      const { code, output } = await boot({
        PORT: port,
        ECOUTE_DATABASE_FILE: path.join(dir, 'taken.sqlite'),
      });
      expect(code).toBe(2);
      expect(output).toContain(`PORT=${port} : ce port est déjà pris`);
      expect(output).not.toMatch(STACK_FRAME);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  }, 300_000);

  it('a data folder that cannot be one: ECOUTE_DATA_DIR, no stack', async () => {
    const file = path.join(dir, 'a-file');
    writeFileSync(file, '');
    const { code, output } = await boot({ PORT: '0', ECOUTE_DATA_DIR: path.join(file, 'data') });
    expect(code).toBe(2);
    expect(output).toContain(`ECOUTE_DATA_DIR=${path.join(file, 'data')} : ${file} n'est pas un dossier`);
    expect(output).not.toMatch(STACK_FRAME);
  }, 300_000);
});
