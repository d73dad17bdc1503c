// The data folder checked at boot: made when missing, refused with a sentence naming the variable
// when it cannot be a writable folder (never a hang, never a stack trace).
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { prepareDataFolder } from './data-folder.js';
import { ConfigError, parseEnv } from './env.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-data-folder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refusal(env: Record<string, string>): string {
  try {
    prepareDataFolder(parseEnv(env), env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('accepted');
}

describe('prepareDataFolder', () => {
  it('makes a missing data folder, several levels deep, and leaves nothing else in it', () => {
    const folder = path.join(dir, 'a', 'b', 'data');
    const env = { ECOUTE_DATA_DIR: folder };
    prepareDataFolder(parseEnv(env), env);
    expect(statSync(folder).isDirectory()).toBe(true);
  });

  it('refuses a data folder under a file, naming ECOUTE_DATA_DIR and the file', () => {
    const file = path.join(dir, 'a-file');
    writeFileSync(file, '');
    const message = refusal({ ECOUTE_DATA_DIR: path.join(file, 'data') });
    expect(message).toContain(`ECOUTE_DATA_DIR=${path.join(file, 'data')}`);
    expect(message).toContain(`${file} n'est pas un dossier`);
  });

  it('names ECOUTE_DATABASE_FILE when that is what was set', () => {
    const file = path.join(dir, 'another-file');
    writeFileSync(file, '');
    expect(refusal({ ECOUTE_DATABASE_FILE: path.join(file, 'ecoute.sqlite') })).toContain(
      'ECOUTE_DATABASE_FILE=',
    );
  });

  // Node's recursive mkdir spins for ever on /proc (ENOENT at every level): the boot hung, silent.
  (process.platform === 'linux' ? it : it.skip)(
    'refuses a folder that cannot be made, at once (/proc)',
    () => {
      const message = refusal({ ECOUTE_DATA_DIR: '/proc/ecoute-data-folder-test/data' });
      expect(message).toContain('impossible de créer le dossier /proc/ecoute-data-folder-test');
    },
  );

  it('has nothing to check on PostgreSQL with ECOUTE_SECRET set (no file written)', () => {
    const file = path.join(dir, 'a-third-file');
    writeFileSync(file, '');
    const env = {
      ECOUTE_DATA_DIR: path.join(file, 'data'),
      DATABASE_URL: 'postgres://ecoute@localhost/ecoute',
      ECOUTE_SECRET: 'a-secret-of-at-least-thirty-two-characters',
    };
    expect(() => prepareDataFolder(parseEnv(env), env)).not.toThrow();
  });
});
