import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import type { ScenarioGraph } from '@ecoute/engine';
import { renderWithSession } from '../test/renderWithSession.js';
import { edgeKey } from './graphPath.js';
import { GraphText } from './GraphText.js';

const graph: ScenarioGraph = {
  nodes: [
    { id: 'accueil', label: 'Accueil', parent: null, type: 'atomic', description: null },
    { id: 'ecoute', label: 'Écoute', parent: null, type: 'atomic', description: null },
    { id: 'fin_ok', label: 'Fin apaisée', parent: null, type: 'final', description: null },
  ],
  edges: [
    { id: 'e1', source: 'accueil', target: 'ecoute', label: 'Se présenter', kind: 'move' },
    { id: 'e2', source: 'ecoute', target: 'fin_ok', label: 'Proposer un rappel', kind: 'move' },
  ],
};

describe('GraphText', () => {
  it('names every state by its label with its status in words, and the transitions taken', () => {
    const { container } = renderWithSession(
      <GraphText
        graph={graph}
        highlight={{
          active: new Set(['ecoute']),
          visited: new Set(['accueil', 'ecoute']),
          taken: new Set([edgeKey('accueil', 'ecoute')]),
        }}
      />,
    );
    const states = [...container.querySelectorAll('.graph-text__states li')].map((li) => li.textContent);
    expect(states).toEqual([
      'Accueil — déjà traversé',
      'Écoute — état actif',
      'Fin apaisée — pas encore atteint',
    ]);
    expect(screen.getByText('Transition de « Accueil » vers « Écoute »')).toBeTruthy();
    expect(container.textContent).not.toMatch(/Edge from|fin_ok/);
  });
});
