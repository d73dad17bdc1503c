import { describe, expect, it } from '@jest/globals';
import { useState } from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  compileScenario,
  frenchText,
  parseScenario,
  runScenarioTests,
  scenarioGraphModel,
  type EngineMessage,
} from '@ecoute/engine';
import { translate } from '../../i18n/catalogue.js';
import { engineText } from '../../i18n/engineText.js';
import { reachedHighlight } from '../../charts/graphPath.js';
import { renderWithSession } from '../../test/renderWithSession.js';
import { CoveragePanel, type Reached } from './CoveragePanel.js';
import { labelled } from './draftCoverage.js';

// Two endings reachable from the greeting; « Oubliée » has no way in, so neither it nor its
// transition is ever reached.
const CALL = `
id: couverture
version: 1
title: Couverture
summary: Un appel d'essai.
difficulty: easy
durationMinutes: 5
persona: { name: Camille, age: 40, place: Lyon, voice: { lang: fr-FR, rate: 1, pitch: 1 }, background: Seule. }
variables:
  confiance: { label: Confiance, min: 0, max: 10, initial: 5 }
lines:
  bonjour: { text: "Allô ?" }
moves:
  se_presenter: { label: Se présenter, category: listening, help: Dire son prénom. }
  rassurer: { label: Rassurer, category: listening, help: Dire que tout va bien. }
endings:
  aidee: { outcome: best, message: La personne a été aidée. }
  raccroche: { outcome: failure, message: La personne a raccroché. }
hangupEnding: raccroche
machine:
  id: appel
  initial: accueil
  states:
    accueil:
      label: Accueil
      entry: { type: say, params: { line: bonjour } }
      on:
        se_presenter: fin
    oubliee:
      label: Oubliée
      on:
        rassurer: fin
    fin:
      label: Fin
      type: final
      entry: { type: end, params: { ending: aidee } }
`;

