import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { renderWithSession } from '../test/renderWithSession.js';
import { settle } from '../test/settle.js';
import { accountApi } from './accountApi.js';
import { SetupPage } from './SetupPage.js';
import { translate } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

const fr = (key: MessageKey) => translate('fr', key);

function apiWhere(needed: boolean): typeof accountApi {
  return {
    ...accountApi,
    setupStatus: () => Promise.resolve({ ok: true as const, data: { needed } }),
  } as unknown as typeof accountApi;
}

const route = { path: '/setup', url: '/setup#k=jeton' };

describe('SetupPage', () => {
  it('shows the form while no organisation exists', async () => {
    renderWithSession(<SetupPage api={apiWhere(true)} />, { route });
    await settle();
    expect(screen.getByRole('button', { name: fr('account.setup.submit') })).not.toBeNull();
    expect(screen.queryByText(fr('account.setup.done'))).toBeNull();
  });

  it('says on arrival that the link has served, with the way to sign in, instead of a form it would refuse', async () => {
    renderWithSession(<SetupPage api={apiWhere(false)} />, { route });
    await settle();
    expect(screen.getByRole('status').textContent).toBe(fr('account.setup.done'));
    expect(screen.getByRole('link', { name: fr('account.signIn.heading') }).getAttribute('href')).toBe(
      '/connexion',
    );
    expect(screen.queryByRole('button', { name: fr('account.setup.submit') })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});
