// The trainer's list of learners: « Libérer la place » asks first, in words that say what it
// closes (a learner in a live call: her call goes on), frees only once confirmed, and gives the
// focus back to its button.
import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import type { ClassCall, ClassLearner } from '@ecoute/protocol';
import { renderWithSession } from '../test/renderWithSession.js';
import { RosterList } from './RosterList.js';

const learners: ClassLearner[] = [
  { learnerId: 'l-ines', pseudonym: 'Inès', joinedAt: '2026-12-06T10:00:00.000Z' },
  { learnerId: 'l-noe', pseudonym: 'Noé', joinedAt: '2026-12-06T10:01:00.000Z' },
];
const call: ClassCall = {
  sessionId: 's1',
  round: 1,
  group: 1,
  scenarioId: 'appel-entrainement',
  scenarioTitle: "Appel d'entraînement",
  members: [
    { learnerId: 'l-ines', pseudonym: 'Inès', role: 'listener' },
    { learnerId: 'l-noe', pseudonym: 'Noé', role: 'observer' },
  ],
  status: 'live',
  outcome: null,
  trainerLink: null,
  observerLink: null,
};

function renderRoster() {
  const freed: string[] = [];
  renderWithSession(
    <RosterList
      learners={learners}
      calls={[call]}
      onFree={(learner) => {
        freed.push(learner.pseudonym);
        return Promise.resolve(true);
      }}
    />,
  );
  return freed;
}

const plain = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ');

async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(element);
  });
}

describe('the roster’s « Libérer la place »', () => {
  it('asks first, says the call goes on for a learner in one, and frees nothing on « Annuler »', async () => {
    const freed = renderRoster();
    const button = screen.getByRole('button', { name: /^Libérer la place de\s«\sInès\s»$/ });
    await click(button);
    const confirmation = screen.getByRole('group');
    expect(plain(confirmation.textContent)).toMatch(/l'appel continue, rien n'est perdu/);
    expect(document.activeElement?.textContent).toBe('Oui, libérer la place');
    await click(screen.getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('group')).toBeNull();
    expect(freed).toEqual([]);
    expect(plain(document.activeElement?.getAttribute('aria-label'))).toBe('Libérer la place de « Inès »');
  });

  it('frees once confirmed; for an observer (her call link shared, kept) only her class page closes', async () => {
    const freed = renderRoster();
    await click(screen.getByRole('button', { name: /^Libérer la place de\s«\sNoé\s»$/ }));
    expect(plain(screen.getByRole('group').textContent)).toMatch(
      /Sa page de séance de groupe encore ouverte, s'il y en a une, sera fermée/,
    );
    await click(screen.getByRole('button', { name: 'Oui, libérer la place' }));
    expect(freed).toEqual(['Noé']);
    expect(screen.queryByRole('group')).toBeNull();
  });
});
