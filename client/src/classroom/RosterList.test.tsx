// The trainer's list of learners: its button that frees a place (`classroom.free`) asks first, in words that say what it
// closes (a learner in a live call: her call goes on), frees only once confirmed, and gives the
// focus back to its button.
import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import type { ClassCall, ClassLearner } from '@ecoute/protocol';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';
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
/** The French catalogue's words (what a trainer reads): as written, and with plain spaces. */
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);
const frPlain = (key: MessageKey, params?: MessageParams) => plain(fr(key, params));

async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(element);
  });
}

describe('the roster’s button that frees a place (`classroom.free`)', () => {
  it('asks first, says the call goes on for a learner in one, and frees nothing when cancelled', async () => {
    const freed = renderRoster();
    const button = screen.getByRole('button', { name: fr('classroom.free.label', { name: 'Inès' }) });
    await click(button);
    const confirmation = screen.getByRole('group');
    expect(plain(confirmation.textContent)).toContain(
      frPlain('classroom.free.confirmInCall', { name: 'Inès' }),
    );
    expect(document.activeElement?.textContent).toBe(fr('classroom.free.confirmYes'));
    await click(screen.getByRole('button', { name: fr('classroom.free.cancel') }));
    expect(screen.queryByRole('group')).toBeNull();
    expect(freed).toEqual([]);
    expect(document.activeElement?.getAttribute('aria-label')).toBe(
      fr('classroom.free.label', { name: 'Inès' }),
    );
  });

  it('frees once confirmed; for an observer (her call link shared, kept) only her class page closes', async () => {
    const freed = renderRoster();
    await click(screen.getByRole('button', { name: fr('classroom.free.label', { name: 'Noé' }) }));
    expect(plain(screen.getByRole('group').textContent)).toContain(
      frPlain('classroom.free.confirm', { name: 'Noé' }),
    );
    await click(screen.getByRole('button', { name: fr('classroom.free.confirmYes') }));
    expect(freed).toEqual(['Noé']);
    expect(screen.queryByRole('group')).toBeNull();
  });
});
