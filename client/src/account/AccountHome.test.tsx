import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import type { AccountMe } from '@ecoute/protocol';
import { renderWithSession } from '../test/renderWithSession.js';
import type { accountApi } from './accountApi.js';
import { AccountHome } from './AccountHome.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// What a member reads, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

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
    await screen.findByRole('heading', { level: 2, name: fr('account.home.author.heading') });
    const library = screen.getByRole('link', { name: fr('account.home.author.library') });
    expect(library.getAttribute('href')).toBe('/bibliotheque');
    expect(screen.queryByRole('heading', { name: fr('home.scenarios.heading') })).toBeNull();
    expect(screen.queryByRole('button', { name: fr('home.create') })).toBeNull();
  });

  it('gives a trainer the session form', async () => {
    renderWithSession(<AccountHome api={signedInAs('trainer')} />);
    await screen.findByRole('heading', { level: 2, name: fr('home.scenarios.heading') });
    expect(screen.queryByRole('heading', { name: fr('account.home.author.heading') })).toBeNull();
  });
});
