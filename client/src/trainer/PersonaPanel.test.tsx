import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { renderWithSession } from '../test/renderWithSession.js';
import { translate } from '../i18n/catalogue.js';
import { trainerView } from '../test/fixtures.js';
import { libraryViews } from '../test/libraryViews.js';
import { PersonaPanel } from './PersonaPanel.js';

const fr = (key: Parameters<typeof translate>[1]) => translate('fr', key);
const plain = (text: string) => text.replace(/\s+/g, ' ');

describe('PersonaPanel', () => {
  it("shows a library call's notes for the trainer under their heading, after the caller's story", () => {
    const { persona } = libraryViews('violence-conjugale-numerique').trainer;
    expect(persona.trainerNotes).toContain('Leviers');
    renderWithSession(<PersonaPanel persona={persona} />);
    const panel = screen.getByRole('region', { name: fr('trainer.persona.heading') });
    const notes = within(panel).getByRole('region', { name: fr('trainer.persona.trainerNotes') });
    expect(within(notes).getByRole('heading', { level: 3 }).textContent).toBe(
      fr('trainer.persona.trainerNotes'),
    );
    expect(plain(notes.textContent ?? '')).toContain(plain(persona.trainerNotes!));
    expect(plain(panel.textContent ?? '')).toContain(plain(persona.background));
  });

  it('shows no notes heading for a call without notes', () => {
    renderWithSession(<PersonaPanel persona={trainerView().persona} />);
    expect(screen.queryByRole('heading', { name: fr('trainer.persona.trainerNotes') })).toBeNull();
  });
});
