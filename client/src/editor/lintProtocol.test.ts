import { describe, expect, it } from '@jest/globals';
import { ChangeSet, Text } from '@codemirror/state';
import { applyChanges, changeList } from './lintProtocol.js';

/** A small deterministic generator (the test's edits are the same at every run). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('the changes the editor sends its lint worker', () => {
  it('rebuild the text the editor has, over many composed keystrokes, pastes and deletions', () => {
    const next = random(7);
    let doc = Text.of(['machine:', '  states:', '    accueil: { on: { reformuler: fin } }', '    fin: {}']);
    // What the worker holds: the text it was sent first, then each request's changes applied.
    let worker = doc.toString();
    for (let request = 0; request < 40; request++) {
      let unsent: ChangeSet | null = null;
      const keystrokes = 1 + Math.floor(next() * 6);
      for (let k = 0; k < keystrokes; k++) {
        const from = Math.floor(next() * (doc.length + 1));
        const to = Math.min(doc.length, from + Math.floor(next() * 4 * (next() < 0.3 ? 10 : 1)));
        const insert = next() < 0.3 ? '' : 'é\n  x: 1'.slice(0, 1 + Math.floor(next() * 7));
        const change = ChangeSet.of({ from, to, insert }, doc.length);
        doc = change.apply(doc);
        unsent = unsent ? unsent.compose(change) : change;
      }
      worker = applyChanges(worker, changeList(unsent));
      expect(worker).toBe(doc.toString());
    }
  });

  it('no change since the last request is no change', () => {
    expect(changeList(null)).toEqual([]);
    expect(applyChanges('a: 1\n', [])).toBe('a: 1\n');
  });

  it('several changes in one request each count in the text before them', () => {
    const doc = Text.of(['a: 1', 'b: 2']);
    const changes = ChangeSet.of(
      [
        { from: 3, to: 4, insert: '10' },
        { from: 8, to: 9, insert: '20' },
      ],
      doc.length,
    );
    expect(changeList(changes)).toEqual([
      [3, 4, '10'],
      [8, 9, '20'],
    ]);
    expect(applyChanges(doc.toString(), changeList(changes))).toBe('a: 10\nb: 20');
  });
});
