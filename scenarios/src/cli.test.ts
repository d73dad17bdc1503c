// The `pnpm scenario` bin end to end: it runs the engine's build, so the build is brought up to
// date first (tsc -b is incremental). Commands are driven through argv and piped stdin.
import { describe, it, expect, beforeAll } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'scenarios/bin/scenario.mjs');
const tutorial = 'scenarios/appel-entrainement.yaml';

function scenario(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'packages/engine'],
    {
      cwd: root,
      timeout: 120_000,
    },
  );
}, 130_000);

describe('pnpm scenario', () => {
  it('lint: clean files exit 0; a warning is printed and exits 0; an error is printed file:line:col and exits 1', () => {
    expect(scenario(['lint', tutorial, 'scenarios/appel-entrainement.tests.yaml'])).toMatchObject({
      status: 0,
      stdout: '',
    });
    // The tutorial's version 2 (kept for the sessions recorded on it) had no example phrases:
    // free speech read its moves only by their names; nor other wordings for its eight lines a
    // move could make Monique say twice in a row (v7 gave them some).
    const v2 = 'scenarios/versions/appel-entrainement.v2.yaml';
    const warned = scenario(['lint', v2]);
    expect(warned.status).toBe(0);
    const printed = warned.stdout.trim().split('\n');
    for (const line of printed)
      expect(line).toMatch(/^scenarios\/versions\/appel-entrainement\.v2\.yaml:\d+:\d+ {2}warning {2}lint\//);
    const codes = printed.map((line) => line.split(/ {2}/)[2]);
    expect(codes.filter((code) => code === 'lint/missing_examples')).toHaveLength(1);
    expect(codes.filter((code) => code === 'lint/repeated_line')).toHaveLength(8);
    expect(codes).toHaveLength(9);
    const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-lint-'));
    const broken = path.join(dir, 'casse.yaml');
    writeFileSync(broken, 'id: casse\nversion: deux\n');
    const result = scenario(['lint', broken]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(
        `^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+  error  scenario/schema  `,
        'm',
      ),
    );
    expect(result.stderr).toContain('erreur(s)');
  });

  it('graph: Mermaid by default, DOT on request', () => {
    expect(scenario(['graph', tutorial]).stdout.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(scenario(['graph', tutorial, '--format', 'dot']).stdout.startsWith('digraph "appel" {')).toBe(
      true,
    );
  });

  it('play: reads commands from piped stdin, on a simulated clock', () => {
    const result = scenario(['play', tutorial], 'décrocher\n1\nattendre 20\nvars\nraccrocher\nquitter\n');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('> décrocher');
    expect(result.stdout).toContain('[00:00] Monique : « Ah, tant mieux.');
    expect(result.stdout).toContain(
      '[00:20] Monique : « Allô\u00a0? Vous êtes toujours là\u00a0? » (silence)',
    );
    expect(result.stdout).toContain('Détresse (detresse) : 4 [0–10]');
    expect(result.stdout).toContain("Fin de l'appel : raccroche_ecoutant (échec)");
  });

  it('test: runs the play-throughs, reports coverage, exits 0; a failing test exits 1', () => {
    const ok = scenario(['test', 'scenarios/appel-entrainement.tests.yaml', '--no-generated']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('appel-entrainement : 7/7 tests réussis');
    expect(ok.stdout).toContain('couverture des états : 7/7 (100 %)');
    const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-test-'));
    writeFileSync(path.join(dir, 'appel-entrainement.yaml'), readFileSync(path.join(root, tutorial), 'utf8'));
    writeFileSync(
      path.join(dir, 'appel-entrainement.tests.yaml'),
      'scenario: appel-entrainement\ntests:\n  - name: faux\n    steps: [{ at: 0, pickup: true, expect: { lines: [bonjour] } }]\n    end: { ending: rappel, outcome: good }\n',
    );
    const failed = scenario(['test', path.join(dir, 'appel-entrainement.tests.yaml'), '--no-generated']);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('répliques [bonjour] attendues, [allo] dites');
  });

  it('without a command, prints the usage in French and exits 2', () => {
    const result = scenario([]);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('Utilisation : pnpm scenario <commande>');
  });
});
