import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { renderWithSession } from '../test/renderWithSession.js';
import { OutcomePanel } from './OutcomePanel.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// The page's words, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

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
    const panel = screen.getByRole('region', { name: fr('outcome.heading') });
    expect(panel.textContent).toContain(fr('endReason.trainer'));
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
    const panel = screen.getByRole('region', { name: fr('outcome.heading') });
    expect(panel.textContent).toContain('Rappel convenu avec la voisine.');
    expect(panel.textContent).toContain(fr('endReason.scenario'));
  });
});
