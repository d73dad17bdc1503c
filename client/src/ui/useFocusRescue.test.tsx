import { describe, expect, it } from '@jest/globals';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRef, useState } from 'react';
import type { InjectOption } from '@ecoute/engine';
import { InjectButtons } from '../trainer/InjectButtons.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { focusQuietly, useFocusRescue } from './useFocusRescue.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// The page's words, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

const inject = (id: string, label: string, available: boolean): InjectOption => ({
  id,
  label,
  help: '',
  available,
});

/** A console with its injects; the returned function changes them (as a view update does). */
function renderConsole(initial: InjectOption[], disabled = false) {
  let update: (next: { injects: InjectOption[]; disabled: boolean }) => void = () => undefined;
  function Console() {
    const page = useRef<HTMLDivElement>(null);
    const [state, setState] = useState({ injects: initial, disabled });
    update = setState;
    useFocusRescue(page);
    return (
      <div ref={page}>
        <h1>Formateur·rice</h1>
        <InjectButtons injects={state.injects} disabled={state.disabled} onInject={() => undefined} />
      </div>
    );
  }
  renderWithSession(<Console />);
  return (next: { injects: InjectOption[]; disabled: boolean }) => act(() => update(next));
}

describe('useFocusRescue: focus never drops to the page (WCAG 2.4.3)', () => {
  it('moves focus to the next inject when the focused one disables itself', () => {
    const update = renderConsole([
      inject('sonnette', 'On sonne', true),
      inject('lunettes', 'Lunettes', true),
    ]);
    screen.getByRole('button', { name: 'On sonne' }).focus();
    update({
      injects: [inject('sonnette', 'On sonne', false), inject('lunettes', 'Lunettes', true)],
      disabled: false,
    });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Lunettes' }));
  });

  it('moves focus to the panel’s heading when a pause disables every inject, and back after the resume', () => {
    const injects = [inject('sonnette', 'On sonne', true)];
    const update = renderConsole(injects);
    const button = screen.getByRole('button', { name: 'On sonne' });
    button.focus();
    update({ injects, disabled: true });
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: fr('trainer.injects.heading') }));
    expect(document.activeElement).not.toBe(document.body);
    update({ injects, disabled: false });
    expect(document.activeElement).toBe(button);
  });

  it('draws the ring where it moved the focus after a key (Chromium draws none after Alt+R), none after a click or a tap', () => {
    for (const last of ['key', 'pointer'] as const) {
      const injects = [inject('sonnette', 'On sonne', true)];
      const update = renderConsole(injects);
      const button = screen.getByRole('button', { name: 'On sonne' });
      button.focus();
      if (last === 'key') fireEvent.keyDown(button, { key: 'r', code: 'KeyR', altKey: true });
      else fireEvent.pointerDown(button);
      update({ injects, disabled: true });
      const heading = screen.getByRole('heading', { name: fr('trainer.injects.heading') });
      expect({
        last,
        focused: document.activeElement === heading,
        ring: heading.hasAttribute('data-focus-ring'),
      }).toEqual({
        last,
        focused: true,
        ring: last === 'key',
      });
      cleanup();
    }
  });
});

describe('focusQuietly', () => {
  it('focuses a heading out of the Tab order; with `ring`, marks it drawn until it loses the focus', () => {
    render(
      <>
        <h2>Titre</h2>
        <button type="button">Après</button>
      </>,
    );
    const heading = screen.getByRole('heading', { name: 'Titre' });
    focusQuietly(heading);
    expect({
      focused: document.activeElement === heading,
      tabIndex: heading.tabIndex,
      ring: heading.hasAttribute('data-focus-ring'),
    }).toEqual({
      focused: true,
      tabIndex: -1,
      ring: false,
    });
    focusQuietly(heading, { ring: true });
    expect(heading.hasAttribute('data-focus-ring')).toBe(true);
    screen.getByRole('button', { name: 'Après' }).focus();
    expect(heading.hasAttribute('data-focus-ring')).toBe(false);
    // Focused again by a click's path: no ring.
    focusQuietly(heading);
    expect(heading.hasAttribute('data-focus-ring')).toBe(false);
  });
});
