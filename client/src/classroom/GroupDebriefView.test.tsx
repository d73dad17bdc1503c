import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import type { GroupDebrief, GroupDebriefCall } from '@ecoute/protocol';
import { translate } from '../i18n/catalogue.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { GroupDebriefView } from './GroupDebriefView.js';

const call = (n: number, outcome: GroupDebriefCall['measures']['outcome']): GroupDebriefCall => ({
  sessionId: `s${n}`,
  round: 1,
  group: n,
  listener: `Écoutant ${n}`,
  path: [],
  transitions: [],
  measures: { timeToPickup: null, timeToFirstOpenQuestion: null, timeToAlertColleague: null, outcome },
  rubric: [],
});

const debrief: GroupDebrief = {
  classId: 'c',
  scenario: { id: 'x', title: "Appel d'entraînement" },
  graph: { nodes: [], edges: [] },
  transitions: [],
  calls: [
    call(1, {
      ending: null,
      outcome: null,
      reason: 'trainer',
      message: 'Appel terminé par le formateur ou la formatrice.',
      at: { seq: 9, t: 60_000 },
    }),
    call(2, {
      ending: 'perdue',
      outcome: null,
      reason: 'scenario',
      message: 'Elle raccroche, perdue.',
      at: { seq: 12, t: 90_000 },
    }),
  ],
};

describe('GroupDebriefView, each call’s outcome in English', () => {
  it('says a call the trainer ended in the page’s words; an ending’s own message stays French', () => {
    renderWithSession(<GroupDebriefView debrief={debrief} />, { lang: 'en' });
    expect(screen.getByRole('link', { name: translate('en', 'endReason.trainer') })).toBeTruthy();
    expect(screen.queryByText(/formateur/)).toBeNull();
    expect(screen.getByText('Elle raccroche, perdue.').getAttribute('lang')).toBe('fr');
  });
});
