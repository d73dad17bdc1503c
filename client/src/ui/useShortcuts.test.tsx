import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, render } from '@testing-library/react';
import { useRef } from 'react';
import { saveShortcutMode } from './shortcutMode.js';
import { altLetter, digitShortcut } from './shortcuts.js';
import { useShortcuts, type KeyBinding } from './useShortcuts.js';

function Harness({ bindings, log }: { bindings: KeyBinding[]; log: string[] }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const area = useRef<HTMLDivElement>(null);
  useShortcuts(bindings, { active: true, escapeTo: () => heading.current, area: () => area.current });
  return (
    <div>
      <button type="button">Mettre en attente</button>
      <div ref={area}>
        <h2 ref={heading} tabIndex={-1}>
          Actions
        </h2>
        <textarea aria-label="Ce que je dis" onKeyDown={(event) => log.push(`typed ${event.key}`)} />
        <button type="button">ailleurs</button>
      </div>
    </div>
  );
}

describe('useShortcuts', () => {
  it('runs the binding of a key pressed outside text fields, and only an enabled one', () => {
    const log: string[] = [];
    const bindings: KeyBinding[] = [
      { shortcut: digitShortcut(0)!, enabled: true, run: () => log.push('move 1') },
      { shortcut: altLetter('C'), enabled: false, run: () => log.push('pickup') },
    ];
    const { getByRole } = render(<Harness bindings={bindings} log={log} />);
    const button = getByRole('button', { name: 'ailleurs' });
    button.focus();
    fireEvent.keyDown(button, { code: 'Digit1', key: '&' });
    const blocked = fireEvent.keyDown(button, { code: 'KeyC', key: 'c', altKey: true });
    expect(log).toEqual(['move 1']);
    // A disabled binding still takes its key: the browser does nothing surprising.
    expect(blocked).toBe(false);
  });

  it('hands a disabled binding’s reason to onUnavailable, and nothing for an enabled one', () => {
    const log: string[] = [];
    const reasons: string[] = [];
    function WithReasons() {
      useShortcuts(
        [
          {
            shortcut: altLetter('C'),
            enabled: false,
            run: () => log.push('pickup'),
            unavailable: 'déjà en ligne',
          },
          {
            shortcut: altLetter('R'),
            enabled: true,
            run: () => log.push('hangup'),
            unavailable: 'jamais dit',
          },
          { shortcut: altLetter('M'), enabled: false, run: () => log.push('sounds') },
        ],
        { active: true, onUnavailable: (reason) => reasons.push(reason) },
      );
      return <button type="button">ailleurs</button>;
    }
    render(<WithReasons />);
    for (const code of ['KeyC', 'KeyR', 'KeyM']) fireEvent.keyDown(document.body, { code, altKey: true });
    expect(log).toEqual(['hangup']);
    expect(reasons).toEqual(['déjà en ligne']);
  });

  it('never takes keys typed into a text field; Escape leaves the field', () => {
    const log: string[] = [];
    const bindings: KeyBinding[] = [
      { shortcut: digitShortcut(0)!, enabled: true, run: () => log.push('move 1') },
    ];
    const { getByRole } = render(<Harness bindings={bindings} log={log} />);
    const field = getByRole('textbox');
    field.focus();
    fireEvent.keyDown(field, { code: 'Digit1', key: '1' });
    expect(log).toEqual(['typed 1']);
    fireEvent.keyDown(field, { key: 'Escape', code: 'Escape' });
    expect(document.activeElement).toBe(getByRole('heading'));
    fireEvent.keyDown(document.activeElement!, { code: 'Digit1', key: '1' });
    expect(log).toEqual(['typed 1', 'typed Escape', 'move 1']);
  });

  it('leaves Ctrl and Meta combinations to the browser', () => {
    const log: string[] = [];
    render(
      <Harness
        bindings={[{ shortcut: digitShortcut(0)!, enabled: true, run: () => log.push('x') }]}
        log={log}
      />,
    );
    fireEvent.keyDown(document.body, { code: 'Digit1', ctrlKey: true });
    fireEvent.keyDown(document.body, { code: 'Digit1', metaKey: true });
    expect(log).toEqual([]);
  });

  it('takes a single key only in the answer area: focus on « Mettre en attente », 1 records nothing (WCAG 2.1.4)', () => {
    const log: string[] = [];
    const bindings: KeyBinding[] = [
      { shortcut: digitShortcut(0)!, enabled: true, run: () => log.push('move 1') },
      { shortcut: altLetter('C'), enabled: true, run: () => log.push('pickup') },
    ];
    const { getByRole } = render(<Harness bindings={bindings} log={log} />);
    const hold = getByRole('button', { name: 'Mettre en attente' });
    hold.focus();
    const free = fireEvent.keyDown(hold, { code: 'Digit1', key: '1' });
    expect(free).toBe(true);
    fireEvent.keyDown(document.body, { code: 'Digit1', key: '1' });
    expect(log).toEqual([]);
    // A shortcut with Alt still acts page-wide.
    fireEvent.keyDown(hold, { code: 'KeyC', key: 'c', altKey: true });
    expect(log).toEqual(['pickup']);
  });

  it('takes no key at all once shortcuts are turned off, and again when turned back on', () => {
    const log: string[] = [];
    const bindings: KeyBinding[] = [
      { shortcut: digitShortcut(0)!, enabled: true, run: () => log.push('move 1') },
      { shortcut: altLetter('C'), enabled: true, run: () => log.push('pickup') },
    ];
    const { getByRole } = render(<Harness bindings={bindings} log={log} />);
    const inside = getByRole('button', { name: 'ailleurs' });
    act(() => saveShortcutMode('off'));
    expect(window.localStorage.getItem('ecoute.shortcuts')).toBe('off');
    fireEvent.keyDown(inside, { code: 'Digit1', key: '1' });
    fireEvent.keyDown(inside, { code: 'KeyC', key: 'c', altKey: true });
    expect(log).toEqual([]);
    act(() => saveShortcutMode('area'));
    fireEvent.keyDown(inside, { code: 'Digit1', key: '1' });
    expect(log).toEqual(['move 1']);
  });
});
