import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { renderWithSession } from '../test/renderWithSession.js';
import { OutcomePanel } from './OutcomePanel.js';

describe('the outcome panel', () => {
  it('says once that the trainer ended the call', () => {
    renderWithSession(
      <OutcomePanel
        ending={{
          ending: null,
          outcome: null,
          message: 'Appel terminé par le formateur ou la formatrice.',
          reason: 'trainer',
        }}
      />,
    );
    const panel = screen.getByRole('region', { name: "Issue de l'appel" });
    expect(panel.textContent).toContain("Le ou la formateur·rice a terminé l'appel.");
    expect(panel.textContent).not.toContain('Appel terminé par le formateur ou la formatrice.');
  });

  it("keeps the author's message of a scenario's ending, with its reason", () => {
    renderWithSession(
      <OutcomePanel
        ending={{
          ending: 'rappel',
          outcome: 'good',
          message: 'Rappel convenu avec la voisine.',
          reason: 'scenario',
        }}
      />,
    );
    const panel = screen.getByRole('region', { name: "Issue de l'appel" });
    expect(panel.textContent).toContain('Rappel convenu avec la voisine.');
    expect(panel.textContent).toContain('Le scénario est arrivé à sa fin.');
  });
});
