// The flags a deletion would leave read but never set: named before the delete dialogs' « Oui,
// supprimer », and exactly the ones the lint then reports as « lu mais jamais posé ».
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { lintScenario } from '@ecoute/engine';
import { readDocument } from './document.js';
import { flagsLeftUnset } from './flagReads.js';
import { deleteState } from './machineEdit.js';
import { deleteTableEntry, type CitedTable } from './tableEdit.js';

const dir = new URL('../../../../scenarios/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');

/** The flags the lint says are read but never set. */
const unsetByLint = (text: string) =>
  [
    ...new Set(
      lintScenario('x.yaml', text)
        .issues.map((i) => /drapeau\s«\s(.+?)\s»\slu mais jamais posé/.exec(i.message)?.[1])
        .filter((name): name is string => name !== undefined),
    ),
  ].sort();

const CALL = `id: essai
version: 1
title: Essai
summary: Un appel d'essai.
difficulty: easy
durationMinutes: 5
persona: { name: Lucien, age: 84, place: Toulon, voice: { lang: fr-FR, rate: 1, pitch: 1 }, background: Essai. }
variables: {}
flags:
  compris: { label: Besoin compris }
moves:
  reformuler: { label: Reformuler, category: listening, help: Reformuler. }
  question_ouverte: { label: Question ouverte, category: listening, help: Question. }
lines:
  bonjour: { text: Bonjour. }
endings:
  fin: { outcome: best, message: Fini. }
  perdu: { outcome: failure, message: Perdu. }
hangupEnding: perdu
rubric:
  - id: ecoute
    label: Écoute
    criteria:
      - { id: comprend, label: Comprend le besoin, auto: { flag: compris } }
machine:
  id: essai
  initial: accueil
  states:
    accueil:
      entry: { type: say, params: { line: bonjour } }
      on:
        reformuler:
          target: ecoute
          actions: [{ type: flag, params: { name: compris } }]
        question_ouverte: ecoute
    ecoute:
      on:
        question_ouverte:
          - guard: { type: all, params: { of: [{ type: flag, params: { name: compris } }] } }
            target: fin
            actions: { type: end, params: { ending: fin } }
    fin:
      type: final
`;

describe('flagsLeftUnset', () => {
  it('names the flag a move took with it, and every condition and criterion still reading it', () => {
    const doc = readDocument(CALL);
    const before = doc.toString();
    const unset = flagsLeftUnset(doc, (copy) => void deleteTableEntry(copy, 'moves', 'reformuler'));
    expect(unset).toEqual([
      {
        flag: 'compris',
        label: 'Besoin compris',
        reads: [
          { kind: 'guard', state: 'ecoute', trigger: 'question_ouverte' },
          { kind: 'criterion', label: 'Comprend le besoin' },
        ],
      },
    ]);
    // The dialog's look-ahead changes nothing: the deletion happens only on « Oui, supprimer ».
    expect(doc.toString()).toBe(before);
    // What it warned of is what the lint then says.
    deleteTableEntry(doc, 'moves', 'reformuler');
    expect(unsetByLint(doc.toString())).toEqual(['compris']);
  });

  it('says nothing when the flag is set elsewhere too, or when nothing reads it', () => {
    const setTwice = CALL.replace(
      'question_ouverte: ecoute\n',
      'question_ouverte: { target: ecoute, actions: { type: flag, params: { name: compris } } }\n',
    );
    const doc = readDocument(setTwice);
    expect(flagsLeftUnset(doc, (copy) => void deleteTableEntry(copy, 'moves', 'reformuler'))).toEqual([]);
    const unread = readDocument(
      CALL.replace(
        '      - { id: comprend, label: Comprend le besoin, auto: { flag: compris } }\n',
        '      - { id: comprend, label: Comprend le besoin, judged: true }\n',
      ).replace(
        'guard: { type: all, params: { of: [{ type: flag, params: { name: compris } }] } }',
        'guard: { type: compare, params: { variable: x, op: ">=", value: 1 } }',
      ),
    );
    expect(flagsLeftUnset(unread, (copy) => void deleteTableEntry(copy, 'moves', 'reformuler'))).toEqual([]);
  });

  it("names the flag a state's deletion takes with its transitions", () => {
    const doc = readDocument(CALL);
    const unset = flagsLeftUnset(doc, (copy) => void deleteState(copy, 'accueil'));
    expect(unset.map((u) => u.flag)).toEqual(['compris']);
  });

  // Held against a library call: for every move and inject, the flags named before the deletion
  // are exactly those the lint reports after it (one call: a lint per entry is not cheap).
  it.each(['hameconnage-carte-vitale.yaml'])(
    'agrees with the lint on every move and inject of %s',
    (file) => {
      const text = read(file);
      const doc = readDocument(text);
      const js = doc.toJS() as Record<CitedTable, Record<string, unknown>>;
      let warned = 0;
      for (const table of ['moves', 'injects'] as const)
        for (const id of Object.keys(js[table] ?? {})) {
          const unset = flagsLeftUnset(doc, (copy) => void deleteTableEntry(copy, table, id));
          const copy = readDocument(text);
          deleteTableEntry(copy, table, id);
          expect({ table, id, flags: unset.map((u) => u.flag).sort() }).toEqual({
            table,
            id,
            flags: unsetByLint(copy.toString()),
          });
          warned += unset.length;
        }
      // The library's calls do read flags their moves set: the check above is not all empty.
      expect(warned).toBeGreaterThan(0);
    },
  );
});
