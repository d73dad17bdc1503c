// What the person running the server reads when the boot is refused for a mistake of theirs: the
// built server as a process (as `npm start` runs it), exit code 2, a sentence naming the variable
// to change, and no stack trace. Needs the build, like shutdown.test.ts.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { serverNodeFlags, workspaceRoot } from '@ecoute/test/support/server-process.js';
import { checkServerKey } from '../src/accounts/server-key-check.js';
import { openSqlite } from '../src/database/sqlite.js';

const ENTRY = path.join(workspaceRoot, 'server', 'dist', 'src', 'main.js');
const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-boot-refusals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs the built server until it exits (a guard kills it after `ms`: it was expected to refuse);
 * with `stopOnStart`, sends it SIGTERM once its start line is out (it was expected to start).
 */
function boot(
  env: Record<string, string>,
  { ms = 240_000, stopOnStart = false }: { ms?: number; stopOnStart?: boolean } = {},
): Promise<{ code: number | null; output: string }> {
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
    let stopping = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      // Once: a second SIGTERM ends the server without its clean stop.
      if (stopOnStart && !stopping && output.includes('Écoute écoute sur')) {
        stopping = true;
        child.kill('SIGTERM');
      }
    });
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

  it('a database sealed with another key: where to put the key back, how to start anyway', async () => {
    // A restored database whose key was not put back beside it: its check value is the old key's.
    const data = path.join(dir, 'restored');
    mkdirSync(data);
    const file = path.join(data, 'ecoute.sqlite');
    const keyFile = path.join(data, 'secret.key');
    const handle = await openSqlite(file);
    await checkServerKey(handle.db, 'the-key-kept-with-the-backup-000000001', { forgetSealed: false });
    await handle.close();

    // Another secret.key beside it (a new one drawn by an earlier start): refused, nothing written.
    writeFileSync(keyFile, 'a-key-drawn-by-a-start-after-the-restore-1\n', { mode: 0o600 });
    const other = await boot({ PORT: '0', ECOUTE_DATA_DIR: data });
    expect(other.code).toBe(2);
    expect(other.output).toContain(
      `ECOUTE_SECRET (non fixée) : la base ${file} a été scellée avec une autre clé du serveur que ${keyFile}`,
    );
    expect(other.output).toContain(`remettez dans ${data} le secret.key gardé avec la sauvegarde`);
    expect(other.output).toContain('ECOUTE_FORGET_SEALED=1 démarre quand même');
    expect(other.output).not.toMatch(STACK_FRAME);

    // No secret.key at all: refused too, and the key this boot drew is not left behind.
    rmSync(keyFile);
    const none = await boot({ PORT: '0', ECOUTE_DATA_DIR: data });
    expect(none.code).toBe(2);
    expect(none.output).toContain(`${keyFile} manque`);
    expect(existsSync(keyFile)).toBe(false);

    // Another ECOUTE_SECRET: the variable to give the kept value.
    const variable = await boot({
      PORT: '0',
      ECOUTE_DATA_DIR: data,
      ECOUTE_SECRET: 'another-secret-value-of-32-characters-or-more',
    });
    expect(variable.code).toBe(2);
    expect(variable.output).toContain('ECOUTE_SECRET : la base');
    expect(variable.output).toContain('fixez ECOUTE_SECRET à la valeur gardée avec la sauvegarde');
    expect(variable.output).not.toContain('another-secret-value');

    // The key truly lost: started on purpose, what it sealed is forgotten, the new key recorded…
    writeFileSync(keyFile, 'a-key-drawn-by-a-start-after-the-restore-1\n', { mode: 0o600 });
    const forced = await boot(
      { PORT: '0', ECOUTE_DATA_DIR: data, ECOUTE_FORGET_SEALED: '1' },
      { stopOnStart: true },
    );
    expect(forced.output).toContain(
      "ECOUTE_FORGET_SEALED=1 : la base était scellée avec une autre clé ; oublié ce qu'elle scellait",
    );
    expect(forced.output).toContain('Écoute arrêté (SIGTERM)');
    expect(forced.code).toBe(0);
    // … so the next start, without the variable, is an ordinary one.
    const next = await boot({ PORT: '0', ECOUTE_DATA_DIR: data }, { stopOnStart: true });
    expect(next.output).toContain('Écoute écoute sur');
    expect(next.output).not.toContain('ECOUTE_FORGET_SEALED');
    expect(next.code).toBe(0);
  }, 600_000);
});
