// A rename in the studio and the play-through tests. The studio's calls (created, imported or
// duplicated) are stored as their YAML alone: none has a `.tests.yaml` for a rename to rewrite.
// A duplicate of a built-in call leaves the built-in's `.tests.yaml` behind on purpose — it names
// the built-in's id and ids — and its tests are the generated paths (« Couverture »), read from the
// text as it is, so they follow a rename.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { compileScenario, parsePlayThroughs, parseScenario, runScenarioTests } from '@ecoute/engine';
import { editYaml, readDocument } from '../yamlEdit/document.js';
import { renameTableEntry } from '../yamlEdit/tableEdit.js';
import { draftCoverage } from './draftCoverage.js';

const dir = new URL('../../../../scenarios/', import.meta.url);
const CALL = readFileSync(new URL('appel-entrainement.yaml', dir), 'utf8');
const TESTS = readFileSync(new URL('appel-entrainement.tests.yaml', dir), 'utf8');

describe('a duplicate of a built-in call, renamed in the studio', () => {
  const moves = Object.keys((readDocument(CALL).toJS() as { moves: Record<string, unknown> }).moves);
  const renamed = editYaml(CALL, (doc) => {
    for (const move of moves) renameTableEntry(doc, 'moves', move, `${move}_bis`);
  });

  it('keeps its tests working: the generated paths reach as much after the rename as before', () => {
    expect(renamed).not.toBe(CALL);
    const before = draftCoverage(CALL);
    const after = draftCoverage(renamed);
    if (!before.ok || !after.ok) throw new Error('the call should read');
    expect(after.failed).toEqual([]);
    expect(after.paths).toBe(before.paths);
    expect(after.unreached).toEqual(before.unreached);
    expect(after.states).toEqual(before.states);
    expect(after.transitions.covered).toBe(before.transitions.covered);
    expect(after.transitions.total).toBe(before.transitions.total);
  });

  it("would fail the built-in's own play-through tests, which is why they are not the copy's", () => {
    const file = parsePlayThroughs(TESTS);
    if (!file.ok) throw new Error('the tests should read');
    const compile = (text: string) => {
      const parsed = parseScenario(text);
      if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
      return compileScenario(parsed.scenario);
    };
    const failing = (text: string) =>
      runScenarioTests(compile(text), file.file, { skipGenerated: true }).tests.filter((r) => !r.passed)
        .length;
    expect(failing(CALL)).toBe(0);
    expect(failing(renamed)).toBeGreaterThan(0);
  });
});
