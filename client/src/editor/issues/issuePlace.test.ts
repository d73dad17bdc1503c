// Where the forms mend an issue: read from the keys that lead to the place it points at.
import { describe, expect, it } from '@jest/globals';
import { lintScenario } from '@ecoute/engine';
import { issueOffset } from './IssueList.js';
import { issuePlace, keysAt } from './issuePlace.js';

const TEXT = `id: essai
version: 1
title: Essai
summary: Un appel.
difficulty: easy
durationMinutes: 5
persona: { name: Camille, age: 40, place: Lyon, voice: { lang: fr-FR, rate: 1, pitch: 1 }, background: Seule. }
variables:
  confiance: { label: Confiance, min: 0, max: 10, initial: 5 }
lines:
  bonjour: { text: "Allô ? Bonjour." }
  jamais: { text: Jamais dite. }
moves:
  se_presenter: { label: Se présenter, category: listening, help: Dire son prénom. }
endings:
  aidee: { outcome: best, message: Aidée. }
hangupEnding: aidee
machine:
  id: appel
  initial: accueil
  states:
    accueil:
      label: Accueil
      entry: { type: say, params: { line: bonjour } }
      on:
        se_presenter: ecoute.debut
    ecoute:
      initial: debut
      states:
        debut: { label: Début }
    fin:
      label: Fin
      type: final
      entry: { type: end, params: { ending: aidee } }
`;
const at = (needle: string) => TEXT.indexOf(needle);

describe('where an issue is mended in the forms', () => {
  it('the keys that lead to a place, in block and flow style', () => {
    expect(keysAt(TEXT, at('Jamais dite'))).toEqual(['lines', 'jamais', 'text']);
    expect(keysAt(TEXT, at('Début'))).toEqual(['machine', 'states', 'ecoute', 'states', 'debut', 'label']);
    expect(keysAt(TEXT, at('line: bonjour'))).toEqual([
      'machine',
      'states',
      'accueil',
      'entry',
      'params',
      'line',
    ]);
  });

  it('a state (nested too), a table entry, a tab; nothing for what only the YAML says', () => {
    expect(issuePlace(TEXT, at('Début'))).toEqual({ kind: 'state', state: 'ecoute.debut' });
    expect(issuePlace(TEXT, at('se_presenter: ecoute'))).toEqual({ kind: 'state', state: 'accueil' });
    expect(issuePlace(TEXT, at('jamais:'))).toEqual({
      kind: 'form',
      tab: 'lines',
      table: 'lines',
      entry: 'jamais',
    });
    expect(issuePlace(TEXT, at('Seule.'))).toEqual({ kind: 'form', tab: 'persona' });
    expect(issuePlace(TEXT, at('hangupEnding'))).toEqual({ kind: 'form', tab: 'endings' });
    expect(issuePlace(TEXT, at('id: essai'))).toBeNull();
    expect(issuePlace(TEXT, at('id: appel'))).toBeNull();
    expect(issuePlace('machine: [', 3)).toBeNull();
  });

  it("the lint's own issues on this call: each one a place in the forms", () => {
    const { issues } = lintScenario('essai.yaml', TEXT);
    const places = issues.map((issue) => [issue.code, issuePlace(TEXT, issueOffset(issue, TEXT, []))]);
    expect(places).toEqual(
      expect.arrayContaining([
        ['lint/line_never_said', { kind: 'form', tab: 'lines', table: 'lines', entry: 'jamais' }],
        ['lint/unreachable_state', { kind: 'state', state: 'fin' }],
        ['lint/dead_end', { kind: 'state', state: 'ecoute.debut' }],
      ]),
    );
  });
});
