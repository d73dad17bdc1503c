// The graph's forms beyond adding: a transition edited in place, conditions combined, parallel
// states, lines and moves renamed or deleted with their references. Held against every call of
// the library: each still reads (and lints without error where the edit leaves it whole), and the
// comments and order of what the edit did not touch stay as written.
import { describe, expect, it } from '@jest/globals';
import { lintScenario, parseScenario, scenarioGraphModel } from '@ecoute/engine';
import { editYaml, readDocument } from './document.js';
import {
  addState,
  addTransition,
  readTransition,
  statesOf,
  transitionsFrom,
  updateTransition,
  type NewTransition,
} from './machineEdit.js';
import { deleteTableEntry, renameTableEntry, tableReferences, type CitedTable } from './tableEdit.js';
import { changed, libraryFiles as files, readLibraryFile as read } from './testFixtures.js';

const TRAINING = read('appel-entrainement.yaml');

const parsed = (text: string) => {
  const result = parseScenario(text);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.code} ${e.message}`).join('\n'));
  return result.scenario;
};
const lintErrors = (text: string) =>
  lintScenario('x.yaml', text)
    .issues.filter((i) => i.severity === 'error')
    .map((i) => `${i.code} ${i.message}`);

/** Every transition of a call with one target or none: its state, its place, what it says. */
function everyTransition(text: string) {
  const doc = readDocument(text);
  const machine = (doc.toJS() as { machine: Record<string, unknown> }).machine;
  return [...statesOf(machine).keys()].flatMap((state) =>
    transitionsFrom(doc, state)
      .filter((t) => t.targets.length <= 1)
      .map((t) => ({ state, path: t.path, written: readTransition(doc, state, t.path) }))
      // A transition written as an alias (`*refus`) is not read: the form does not offer it.
      .filter((t): t is typeof t & { written: NonNullable<typeof t.written> } => t.written !== null),
  );
}

const asNew = (state: string, written: NonNullable<ReturnType<typeof readTransition>>): NewTransition => ({
  source: state,
  trigger: written.trigger,
  target: written.target,
  guard: written.guard,
  actions: written.actions,
});

describe('a transition edited in place', () => {
  it.each(files)('saved as it was read, every transition of %s gives the text back byte for byte', (file) => {
    const text = read(file);
    const all = everyTransition(text);
    expect(all.length).toBeGreaterThan(5);
    // Every transition saved as read, in one edit: not one byte changes.
    expect(
      editYaml(text, (doc) => {
        for (const { state, path, written } of all) updateTransition(doc, path, asNew(state, written));
      }),
    ).toBe(text);
  });

  it('a new target, condition and actions stay at the same place among the candidates, comments kept', () => {
    const doc = readDocument(TRAINING);
    const candidates = transitionsFrom(doc, 'ecoute').filter((t) => t.trigger === 'guider_pas_a_pas');
    expect(candidates).toHaveLength(2);
    const first = candidates[0]!;
    const written = readTransition(doc, 'ecoute', first.path)!;
    const guard = {
      type: 'all',
      params: {
        of: [
          { type: 'compare', params: { variable: 'confiance', op: '>=', value: 4 } },
          {
            type: 'any',
            params: {
              of: [
                { type: 'not', params: { guard: { type: 'visited', params: { state: 'perdue' } } } },
                { type: 'moveCount', params: { move: 'reformuler', op: '>=', value: 2 } },
              ],
            },
          },
        ],
      },
    };
    const after = editYaml(TRAINING, (d) =>
      updateTransition(d, first.path, {
        ...asNew('ecoute', written),
        target: 'rappel',
        guard,
        actions: [{ type: 'say', params: { line: 'allo' } }],
      }),
    );
    const again = transitionsFrom(readDocument(after), 'ecoute').filter(
      (t) => t.trigger === 'guider_pas_a_pas',
    );
    expect(again.map((t) => t.targets)).toEqual([['rappel'], candidates[1]!.targets]);
    expect(readTransition(readDocument(after), 'ecoute', again[0]!.path)).toMatchObject({
      guard,
      actions: [{ type: 'say', params: { line: 'allo' } }],
    });
    // The order of the states' own keys and every comment of the file stay.
    const comments = (text: string) => text.split('\n').filter((l) => l.trim().startsWith('#'));
    expect(comments(after)).toEqual(comments(TRAINING));
    expect(changed(TRAINING, after).every((line) => !line.includes('label:'))).toBe(true);
    expect(lintErrors(after)).toEqual([]);
  });

  it('on another trigger, the transition leaves its place and is added there', () => {
    const doc = readDocument(TRAINING);
    const out = transitionsFrom(doc, 'ecoute').find((t) => t.trigger === 'proposer_rappel')!;
    const written = readTransition(doc, 'ecoute', out.path)!;
    const after = editYaml(TRAINING, (d) =>
      updateTransition(d, out.path, { ...asNew('ecoute', written), trigger: { kind: 'after', ms: 45000 } }),
    );
    const on = parsed(after).machine.states['ecoute']!;
    expect(on.on!['proposer_rappel']).toBeUndefined();
    expect(on.after!['45000']).toEqual(parsed(TRAINING).machine.states['ecoute']!.on!['proposer_rappel']);
    expect(lintErrors(after)).toEqual([]);
  });

  it('a target written alone stays alone; given a condition, it becomes an object in its place', () => {
    const text =
      'machine:\n  id: m\n  initial: a\n  states:\n    a:\n      on:\n        go: b # vers b\n    b: {}\n';
    const doc = readDocument(text);
    const [go] = transitionsFrom(doc, 'a');
    const written = readTransition(doc, 'a', go!.path)!;
    expect(written).toMatchObject({ trigger: { kind: 'event', event: 'go' }, target: 'b', actions: [] });
    expect(
      editYaml(text, (d) => updateTransition(d, go!.path, { ...asNew('a', written), target: 'a' })),
    ).toBe(text.replace('go: b # vers b', 'go: a # vers b'));
    const guarded = editYaml(text, (d) =>
      updateTransition(d, go!.path, {
        ...asNew('a', written),
        guard: { type: 'flag', params: { name: 'pret' } },
      }),
    );
    expect(
      (readDocument(guarded).toJS() as { machine: { states: { a: unknown } } }).machine.states.a,
    ).toEqual({
      on: { go: { target: 'b', guard: { type: 'flag', params: { name: 'pret' } } } },
    });
  });
});

describe('a parallel state from the forms', () => {
  it('is written with its regions, drawn as a parallel node, and lints clean once it has a way out', () => {
    let text = editYaml(TRAINING, (doc) =>
      addState(doc, '', 'suivi', {
        label: 'Suivi',
        regions: [
          { name: 'emotion', label: 'Émotion' },
          { name: 'alerte', label: 'Alerte' },
        ],
      }),
    );
    text = editYaml(text, (doc) => addState(doc, 'suivi.emotion', 'calme', { label: 'Calme' }));
    text = editYaml(text, (doc) => addState(doc, 'suivi.emotion', 'agitee', { label: 'Agitée' }));
    text = editYaml(text, (doc) =>
      addTransition(doc, {
        source: 'suivi.emotion.calme',
        trigger: { kind: 'event', event: 'reformuler' },
        target: 'suivi.emotion.agitee',
      }),
    );
    text = editYaml(text, (doc) =>
      addTransition(doc, {
        source: 'suivi',
        trigger: { kind: 'event', event: 'proposer_rappel' },
        target: 'rappel',
      }),
    );
    text = editYaml(text, (doc) =>
      addTransition(doc, {
        source: 'accueil',
        trigger: { kind: 'event', event: 'valider_emotion' },
        target: 'suivi',
      }),
    );
    const scenario = parsed(text);
    expect(scenario.machine.states['suivi']).toMatchObject({
      type: 'parallel',
      states: { emotion: { label: 'Émotion', initial: 'calme' }, alerte: { label: 'Alerte' } },
    });
    expect(scenario.machine.states['suivi']!.initial).toBeUndefined();
    const nodes = scenarioGraphModel(scenario).nodes;
    expect(nodes.find((n) => n.id === 'suivi')).toMatchObject({ type: 'parallel', label: 'Suivi' });
    expect(nodes.filter((n) => n.parent === 'suivi').map((n) => n.id)).toEqual([
      'suivi.emotion',
      'suivi.alerte',
    ]);
    expect(lintErrors(text)).toEqual([]);
    expect(text.startsWith(TRAINING.split('\nmachine:')[0]!)).toBe(true);
  });
});

describe('lines, moves and injects renamed or deleted with their references', () => {
  const tables: CitedTable[] = ['lines', 'moves', 'injects'];

  it('the training call: what cites a move, a line, an inject', () => {
    const doc = readDocument(TRAINING);
    expect(tableReferences(doc, 'moves', 'se_presenter').map((r) => r.kind)).toEqual(['event', 'criterion']);
    expect(tableReferences(doc, 'lines', 'toujours_la').map((r) => r.kind)).toEqual(['say', 'say', 'say']);
    expect(tableReferences(doc, 'injects', 'sonnette').map((r) => r.kind)).toEqual(['event']);
  });

  it.each(files)(
    'in %s, every entry renamed reads with every reference followed; back gives the text',
    (file) => {
      const text = read(file);
      const scenario = parsed(text);
      const doc = readDocument(text);
      const ids = tables.flatMap((table) =>
        Object.keys(scenario[table] ?? {}).map((id) => [table, id] as const),
      );
      const counts = ids.map(([table, id]) => tableReferences(doc, table, id).length);
      expect(counts.some((n) => n > 0)).toBe(true);
      const renamed = editYaml(text, (d) => {
        for (const [table, id] of ids) renameTableEntry(d, table, id, `${id}_renomme`);
      });
      const after = parsed(renamed);
      const renamedDoc = readDocument(renamed);
      for (const table of tables)
        expect(Object.keys(after[table] ?? {})).toEqual(
          Object.keys(scenario[table] ?? {}).map((id) => `${id}_renomme`),
        );
      expect(ids.map(([table, id]) => tableReferences(renamedDoc, table, `${id}_renomme`).length)).toEqual(
        counts,
      );
      // Back to the first names: the same call, every comment in place; byte for byte where the
      // merge could keep every line (a multi-line flow mapping next to a renamed one is rewritten).
      const back = editYaml(renamed, (d) => {
        for (const [table, id] of ids) renameTableEntry(d, table, `${id}_renomme`, id);
      });
      expect(parsed(back)).toEqual(scenario);
      const comments = (t: string) => t.split('\n').filter((l) => l.trim().startsWith('#'));
      expect(comments(back)).toEqual(comments(text));
      if (file === 'appel-entrainement.yaml') expect(back).toBe(text);
    },
  );

  it.each(files)('in %s, the lines and moves cited the most, deleted, take what cited them', (file) => {
    const text = read(file);
    const scenario = parsed(text);
    const doc = readDocument(text);
    for (const table of ['lines', 'moves'] as const) {
      const ids = Object.keys(scenario[table])
        .map((id) => [id, tableReferences(doc, table, id).length] as const)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3);
      for (const [id] of ids) {
        const deleted = editYaml(text, (d) => void deleteTableEntry(d, table, id));
        expect(tableReferences(readDocument(deleted), table, id)).toEqual([]);
        const result = parseScenario(deleted);
        const errors = result.ok ? [] : result.errors.map((e) => e.message);
        // Nothing names the deleted entry any more. A line's deletion leaves the call whole; a
        // move's takes its transitions, and a flag only those raised may be left read, never set.
        expect(errors.filter((e) => e.includes(`«\u00a0${id}\u00a0»`))).toEqual([]);
        if (table === 'lines') expect(errors).toEqual([]);
        else expect(errors.filter((e) => !/^drapeau .* lu mais jamais posé/.test(e))).toEqual([]);
        if (result.ok) expect(Object.keys(result.scenario[table])).not.toContain(id);
      }
    }
  });

  it('a deletion removes only what cites it: the comments and the other entries stay', () => {
    const deleted = editYaml(TRAINING, (doc) => void deleteTableEntry(doc, 'moves', 'se_presenter'));
    const removed = changed(TRAINING, deleted).filter((l) => l.startsWith('-'));
    expect(changed(TRAINING, deleted).filter((l) => l.startsWith('+'))).toEqual([]);
    expect(removed.some((l) => l.startsWith('-#'))).toBe(false);
    expect(removed).toContain('-se_presenter:');
    expect(removed).toContain('-target: ecoute');
  });
});
