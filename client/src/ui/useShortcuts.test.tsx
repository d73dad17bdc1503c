import { describe, expect, it } from '@jest/globals';
import { fireEvent, render } from '@testing-library/react';
import { useRef } from 'react';
import { altLetter, digitShortcut } from './shortcuts.js';
import { useShortcuts, type KeyBinding } from './useShortcuts.js';

function Harness({ bindings, log }: { bindings: KeyBinding[]; log: string[] }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useShortcuts(bindings, { active: true, escapeTo: () => heading.current });
  return (
    <div>
      <h2 ref={heading} tabIndex={-1}>
        Actions
      </h2>
      <textarea aria-label="Ce que je dis" onKeyDown={(event) => log.push(`typed ${event.key}`)} />
      <button type="button">ailleurs</button>
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
    const button = getByRole('button');
    button.focus();
    fireEvent.keyDown(button, { code: 'Digit1', key: '&' });
    const blocked = fireEvent.keyDown(button, { code: 'KeyC', key: 'c', altKey: true });
    expect(log).toEqual(['move 1']);
    // A disabled binding still takes its key: the browser does nothing surprising.
    expect(blocked).toBe(false);
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
});
