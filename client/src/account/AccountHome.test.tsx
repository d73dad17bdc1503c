import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import type { AccountMe } from '@ecoute/protocol';
import { renderWithSession } from '../test/renderWithSession.js';
import type { accountApi } from './accountApi.js';
import { AccountHome } from './AccountHome.js';

function signedInAs(role: AccountMe['role']): typeof accountApi {
  const me: AccountMe = {
    userId: 'u1',
    name: 'Camille',
    email: 'camille@example.org',
    role,
    organizationName: 'Allô Numérique',
    retentionDays: 365,
  };
  return { me: () => Promise.resolve({ ok: true as const, data: me }) } as unknown as typeof accountApi;
}

describe('AccountHome', () => {
  it('gives an author the way to the library, not a session form that would refuse them', async () => {
    renderWithSession(<AccountHome api={signedInAs('author')} />);
    await screen.findByRole('heading', { level: 2, name: 'Écrire les appels' });
    const library = screen.getByRole('link', { name: "Ouvrir la bibliothèque d'appels" });
    expect(library.getAttribute('href')).toBe('/bibliotheque');
    expect(screen.queryByRole('heading', { name: 'Nouvelle séance' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Créer la séance' })).toBeNull();
  });

  it('gives a trainer the session form', async () => {
    renderWithSession(<AccountHome api={signedInAs('trainer')} />);
    await screen.findByRole('heading', { level: 2, name: 'Nouvelle séance' });
    expect(screen.queryByRole('heading', { name: 'Écrire les appels' })).toBeNull();
  });
});
