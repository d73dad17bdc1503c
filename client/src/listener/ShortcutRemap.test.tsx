// WCAG 2.1.4 « remap »: the listener gives a move slot another key from the shortcuts panel; the
// new key plays the move, the old one no longer does; a key another action holds is refused
// with the holder named; Escape gives up; « Rétablir » brings the defaults back.
import { afterEach, describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import { fakeSession } from '../test/fakeSession.js';
import { inputEntry, lineEntry, listenerView } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { keyFromEvent, moveShortcut, holderOf, readKeyMap } from '../ui/shortcutKeys.js';
import { ListenerPage } from './ListenerPage.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// What the listener reads, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

const inCall = [inputEntry(1, { kind: 'pickup' }, 'listener', 2_000), lineEntry(2, 'Allô ?')];
const button = (name: string | RegExp) => screen.getByRole('button', { name });
const status = () => document.querySelector('.shortcut-remap__status')!.textContent;

async function press(element: HTMLElement, init: KeyboardEventInit): Promise<void> {
  await act(async () => {
    fireEvent.keyDown(element, init);
  });
}

afterEach(() => window.localStorage.clear());

describe('shortcut keys (pure)', () => {
  it('keeps the defaults, takes a letter or a digit with or without Alt, never Maj or Ctrl', () => {
    expect(moveShortcut(0, {})).toMatchObject({ aria: '1', codes: ['Digit1', 'Numpad1'] });
    expect(moveShortcut(12, { move3: { code: 'KeyK', alt: false } })).toMatchObject({
      aria: 'Shift+K',
      shift: true,
    });
    const key = (init: Partial<KeyboardEvent>) =>
      keyFromEvent({ code: '', altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, ...init });
    expect(key({ code: 'KeyK', altKey: true })).toEqual({ code: 'KeyK', alt: true });
    expect(key({ code: 'KeyK', shiftKey: true })).toBe('invalid');
    expect(key({ code: 'KeyK', ctrlKey: true })).toBe('invalid');
    expect(key({ code: 'Space' })).toBe('invalid');
    // With the Alt key set, a move's K acts as Alt+K: it meets a fixed Alt+K.
    const fixed = { pickup: { code: 'KeyK', alt: true } };
    expect(holderOf({ code: 'KeyK', alt: false }, 'move1', {}, fixed)).toBeNull();
    expect(holderOf({ code: 'KeyK', alt: false }, 'move1', {}, fixed, 'alt')).toBe('pickup');
    expect(holderOf({ code: 'Digit2', alt: false }, 'move1', {}, fixed)).toBe('move2');
  });

  it('reads only well-formed stored keys', () => {
    window.localStorage.setItem(
      'ecoute.shortcuts.map',
      JSON.stringify({ move1: { code: 'KeyK', alt: false }, move2: { code: 'Enter', alt: false }, nope: 1 }),
    );
    expect(readKeyMap()).toEqual({ move1: { code: 'KeyK', alt: false } });
  });
});

describe('ShortcutRemap on the listener’s console', () => {
  it('remaps « Action proposée 1 » to K: K plays the move, 1 no longer does; refusals and reset', async () => {
    const session = fakeSession({ view: listenerView(), entries: inCall });
    renderWithSession(<ListenerPage />, { session });
    const move = () => button('Reformuler');
    expect(move().getAttribute('aria-keyshortcuts')).toBe('1');
    await act(async () => {
      fireEvent.click(screen.getByText(fr('shortcuts.remap.heading')));
    });
    const change = button(/^Changer la touche de «\s?Action proposée 1\s?»$/);
    await act(async () => {
      fireEvent.click(change);
    });
    expect(status()).toMatch(/^Appuyez sur la nouvelle touche/);
    await press(change, { code: 'KeyK', key: 'k' });
    // The key went to the setting, not to the page: nothing was played.
    expect(session.sent).toEqual([]);
    expect(JSON.parse(window.localStorage.getItem('ecoute.shortcuts.map')!)).toEqual({
      move1: { code: 'KeyK', alt: false },
    });
    expect(status()).toMatch(/Action proposée 1.*touche K\./);
    expect(move().getAttribute('aria-keyshortcuts')).toBe('K');
    expect(screen.getByRole('region', { name: fr('shortcuts.heading') }).textContent).toContain('K');

    // In the answer area, K plays the move; 1 does nothing any more.
    move().focus();
    await press(move(), { code: 'Digit1', key: '&' });
    expect(session.sent).toEqual([]);
    await press(move(), { code: 'KeyK', key: 'k' });
    expect(session.sent).toEqual([{ kind: 'move', move: 'reformuler' }]);

    // A key another action holds is refused, the holder named; Escape leaves it unchanged.
    const second = button(/^Changer la touche de «\s?Action proposée 2\s?»$/);
    await act(async () => {
      fireEvent.click(second);
    });
    await press(second, { code: 'KeyC', key: 'c', altKey: true });
    expect(status()).toMatch(/^La touche Alt\+C sert déjà à «\s?Décrocher\s?»/);
    await press(second, { code: 'KeyK', key: 'k' });
    expect(status()).toMatch(/sert déjà à «\s?Action proposée 1\s?»/);
    await press(second, { code: 'KeyK', key: 'K', shiftKey: true });
    expect(status()).toMatch(/^Une lettre ou un chiffre/);
    await press(second, { code: 'Escape', key: 'Escape' });
    expect(status()).toBe(fr('shortcuts.remap.cancelled'));
    expect(readKeyMap()).toEqual({ move1: { code: 'KeyK', alt: false } });

    await act(async () => {
      fireEvent.click(button(fr('shortcuts.remap.reset')));
    });
    expect(readKeyMap()).toEqual({});
    expect(move().getAttribute('aria-keyshortcuts')).toBe('1');
  });
});
