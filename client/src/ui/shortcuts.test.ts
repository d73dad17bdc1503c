import { describe, expect, it } from '@jest/globals';
import { layoutMoves, PHONE_KEYS } from './moveShortcuts.js';
import { altLetter, digitShortcut, isTextEntry, matches } from './shortcuts.js';
import { CATEGORY_ORDER } from './MoveButtons.js';
import type { MoveOption } from '@ecoute/engine';

function key(code: string, extra: Partial<KeyboardEventInit> = {}): KeyboardEvent {
  return new KeyboardEvent('keydown', { code, ...extra });
}

describe('shortcuts', () => {
  it('numbers 1…9, 0, then Maj+1…Maj+0, by key position (AZERTY as QWERTY)', () => {
    expect(digitShortcut(0)).toMatchObject({ aria: '1', key: '1', shift: false });
    expect(digitShortcut(9)).toMatchObject({ aria: '0', key: '0' });
    expect(digitShortcut(10)).toMatchObject({ aria: 'Shift+1', shift: true });
    expect(digitShortcut(20)).toBeUndefined();
    const three = digitShortcut(2)!;
    expect(matches(three, key('Digit3'))).toBe(true);
    expect(matches(three, key('Numpad3'))).toBe(true);
    expect(matches(three, key('Digit3', { shiftKey: true }))).toBe(false);
  });

  it('reads Alt + a letter by its key, whatever character the system types', () => {
    const alt = altLetter('c');
    expect(alt.aria).toBe('Alt+C');
    expect(matches(alt, key('KeyC', { altKey: true, key: 'ç' }))).toBe(true);
    expect(matches(alt, key('KeyC'))).toBe(false);
  });

  it('knows the fields where keys type text', () => {
    const textarea = document.createElement('textarea');
    const text = document.createElement('input');
    const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
    expect(isTextEntry(textarea)).toBe(true);
    expect(isTextEntry(text)).toBe(true);
    expect(isTextEntry(checkbox)).toBe(false);
    expect(isTextEntry(document.createElement('button'))).toBe(false);
  });
});

describe('layoutMoves', () => {
  const move = (id: string, category: MoveOption['category']): MoveOption => ({
    id,
    label: id,
    category,
    help: '',
  });
  const moves = [
    move('transferer_15', 'action'),
    move('reformuler', 'listening'),
    move('mettre_en_attente', 'action'),
    move('demander_lieu', 'information'),
    move('alerter_collegue', 'action'),
    move('question_ouverte', 'listening'),
  ];

  it('puts the standard actions apart, in their order, hold left to the phone', () => {
    const layout = layoutMoves(moves, CATEGORY_ORDER);
    expect(layout.stateMoves.map((m) => m.id)).toEqual(['reformuler', 'question_ouverte', 'demander_lieu']);
    expect(layout.alwaysMoves.map((m) => m.id)).toEqual(['alerter_collegue', 'transferer_15']);
  });

  it('gives digits to the state moves in display order, Alt + letters to the standard ones', () => {
    const { shortcuts } = layoutMoves(moves, CATEGORY_ORDER);
    expect(shortcuts.get('reformuler')?.aria).toBe('1');
    expect(shortcuts.get('demander_lieu')?.aria).toBe('3');
    expect(shortcuts.get('alerter_collegue')?.aria).toBe('Alt+L');
    expect(shortcuts.get('transferer_15')?.aria).toBe('Alt+S');
    expect(shortcuts.has('mettre_en_attente')).toBe(false);
  });

  it('never gives a move a key of the phone', () => {
    const phone = new Set(Object.values(PHONE_KEYS).map((shortcut) => shortcut.aria));
    const many = [
      'alerter_collegue',
      'transferer_15',
      'transferer_17',
      'transferer_112',
      'transferer_3114',
      'transferer_service',
      'programmer_rappel',
    ].map((id) => move(id, 'action'));
    const { shortcuts } = layoutMoves(many, CATEGORY_ORDER);
    const keys = [...shortcuts.values()].map((shortcut) => shortcut.aria);
    expect(keys.filter((aria) => phone.has(aria))).toEqual([]);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
