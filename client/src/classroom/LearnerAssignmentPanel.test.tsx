// A learner's group session page once her call ended: it says so and how (the listener's end
// panel's words), the listener's debrief from the link the server gave, the next round to come;
// « Ouvrir mon appel » only while the call runs (it read « Tour 1 … Ouvrir mon appel » after the end).
import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import type { LearnerAssignment } from '@ecoute/protocol';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { LearnerAssignmentPanel } from './LearnerAssignmentPanel.js';

const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);
// The catalogue's words as they are, no-break spaces included (the default normalizer makes them spaces).
const asIs = { normalizer: (text: string) => text };

const live: LearnerAssignment = {
  round: 1,
  scenarioTitle: "Appel d'entraînement",
  role: 'listener',
  link: '/ecoute/s1#k=tok',
  mates: [{ pseudonym: 'Noé', role: 'observer' }],
  ended: null,
  debriefLink: null,
};

describe('LearnerAssignmentPanel', () => {
  it('offers the call while it runs, and says nothing of an end', () => {
    renderWithSession(<LearnerAssignmentPanel assignment={live} />);
    expect(screen.getByRole('link', { name: fr('classroom.join.open') }).getAttribute('href')).toBe(
      live.link,
    );
    // No end said, whatever its outcome: nothing reads as `classroom.join.ended`'s words before it.
    const endedWords = fr('classroom.join.ended', { outcome: '|' }).split('|')[0]!;
    expect(screen.queryByText((text) => text.startsWith(endedWords))).toBeNull();
    expect(screen.queryByText(fr('classroom.join.nextRound'))).toBeNull();
  });

  it('tells the listener her call ended and how, with her debrief and the next round to come', () => {
    renderWithSession(
      <LearnerAssignmentPanel
        assignment={{
          ...live,
          ended: { outcome: 'good', reason: 'hangup' },
          debriefLink: '/debrief/s1#k=tok',
        }}
      />,
    );
    screen.getByText(fr('classroom.join.ended', { outcome: fr('outcome.good') }), asIs);
    screen.getByText(fr('endReason.hangup'), { exact: false });
    expect(screen.getByRole('link', { name: fr('classroom.join.debrief') }).getAttribute('href')).toBe(
      '/debrief/s1#k=tok',
    );
    screen.getByText(fr('classroom.join.nextRound'));
    expect(screen.queryByRole('link', { name: fr('classroom.join.open') })).toBeNull();
  });

  it('tells an observer the call ended (« interrompu » when the trainer ended it), with no debrief link', () => {
    renderWithSession(
      <LearnerAssignmentPanel
        assignment={{
          ...live,
          role: 'observer',
          ended: { outcome: null, reason: 'trainer' },
          debriefLink: null,
        }}
      />,
    );
    screen.getByText(fr('classroom.join.ended', { outcome: fr('outcome.none') }), asIs);
    screen.getByText(fr('endReason.trainer'), { exact: false });
    screen.getByText(fr('classroom.join.nextRound'));
    expect(screen.queryAllByRole('link')).toEqual([]);
  });
});
