// The floor's status after a command on one call: what was sent and in how many calls, in the
// catalogue's plural forms (never « Envoyé (1) »).
import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import type { FloorCommand, FloorTile } from '@ecoute/protocol';
import { translate } from '../i18n/catalogue.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { FloorView } from './FloorView.js';

const tile: FloorTile = {
  sessionId: 's1',
  round: 1,
  group: 1,
  scenarioTitle: "Appel d'entraînement",
  listener: 'Ana',
  callerActor: null,
  observers: ['Bilal'],
  t: 60_000,
  callMs: 55_000,
  paused: false,
  phase: 'connected',
  stateLabel: 'Accueil',
  variables: [],
  alerts: [],
  urgency: 0,
};

function renderFloor(applied: number) {
  const sent: FloorCommand[] = [];
  const send = (command: FloorCommand) => {
    sent.push(command);
    return Promise.resolve({ ok: true, applied });
  };
  renderWithSession(<FloorView tiles={[tile]} calls={[]} send={send} />);
  return sent;
}

async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(element);
  });
}

const status = () => screen.getByRole('status').textContent?.trim();

describe('the floor after a command on one call', () => {
  it('says a whisper was sent, and in how many calls', async () => {
    const sent = renderFloor(1);
    fireEvent.change(screen.getByLabelText('Message à chuchoter ou réplique de l’appelant·e'), {
      target: { value: 'Présentez-vous.' },
    });
    await click(screen.getByRole('button', { name: 'Chuchoter à l’écoutant·e' }));
    expect(sent).toEqual([{ kind: 'whisper', sessionId: 's1', text: 'Présentez-vous.' }]);
    expect(status()).toBe('Chuchotement envoyé dans 1 appel.');
  });

  it("says the caller's line was spoken, in the plural when the server counts more", async () => {
    renderFloor(2);
    fireEvent.change(screen.getByLabelText('Message à chuchoter ou réplique de l’appelant·e'), {
      target: { value: 'Allô ?' },
    });
    await click(screen.getByRole('button', { name: 'Parler comme l’appelant·e' }));
    expect(status()).toBe('Réplique de l’appelant·e dite dans 2 appels.');
  });

  it('says, under the field, that a whisper or a line needs words: nothing sent, the focus on the field', async () => {
    const sent = renderFloor(1);
    const field = screen.getByLabelText('Message à chuchoter ou réplique de l’appelant·e');
    expect(field.getAttribute('aria-describedby')).toBeNull();
    for (const name of ['Chuchoter à l’écoutant·e', 'Parler comme l’appelant·e']) {
      await click(screen.getByRole('button', { name }));
      expect(sent).toEqual([]);
      const said = screen.getByRole('alert');
      expect(said.textContent).toBe(translate('fr', 'classroom.floor.whisperEmpty'));
      expect(field.getAttribute('aria-describedby')).toBe(said.id);
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(document.activeElement).toBe(field);
      field.blur();
    }
    // Written, the error goes.
    fireEvent.change(field, { target: { value: 'Présentez-vous.' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(field.getAttribute('aria-describedby')).toBeNull();
  });

  it('says, under the field, that the message to all needs words: nothing sent, the focus on the field', async () => {
    const sent = renderFloor(1);
    const field = screen.getByLabelText('Message à tous les apprenant·es');
    await click(screen.getByRole('button', { name: 'Envoyer' }));
    expect(sent).toEqual([]);
    const said = screen.getByRole('alert');
    expect(said.textContent).toBe(translate('fr', 'classroom.floor.messageEmpty'));
    expect(field.getAttribute('aria-describedby')).toBe(said.id);
    expect(document.activeElement).toBe(field);
    fireEvent.change(field, { target: { value: 'Pause dans 5 minutes.' } });
    expect(screen.queryByRole('alert')).toBeNull();
    await click(screen.getByRole('button', { name: 'Envoyer' }));
    expect(sent).toEqual([{ kind: 'message', text: 'Pause dans 5 minutes.' }]);
  });

  it('says a call was paused', async () => {
    renderFloor(1);
    await click(screen.getByRole('button', { name: 'Suspendre' }));
    expect(status()).toBe('1 appel suspendu.');
  });
});
