// The floor's status after a command on one call: what was sent and in how many calls, in the
// catalogue's plural forms (never « Envoyé (1) »).
import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import type { FloorCommand } from '@ecoute/protocol';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';
import { floorTile } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { FloorView } from './FloorView.js';

/** What a trainer reads, from the French catalogue. */
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

const tile = floorTile({ observers: ['Bilal'] });

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
    fireEvent.change(screen.getByLabelText(fr('classroom.floor.whisperText')), {
      target: { value: 'Présentez-vous.' },
    });
    await click(screen.getByRole('button', { name: fr('classroom.floor.whisper') }));
    expect(sent).toEqual([{ kind: 'whisper', sessionId: 's1', text: 'Présentez-vous.' }]);
    expect(status()).toBe(fr('classroom.floor.whisperSent.one', { count: 1 }));
  });

  it("says the caller's line was spoken, in the plural when the server counts more", async () => {
    renderFloor(2);
    fireEvent.change(screen.getByLabelText(fr('classroom.floor.whisperText')), {
      target: { value: 'Allô ?' },
    });
    await click(screen.getByRole('button', { name: fr('classroom.floor.adlib') }));
    expect(status()).toBe(fr('classroom.floor.adlibSent.other', { count: 2 }));
  });

  it('says, under the field, that a whisper or a line needs words: nothing sent, the focus on the field', async () => {
    const sent = renderFloor(1);
    const field = screen.getByLabelText(fr('classroom.floor.whisperText'));
    expect(field.getAttribute('aria-describedby')).toBeNull();
    for (const name of [fr('classroom.floor.whisper'), fr('classroom.floor.adlib')]) {
      await click(screen.getByRole('button', { name }));
      expect(sent).toEqual([]);
      const said = screen.getByRole('alert');
      expect(said.textContent).toBe(fr('classroom.floor.whisperEmpty'));
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
    const field = screen.getByLabelText(fr('classroom.floor.message'));
    await click(screen.getByRole('button', { name: fr('classroom.floor.send') }));
    expect(sent).toEqual([]);
    const said = screen.getByRole('alert');
    expect(said.textContent).toBe(fr('classroom.floor.messageEmpty'));
    expect(field.getAttribute('aria-describedby')).toBe(said.id);
    expect(document.activeElement).toBe(field);
    fireEvent.change(field, { target: { value: 'Pause dans 5 minutes.' } });
    expect(screen.queryByRole('alert')).toBeNull();
    await click(screen.getByRole('button', { name: fr('classroom.floor.send') }));
    expect(sent).toEqual([{ kind: 'message', text: 'Pause dans 5 minutes.' }]);
  });

  it('says a call was paused', async () => {
    renderFloor(1);
    await click(screen.getByRole('button', { name: fr('classroom.floor.pause') }));
    expect(status()).toBe(fr('classroom.floor.pausedAll.one', { count: 1 }));
  });
});
