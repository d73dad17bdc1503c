import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import { fakeSession } from '../test/fakeSession.js';
import { inputEntry, lineEntry, listenerView } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { ListenerPage } from './ListenerPage.js';

const inCall = [inputEntry(1, { kind: 'pickup' }, 'listener', 2_000), lineEntry(2, 'Allô ?')];

describe('ListenerPage on a link already open on another page', () => {
  it('offers « Prendre la main » or « Suivre en lecture seule » instead of the console', async () => {
    const session = fakeSession({ view: listenerView(), entries: inCall, seat: { status: 'occupied' } });
    renderWithSession(<ListenerPage />, { session });
    const heading = screen.getByRole('heading', { name: "Ce lien d'écoutant·e est déjà ouvert ailleurs" });
    expect(document.activeElement).toBe(heading);
    expect(screen.queryByRole('button', { name: /Reformuler/ })).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Suivre en lecture seule' }));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Prendre la main' }));
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
    expect(
      screen.getByText('Une autre page a pris la main sur ce lien : celle-ci est en lecture seule.'),
    ).not.toBeNull();
    const move = screen.getByRole<HTMLButtonElement>('button', { name: /Reformuler/ });
    expect(move.disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: /Raccrocher/ }).disabled).toBe(true);
    fireEvent.keyDown(document.body, { key: '1', code: 'Digit1' });
    expect(session.sent).toEqual([]);
    const take = screen.getByRole('button', { name: 'Prendre la main' });
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
    expect(screen.queryByRole('button', { name: 'Prendre la main' })).toBeNull();
  });
});
