import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { fakeSession } from '../test/fakeSession.js';
import { inputEntry, lineEntry, observationEntry, trainerView } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { TrainerPage } from './TrainerPage.js';

async function click(name: string): Promise<void> {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
}

const entries = [
  inputEntry(1, { kind: 'pickup' }),
  lineEntry(2, 'Allô ?'),
  inputEntry(3, { kind: 'inject', inject: 'sonnette' }, 'trainer'),
  observationEntry(4, { kind: 'variable', variable: 'distress', value: 70, previous: 50 }, 'system'),
];

describe('TrainerPage', () => {
  it('shows the hidden variables as labelled gauges', () => {
    renderWithSession(<TrainerPage />, { session: fakeSession({ view: trainerView(), entries }) });
    const distress = screen.getByLabelText<HTMLMeterElement>('Détresse');
    expect(distress.tagName).toBe('METER');
    expect(distress.getAttribute('value')).toBe('70');
    expect(distress.getAttribute('max')).toBe('100');
  });

  it('shows the states, the persona and its background, and trainer-only entries', () => {
    renderWithSession(<TrainerPage />, { session: fakeSession({ view: trainerView(), entries }) });
    const states = within(screen.getByRole('region', { name: 'État du scénario' }));
    expect(states.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'detresse.forte',
      'detresse',
    ]);
    expect(screen.getByText('Vit seule depuis un an.')).not.toBeNull();
    expect(screen.getByText('Événement injecté : On sonne à la porte')).not.toBeNull();
    expect(screen.getByText('Détresse : 50 → 70')).not.toBeNull();
  });

  it('injects the available events; the others are disabled and say why', async () => {
    const session = fakeSession({ view: trainerView(), entries });
    renderWithSession(<TrainerPage />, { session });
    const unavailable = screen.getByRole<HTMLButtonElement>('button', { name: 'Coupure de ligne' });
    expect(unavailable.disabled).toBe(true);
    expect(unavailable.title).toBe("Indisponible dans l'état actuel de l'appel");
    await click('On sonne à la porte');
    expect(session.sent).toEqual([{ kind: 'inject', inject: 'sonnette' }]);
  });

  it('pauses, and resumes a paused session', async () => {
    const running = fakeSession({ view: trainerView(), entries });
    const { unmount } = renderWithSession(<TrainerPage />, { session: running });
    await click('Suspendre la séance');
    expect(running.sent).toEqual([{ kind: 'pause' }]);
    unmount();

    const paused = fakeSession({ view: trainerView({ paused: true }), entries });
    renderWithSession(<TrainerPage />, { session: paused });
    expect(screen.getByText('Séance suspendue par le formateur')).not.toBeNull();
    await click('Reprendre la séance');
    expect(paused.sent).toEqual([{ kind: 'resume' }]);
  });

  it('ends the call only after confirmation', async () => {
    const session = fakeSession({ view: trainerView(), entries });
    renderWithSession(<TrainerPage />, { session });
    await click("Terminer l'appel");
    expect(session.sent).toEqual([]);
    await click('Annuler');
    await click("Terminer l'appel");
    const confirm = screen.getByRole('button', { name: "Oui, terminer l'appel" });
    expect(document.activeElement).toBe(confirm);
    await click("Oui, terminer l'appel");
    expect(session.sent).toEqual([{ kind: 'end' }]);
  });

  it('shows the outcome once ended, and the controls are off', () => {
    const view = trainerView({
      phase: 'ended',
      ending: { ending: null, outcome: 'failure', message: "L'appelante a raccroché.", reason: 'trainer' },
    });
    renderWithSession(<TrainerPage />, { session: fakeSession({ view, entries }) });
    expect(screen.getByText('échec')).not.toBeNull();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: "Terminer l'appel" }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'On sonne à la porte' }).disabled).toBe(
      true,
    );
  });
});
