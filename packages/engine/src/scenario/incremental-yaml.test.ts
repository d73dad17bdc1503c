// The studio's incremental reading must say exactly what a whole reading says: same value, same
// issues at the same lines and columns, same state ranges — after any edit, valid or not.
import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { lintScenario } from '../tools/lint.js';
import { stateRangesOf } from '../tools/state-ranges.js';
import { IncrementalYaml } from './incremental-yaml.js';
import { loadYaml, type LoadedYaml } from './parse.js';

const library = (id: string) =>
  readFileSync(new URL(`../../../../scenarios/${id}.yaml`, import.meta.url), 'utf8');

/** A small deterministic generator (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ranges = (loaded: LoadedYaml | undefined) => (loaded ? stateRangesOf(loaded.doc) : null);

function expectSameAsWhole(incremental: IncrementalYaml, text: string): void {
  const whole = lintScenario('s.yaml', text);
  const parts = lintScenario('s.yaml', text, { load: incremental.load });
  // Compared as JSON text: Jest's deep equality is slow on a whole scenario.
  expect(JSON.stringify(parts.issues)).toBe(JSON.stringify(whole.issues));
  expect(JSON.stringify(parts.scenario)).toBe(JSON.stringify(whole.scenario));
  expect(JSON.stringify(ranges(parts.loaded))).toBe(JSON.stringify(ranges(whole.loaded)));
  const read = incremental.load(text);
  const full = loadYaml(text);
  expect(JSON.stringify(read.ok ? read.loaded.value : read.errors)).toBe(
    JSON.stringify(full.ok ? full.loaded.value : full.errors),
  );
}

describe('IncrementalYaml', () => {
  it('reads the tutorial call, then each keystroke of random edits, exactly as a whole read does', () => {
    const next = random(13);
    const incremental = new IncrementalYaml();
    let text = library('appel-entrainement');
    expectSameAsWhole(incremental, text);
    const typed = ['x', ' ', ':', '\n', '# ', '- ', "'", '{', '  ', 'é'];
    for (let i = 0; i < 12; i++) {
      const at = Math.floor(next() * text.length);
      if (i % 4 === 3) {
        // Delete a line now and then.
        const start = text.lastIndexOf('\n', at) + 1;
        const end = text.indexOf('\n', at);
        text = text.slice(0, start) + text.slice(end === -1 ? text.length : end + 1);
      } else {
        text = text.slice(0, at) + typed[Math.floor(next() * typed.length)]! + text.slice(at);
      }
      expectSameAsWhole(incremental, text);
    }
  });

  it('types a word into a state label, a line and a comment of another call', () => {
    const incremental = new IncrementalYaml();
    const original = library('appel-entrainement');
    const spots = [original.indexOf('label:', original.indexOf('machine:')), original.indexOf('text:'), 0];
    for (const spot of spots) {
      let text = original;
      for (const ch of 'oui') {
        text = text.slice(0, spot + 8) + ch + text.slice(spot + 8);
        expectSameAsWhole(incremental, text);
      }
    }
  });

  it('reads the whole text where cutting could change the meaning: aliases, a key twice, documents', () => {
    const incremental = new IncrementalYaml();
    const text = library('appel-entrainement');
    const cases = [
      `${text}\nextra: &a { x: 1 }\nautre: *a\n`,
      `${text}\ntitle: Deux fois\n`,
      `${text}\n---\nid: second\n`,
      `%YAML 1.2\n---\n${text}`,
    ];
    for (const variant of cases) expectSameAsWhole(incremental, variant);
    expect(incremental.load(cases[1]!)).toMatchObject({
      ok: false,
      errors: [expect.objectContaining({ message: expect.stringMatching(/clé « title » en double/) })],
    });
  });
});
