import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import { fakeSession } from '../test/fakeSession.js';
import { inputEntry, lineEntry, listenerView } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { ListenerPage } from './ListenerPage.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// What the listener reads, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);
/** A text as `getByText` reads the page's: its no-break spaces as plain ones. */
const plain = (text: string) => text.replace(/\s+/g, ' ');
/** An accessible name that holds `words`. */
const containing = (words: string) => (name: string) => name.includes(words);

const inCall = [inputEntry(1, { kind: 'pickup' }, 'listener', 2_000), lineEntry(2, 'Allô ?')];

describe('ListenerPage on a link already open on another page', () => {
  it('offers « Prendre la main » or « Suivre en lecture seule » instead of the console', async () => {
    const session = fakeSession({ view: listenerView(), entries: inCall, seat: { status: 'occupied' } });
    renderWithSession(<ListenerPage />, { session });
    const heading = screen.getByRole('heading', { name: fr('seat.occupied.heading') });
    expect(document.activeElement).toBe(heading);
    expect(screen.queryByRole('button', { name: /Reformuler/ })).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('seat.follow') }));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('seat.take') }));
    });
    expect(session.seatActions).toEqual(['follow', 'take']);
  });

  it('reads only when taken over: told so, moves and phone disabled, nothing sent, the seat can be taken back', async () => {
    const session = fakeSession({
      view: listenerView(),
      entries: inCall,
      seat: { status: 'reader', takenOver: true },
    });
    renderWithSession(<ListenerPage />, { session });
    expect(screen.getByText(plain(fr('seat.takenOver')))).not.toBeNull();
    const move = screen.getByRole<HTMLButtonElement>('button', { name: /Reformuler/ });
    expect(move.disabled).toBe(true);
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: containing(fr('shortcuts.hangup')) }).disabled,
    ).toBe(true);
    fireEvent.keyDown(document.body, { key: '1', code: 'Digit1' });
    expect(session.sent).toEqual([]);
    const take = screen.getByRole('button', { name: fr('seat.take') });
    expect(document.activeElement).toBe(take);
    await act(async () => {
      fireEvent.click(take);
    });
    expect(session.seatActions).toEqual(['take']);
  });

  it('shows the console as usual to the page holding the seat, with its status line empty', () => {
    const session = fakeSession({ view: listenerView(), entries: inCall, seat: { status: 'holder' } });
    renderWithSession(<ListenerPage />, { session });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: /Reformuler/ }).disabled).toBe(false);
    expect(screen.queryByRole('button', { name: fr('seat.take') })).toBeNull();
  });
});