describe('CoveragePanel', () => {
  it('runs the play-throughs and names the states and transitions never reached', async () => {
    const parsed = parseScenario(CALL);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const graph = scenarioGraphModel(parsed.scenario);
    const reached: (Reached | null)[] = [];
    const onReached = (r: Reached | null) => reached.push(r);
    // The editor's text as state: a button stands for a keystroke.
    function Editor() {
      const [text, setText] = useState(CALL);
      return (
        <>
          <button type="button" onClick={() => setText(`${CALL}\n`)}>
            type
          </button>
          <CoveragePanel text={text} graph={graph} onReached={onReached} />
        </>
      );
    }
    renderWithSession(<Editor />);
    fireEvent.click(screen.getByRole('button', { name: 'Lancer les tests de parcours' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/parcours joués/));
    const summary = screen.getByRole('status').textContent ?? '';
    expect(summary).toMatch(/états atteints\s*:\s*2 sur 3/);
    expect(summary).toMatch(/transitions prises\s*:\s*1 sur 2/);
    const missing = screen.getAllByRole('list').map((l) => l.textContent ?? '');
    expect(missing).toContain('Oubliée');
    expect(missing.join(' ')).toMatch(/De\s«\s?Oubliée\s?»\svers\s«\s?Fin\s?»\s?:\sRassurer/);

    // On the graph: reached states drawn as visited, « Oubliée » left unvisited.
    const last = reached.at(-1);
    expect(last?.states.sort()).toEqual(['accueil', 'fin']);
    const highlight = reachedHighlight(graph, [], last ?? { states: [], transitions: [] });
    expect(highlight.visited.has('oubliee')).toBe(false);
    expect(highlight.visited.has('fin')).toBe(true);
    expect([...highlight.taken]).toEqual(['accueil->fin']);

    // Once the text changes, the result is dropped (and the graph's marks with it).
    fireEvent.click(screen.getByRole('button', { name: 'type' }));
    expect(reached.at(-1)).toBeNull();
    expect(screen.queryByText('Oubliée')).toBeNull();
  });

  it('says « Aucun. » of states and « Aucune. » of transitions when every one was reached', async () => {
    const whole = CALL.replace(/ {4}oubliee:\n(?: {6}.*\n)+/, '');
    const parsed = parseScenario(whole);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    renderWithSession(
      <CoveragePanel text={whole} graph={scenarioGraphModel(parsed.scenario)} onReached={() => undefined} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Lancer les tests de parcours' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(/états atteints\s*:\s*2 sur 2/),
    );
    const after = (heading: string) =>
      screen.getByRole('heading', { name: heading }).nextElementSibling?.textContent;
    expect(after('États jamais atteints')).toBe('Aucun.');
    expect(after('Transitions jamais prises')).toBe('Aucune.');
  });

  it("words a failed play-through and what went wrong in the page's language", async () => {
    // « Accueil » is left at once (after 0 ms): the search thinks a move said at the pickup's time
    // comes first, the call has ended when the path plays it.
    const text = CALL.replace(
      '      on:\n        se_presenter: fin\n',
      '      after: { 0: { target: fin } }\n      on:\n        se_presenter: fin\n',
    );
    const parsed = parseScenario(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const graph = scenarioGraphModel(parsed.scenario);
    const m = (code: EngineMessage['code'], params?: EngineMessage['params']): EngineMessage =>
      params ? { code, params } : { code };
    const refusedMove = m('test.refused', {
      // The move by its label, as its button says it (its id is the text's).
      step: m('test.step', { at: 0, what: m('test.step.move', { move: 'Se présenter' }) }),
      code: 'session/ended',
      message: m('run.ended'),
    });
    const failedPaths = (lang: 'fr' | 'en') => {
      const view = renderWithSession(
        <CoveragePanel text={text} graph={graph} onReached={() => undefined} />,
        {
          lang,
        },
      );
      fireEvent.click(screen.getByRole('button', { name: translate(lang, 'studio.coverage.run') }));
      return {
        view,
        list: () => screen.getByRole('list', { name: translate(lang, 'studio.coverage.failed') }),
      };
    };

    const english = failedPaths('en');
    const list = await waitFor(english.list);
    const paths = within(list)
      .getAllByRole('listitem')
      .filter((item) => item.parentElement === list);
    expect(paths[0]!.firstChild?.textContent).toBe(
      engineText('en', m('test.generated.shortest', { ending: 'aidee', steps: 2 })),
    );
    expect(
      within(paths[0]!)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([engineText('en', refusedMove)]);
    // No French left in what the list says (the ending's id is the call's own word).
    expect(list.textContent).not.toMatch(/chemin|étape|refusée|attendue|obtenue|terminé/);
    english.view.unmount();

    // In French, the engine's own words, as the command line prints them, but the move's label
    // where the command line gives its id.
    const report = runScenarioTests(compileScenario(parsed.scenario), undefined);
    const french = failedPaths('fr');
    const frenchList = await waitFor(french.list);
    const printed = report.generated
      .filter((path) => !path.passed)
      .map((path) => path.name + path.failures.join(''))
      .join('');
    const step = (move: string) => frenchText(m('test.step.move', { move }));
    expect(printed).toContain(step('se_presenter'));
    expect(frenchList.textContent).toBe(printed.replaceAll(step('se_presenter'), step('Se présenter')));
  });

  it('names moves and events by their labels in what went wrong, nested messages too; an id the call lacks as written', () => {
    const parsed = parseScenario(CALL);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const message: EngineMessage = {
      code: 'test.refused',
      params: {
        step: {
          code: 'test.step',
          params: { at: 0, what: { code: 'test.step.move', params: { move: 'rassurer' } } },
        },
        code: 'input/not_available',
        message: { code: 'run.move_not_now', params: { move: 'rassurer' } },
      },
    };
    expect(engineText('fr', labelled(message, parsed.scenario))).toBe(
      engineText('fr', message).replaceAll('rassurer', 'Rassurer'),
    );
    const unknown: EngineMessage = { code: 'run.unknown_move', params: { move: 'inconnue' } };
    expect(labelled(unknown, parsed.scenario)).toEqual(unknown);
  });
});
