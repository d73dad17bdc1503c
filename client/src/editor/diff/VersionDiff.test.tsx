import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { translate } from '../../i18n/catalogue.js';
import { renderWithSession } from '../../test/renderWithSession.js';
import { VersionDiff } from './VersionDiff.js';
import { scenarioChanges, sideBySide } from './versionDiff.js';

const V1 = `id: essai
version: 1
title: Essai
summary: Un appel d'essai.
difficulty: easy
durationMinutes: 5
persona: { name: Camille, age: 40, place: Lyon, voice: { lang: fr-FR, rate: 1, pitch: 1 }, background: Seule. }
variables:
  confiance: { label: Confiance, min: 0, max: 10, initial: 5 }
lines:
  bonjour: { text: "Allô ? Bonjour." }
  merci: { text: "Merci, au revoir." }
moves:
  se_presenter: { label: Se présenter, category: listening, help: Dire son prénom. }
  rassurer: { label: Rassurer, category: listening, help: Dire que tout va bien. }
endings:
  aidee: { outcome: best, message: La personne a été aidée. }
  raccroche: { outcome: failure, message: La personne a raccroché. }
hangupEnding: raccroche
rubric:
  - id: accueil
    label: Accueil
    criteria:
      - { id: se_presente, label: Se présente, auto: { move: se_presenter } }
machine:
  id: appel
  initial: accueil
  states:
    accueil:
      label: Accueil
      entry: { type: say, params: { line: bonjour } }
      on:
        se_presenter: fin
    fin:
      label: Fin
      type: final
      entry:
        - { type: say, params: { line: merci } }
        - { type: end, params: { ending: aidee } }
`;

// Version 2: a new state « Écoute » between the greeting and the end, the thanks reworded, a
// criterion added; the rest of the text as it was.
const V2 = V1.replace('Merci, au revoir.', 'Merci beaucoup, au revoir.')
  .replace(
    '      - { id: se_presente, label: Se présente, auto: { move: se_presenter } }\n',
    '      - { id: se_presente, label: Se présente, auto: { move: se_presenter } }\n      - { id: rassure, label: Rassure, auto: { move: rassurer } }\n',
  )
  .replace(
    '        se_presenter: fin\n',
    '        se_presenter: ecoute\n    ecoute:\n      label: Écoute\n      on:\n        rassurer: fin\n',
  );

describe('VersionDiff', () => {
  it('lists what changed in states, transitions, lines and rubric, and shows both texts', async () => {
    const asked: number[] = [];
    renderWithSession(
      <VersionDiff
        versions={[
          { version: 1, status: 'published', changedBy: 'Alex', changedAt: '2026-01-01T00:00:00Z' },
          { version: 2, status: 'draft', changedBy: 'Alex', changedAt: '2026-01-02T00:00:00Z' },
        ]}
        loadText={(version) => {
          asked.push(version);
          return Promise.resolve(version === 1 ? V1 : V2);
        }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Comparer' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/comparée/), {
      timeout: 10_000,
    });
    expect(asked.sort()).toEqual([1, 2]);

    const section = (name: string) =>
      (screen.getByRole('heading', { name }).nextElementSibling?.textContent ?? '').replace(/\s+/g, ' ');
    expect(section('États')).toBe('Modifié : AccueilAjouté : Écoute');
    expect(section('Transitions')).toMatch(/Supprimé : De « Accueil » vers « Fin » : Se présenter/);
    expect(section('Transitions')).toMatch(/Ajouté : De « Accueil » vers « Écoute » : Se présenter/);
    expect(section('Transitions')).toMatch(/Ajouté : De « Écoute » vers « Fin » : Rassurer/);
    expect(section('Répliques')).toBe('Modifié : « Merci beaucoup, au revoir. »');
    expect(section("Grille d'évaluation")).toBe('Ajouté : Accueil — Rassure');

    const table = screen.getByRole('table');
    const removed = [...table.querySelectorAll('del')].map((d) => d.textContent);
    const added = [...table.querySelectorAll('ins')].map((d) => d.textContent);
    expect(removed.join('\n')).toMatch(/se_presenter: fin/);
    expect(added.join('\n')).toMatch(/label: Écoute/);
    expect(added.join('\n')).toMatch(/Merci beaucoup/);
    // Identical runs far from any change are folded.
    expect(within(table).getAllByText(/\d+ lignes? identiques?/).length).toBeGreaterThan(0);
  });

  it('reads both versions with the engine: a reformatted text is no change', () => {
    const words = (from: string, to: string, label: string) => `${from}>${to}:${label}`;
    const changed = scenarioChanges(V1, V2, words);
    // « Accueil » now leads to « Écoute »: its own definition changed.
    expect(changed.ok && changed.changes.states).toEqual([
      { kind: 'changed', label: 'Accueil' },
      { kind: 'added', label: 'Écoute' },
    ]);
    const same = scenarioChanges(
      V1,
      V1.replace('{ text: "Allô ? Bonjour." }', '\n    text: "Allô ? Bonjour."'),
      words,
    );
    expect(same).toEqual({
      ok: true,
      changes: { states: [], transitions: [], lines: [], rubric: [], other: [] },
    });
  });

  it('names the rest of the call that changed: a new title alone is not « Aucun changement »', async () => {
    const retitled = V1.replace('version: 1', 'version: 2')
      .replace('title: Essai', 'title: Essai corrigé')
      .replace('place: Lyon', 'place: Lille');
    renderWithSession(
      <VersionDiff
        versions={[
          { version: 1, status: 'published', changedBy: 'Alex', changedAt: '2026-01-01T00:00:00Z' },
          { version: 2, status: 'published', changedBy: 'Alex', changedAt: '2026-01-02T00:00:00Z' },
        ]}
        loadText={(version) => Promise.resolve(version === 1 ? V1 : retitled)}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Comparer' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/comparée/), {
      timeout: 10_000,
    });
    const section = (name: string) =>
      (screen.getByRole('heading', { name }).nextElementSibling?.textContent ?? '').replace(/\s+/g, ' ');
    // What the author reads, from the French catalogue.
    const changed = (part: 'studio.forms.call' | 'studio.forms.persona') =>
      translate('fr', 'studio.diff.changed', { label: translate('fr', part) }).replace(/\s+/g, ' ');
    expect(section('États')).toBe(translate('fr', 'studio.diff.noChange'));
    // The version number changes with every version: not a change worth naming.
    expect(section(translate('fr', 'studio.diff.other'))).toBe(
      changed('studio.forms.call') + changed('studio.forms.persona'),
    );
    const words = (from: string, to: string, label: string) => `${from}>${to}:${label}`;
    const moved = scenarioChanges(
      V1,
      V1.replace('rate: 1', 'rate: 0.9').replace('Dire que', 'Dire bien que'),
      words,
    );
    expect(moved.ok && moved.changes.other).toEqual(['persona', 'moves']);
  });

  it('pairs a replaced line with its replacement and numbers both sides', () => {
    const rows = sideBySide('a\nb\nc\n', 'a\nB\nc\nd\n');
    expect(rows.map((r) => [r.kind, r.left?.n, r.left?.text, r.right?.n, r.right?.text])).toEqual([
      ['same', 1, 'a', 1, 'a'],
      ['changed', 2, 'b', 2, 'B'],
      ['same', 3, 'c', 3, 'c'],
      ['added', undefined, undefined, 4, 'd'],
    ]);
  });
});
