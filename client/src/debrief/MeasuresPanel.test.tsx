import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { translate } from '../i18n/catalogue.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { debriefFixture } from './debriefFixture.js';
import { MeasuresPanel } from './MeasuresPanel.js';

const measures = debriefFixture().measures;

describe('MeasuresPanel, the outcome in English', () => {
  it('says that the trainer ended the call in the page’s words, not the engine’s French sentence', () => {
    renderWithSession(
      <MeasuresPanel
        measures={{
          ...measures,
          outcome: {
            ending: null,
            outcome: null,
            reason: 'trainer',
            message: 'Appel terminé par le formateur ou la formatrice.',
            at: { seq: 13, t: 30_000 },
          },
        }}
        onJump={() => undefined}
      />,
      { lang: 'en' },
    );
    expect(screen.getByText(translate('en', 'endReason.trainer'))).toBeTruthy();
    expect(screen.queryByText(/formateur/)).toBeNull();
  });

  it('keeps an ending’s own message, written in the scenario, marked French', () => {
    renderWithSession(<MeasuresPanel measures={measures} onJump={() => undefined} />, { lang: 'en' });
    expect(screen.getByText('Monique a raccroché.').getAttribute('lang')).toBe('fr');
  });
});
