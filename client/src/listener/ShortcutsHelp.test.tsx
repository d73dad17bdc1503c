import { describe, expect, it } from '@jest/globals';
import { act, screen } from '@testing-library/react';
import { fakeSession } from '../test/fakeSession.js';
import { inputEntry, lineEntry, listenerView } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { ListenerPage } from './ListenerPage.js';
import { ShortcutsHelp } from './ShortcutsHelp.js';
import { ALWAYS_AVAILABLE_MOVES } from '../ui/moveShortcuts.js';
import { PHONE_LAYOUT } from '../ui/useMediaQuery.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// The page's words, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

/** A built-in call: its own moves and every standard action. */
const fullCall = new Set(['reformuler', 'question_ouverte', ...ALWAYS_AVAILABLE_MOVES]);

const help = () => screen.getByRole('region', { name: fr('shortcuts.heading') });
/** Each row of the help as « keys: what they do ». */
const helpRows = () =>
  Array.from(help().querySelectorAll('.shortcuts__row')).map(
    (row) => `${row.querySelector('dt')!.textContent}: ${row.querySelector('dd')!.textContent}`,
  );
const remapRows = () =>
  Array.from(help().querySelectorAll('.shortcut-remap__table tbody th')).map((cell) => cell.textContent);

describe("the listener's shortcuts help", () => {
  it('lists the action keys and their setting when the console has action buttons', () => {
    renderWithSession(<ShortcutsHelp moves={fullCall} />);
    expect(help().textContent).toContain(fr('shortcuts.colleague'));
    expect(helpRows()).toContain(`Alt+S Alt+P Alt+U: ${fr('shortcuts.emergency')}`);
    expect(helpRows()).toContain(`1 … 2: ${fr('shortcuts.movesAll')}`);
    expect(help().textContent).toContain(fr('shortcuts.remap.heading'));
    expect(help().textContent).not.toContain(fr('shortcuts.remap.talk'));
  });

  it('lists only the keys of the call’s own moves: no standard action it does not have, no digit past its moves', () => {
    // A call written in the studio: three moves of its own, the 15 and the call-back.
    const moves = new Set(['ecouter', 'reformuler', 'rassurer', 'transferer_15', 'programmer_rappel']);
    renderWithSession(<ShortcutsHelp moves={moves} />);
    expect(helpRows()).toEqual([
      'Alt+C: Décrocher',
      "Alt+A: Mettre en attente, reprendre l'appel",
      'Alt+R: Raccrocher',
      "1 … 3: Les actions proposées, dans l'ordre affiché",
      'Alt+S: Transférer au 15 (SAMU)',
      'Alt+G: Programmer un rappel',
      'Alt+J: Aller à «\u00a0Ce que je dis\u00a0»',
      'Alt+O: Aller aux notes',
      "Alt+V: Couper ou remettre la voix de l'appelant·e",
      'Alt+M: Couper ou remettre les sons du téléphone',
      'Échap: Quitter le champ de saisie (les raccourcis remarchent)',
    ]);
    // The keys that can be changed are the call's too.
    expect(remapRows()).toEqual([
      fr('shortcuts.remap.move', { n: 1 }),
      fr('shortcuts.remap.move', { n: 2 }),
      fr('shortcuts.remap.move', { n: 3 }),
      fr('shortcuts.remap.transfer15'),
      fr('shortcuts.callback'),
    ]);
  });

  it('past ten moves, the first ten keys and then Maj with the next ones', () => {
    const moves = new Set(Array.from({ length: 12 }, (_, i) => `action_${i + 1}`));
    renderWithSession(<ShortcutsHelp moves={moves} />);
    expect(helpRows()).toContain("1 … 0: Les dix premières actions proposées, dans l'ordre affiché");
    expect(helpRows()).toContain('Maj+1 … Maj+2: Les suivantes');
  });

  it('in free speech, lists no action key (there are no action buttons) but the key to speak', () => {
    renderWithSession(<ShortcutsHelp moves={fullCall} freeSpeech />);
    expect(help().textContent).not.toContain(fr('shortcuts.colleague'));
    expect(help().textContent).not.toContain(fr('shortcuts.remap.heading'));
    expect(help().textContent).toContain(fr('shortcuts.remap.talk'));
    expect(help().textContent).toContain(fr('shortcuts.pickup'));
  });

  it('on the console, follows the scenario’s moves (from the sync), whether the current state offers them or not', () => {
    const inCall = [inputEntry(1, { kind: 'pickup' }, 'listener', 2_000), lineEntry(2, 'Allô ?')];
    const labels = (moves: Record<string, string>) => ({ moves, injects: {}, variables: {}, states: {} });
    const { unmount } = renderWithSession(<ListenerPage />, {
      session: fakeSession({
        view: listenerView(),
        entries: inCall,
        labels: labels({ reformuler: 'Reformuler', alerter_collegue: 'Alerter un·e collègue' }),
      }),
    });
    // Not offered in this state, but the call has it: its key is listed.
    expect(helpRows()).toContain('Alt+L: Alerter un·e collègue');
    expect(help().textContent).not.toContain('Transférer au 3114');
    unmount();
    renderWithSession(<ListenerPage />, {
      session: fakeSession({
        view: listenerView(),
        entries: inCall,
        labels: labels({ reformuler: 'Reformuler' }),
      }),
    });
    expect(help().textContent).not.toContain(fr('shortcuts.colleague'));
    expect(help().textContent).not.toContain('Alt+L');
  });

  it('folds under its heading on a phone (it filled 1,000 px of « Répondre »), open as it was on a wider screen', () => {
    let phone = true;
    const listeners = new Set<() => void>();
    Object.defineProperty(window, 'matchMedia', {
      configurable: true,
      value: (query: string) => ({
        media: query,
        get matches() {
          return phone && query === PHONE_LAYOUT;
        },
        addEventListener: (_: string, changed: () => void) => listeners.add(changed),
        removeEventListener: (_: string, changed: () => void) => listeners.delete(changed),
      }),
    });
    try {
      renderWithSession(<ShortcutsHelp moves={fullCall} />);
      const fold = help().querySelector('details')!;
      expect(fold.open).toBe(false);
      expect(fold.querySelector('summary')!.textContent).toBe(fr('shortcuts.heading'));
      expect(fold.querySelector('.shortcuts__list')).not.toBeNull();
      // The window widened (a tablet turned): the panel as on a computer, nothing folded.
      phone = false;
      act(() => listeners.forEach((changed) => changed()));
      expect(help().querySelector('details.shortcuts__fold')).toBeNull();
      expect(helpRows()).toContain(`1 … 2: ${fr('shortcuts.movesAll')}`);
    } finally {
      Reflect.deleteProperty(window, 'matchMedia');
    }
  });
});
