// The « invalid groups » alert: shown while the groups cannot be launched, gone once they are valid,
// and not raised again by the roster changing after a successful launch.
import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import type { ClassLearner, ScenarioSummary } from '@ecoute/protocol';
import { useState } from 'react';
import { renderWithSession } from '../test/renderWithSession.js';
import { GroupBuilder } from './GroupBuilder.js';

const learners = [
  { learnerId: 'l1', pseudonym: 'Malik' },
  { learnerId: 'l2', pseudonym: 'Inès' },
] as ClassLearner[];
const scenarios = [{ id: 'sc1', title: 'Appel' }] as ScenarioSummary[];

/** The builder, with a button standing for the roster losing its first learner. */
function Harness() {
  const [roster, setRoster] = useState(learners);
  return (
    <>
      <button type="button" onClick={() => setRoster(learners.slice(1))}>
        drop
      </button>
      <GroupBuilder learners={roster} calls={[]} scenarios={scenarios} launch={() => Promise.resolve(true)} />
    </>
  );
}

describe('GroupBuilder', () => {
  it('clears the invalid-groups alert once valid and keeps it away after a launch', async () => {
    renderWithSession(<Harness />);
    expect(screen.getByRole('alert')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Rôle de Malik'), { target: { value: 'listener' } });
    expect(screen.queryByRole('alert')).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Lancer tous les appels' }));
      await Promise.resolve();
    });
    // The roster changes after the launch (the listener reconnects elsewhere): no stale alert.
    fireEvent.click(screen.getByRole('button', { name: 'drop' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('cannot « Former au hasard » before anyone joined, and says why', () => {
    renderWithSession(
      <GroupBuilder learners={[]} calls={[]} scenarios={scenarios} launch={() => Promise.resolve(true)} />,
    );
    const random = screen.getByRole('button', { name: 'Former au hasard' });
    expect(random.hasAttribute('disabled')).toBe(true);
    expect(document.getElementById(random.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(
      /Aucun·e apprenant·e n’a encore rejoint/,
    );
  });
});
