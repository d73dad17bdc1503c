import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { renderWithSession } from '../test/renderWithSession.js';
import { ShortcutsHelp } from './ShortcutsHelp.js';

describe("the listener's shortcuts help", () => {
  it('lists the action keys and their setting when the console has action buttons', () => {
    renderWithSession(<ShortcutsHelp />);
    const help = screen.getByRole('region', { name: 'Raccourcis clavier' });
    expect(help.textContent).toContain('Alerter un·e collègue');
    expect(help.textContent).toContain('Changer les touches des actions');
    expect(help.textContent).not.toContain('Parler (maintenir)');
  });

  it('in free speech, lists no action key (there are no action buttons) but the key to speak', () => {
    renderWithSession(<ShortcutsHelp freeSpeech />);
    const help = screen.getByRole('region', { name: 'Raccourcis clavier' });
    expect(help.textContent).not.toContain('Alerter un·e collègue');
    expect(help.textContent).not.toContain('Changer les touches des actions');
    expect(help.textContent).toContain('Parler (maintenir)');
    expect(help.textContent).toContain('Décrocher');
  });
});
