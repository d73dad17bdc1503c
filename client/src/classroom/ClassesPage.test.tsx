// « Séances de groupe »: the creation's button, disabled, says what is missing.
import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen } from '@testing-library/react';
import { signedInAs } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { settle } from '../test/settle.js';
import { ClassesPage } from './ClassesPage.js';

describe('the group sessions page', () => {
  it('says under « Créer la séance de groupe » what it still needs', async () => {
    renderWithSession(<ClassesPage accounts={signedInAs()} />);
    await settle();
    const submit = screen.getByRole('button', { name: 'Créer la séance de groupe' });
    const why = () => document.getElementById(submit.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(submit.hasAttribute('disabled')).toBe(true);
    expect(why()).toBe('Donnez un nom au groupe et choisissez au moins un scénario.');
    fireEvent.change(screen.getByRole('textbox', { name: 'Nom du groupe' }), { target: { value: 'Mardi' } });
    expect(why()).toBe('Choisissez au moins un scénario.');
    expect(submit.hasAttribute('disabled')).toBe(true);
  });
});
