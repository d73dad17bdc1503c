// The members' pages signed out: their heading, why, and « Se connecter »; nothing of their
// content, which is not even asked of the server (it answered 401s, and « no badge yet »).
import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { BadgesPage } from '../badges/BadgesPage.js';
import { badgesApi } from '../badges/badgesApi.js';
import { ClassesPage } from '../classroom/ClassesPage.js';
import { signedInAs } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { settle } from '../test/settle.js';
import { accountApi } from './accountApi.js';
import { OrganizationPage } from './OrganizationPage.js';
import { SignedInPage } from './SignedInPage.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// What a visitor reads, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

const signedOut = { me: () => Promise.resolve({ ok: false as const, code: 'auth/sign_in_required' }) };

describe('a page for members', () => {
  it('signed out: its heading, why, and « Se connecter »; not its content', async () => {
    let rendered = 0;
    renderWithSession(
      <SignedInPage heading="Badges" accounts={signedOut}>
        {() => {
          rendered += 1;
          return <p>contenu</p>;
        }}
      </SignedInPage>,
    );
    await settle();
    expect(screen.getByRole('heading', { level: 1, name: 'Badges' })).toBeTruthy();
    expect(screen.getByText(fr('error.auth/sign_in_required'))).toBeTruthy();
    expect(screen.getByRole('link', { name: fr('account.signIn.heading') }).getAttribute('href')).toBe(
      '/connexion',
    );
    expect(rendered).toBe(0);
  });

  it('signed in: its content, given who is signed in', async () => {
    renderWithSession(
      <SignedInPage heading="Badges" accounts={signedInAs('admin')}>
        {(me) => <p>{`${me.name} (${me.role})`}</p>}
      </SignedInPage>,
    );
    await settle();
    expect(screen.getByText('Camille Martin (admin)')).toBeTruthy();
    expect(screen.queryByRole('link', { name: fr('account.signIn.heading') })).toBeNull();
  });

  it('« Organisme », « Badges » and « Séances de groupe » signed out ask none of their data', async () => {
    const asked: string[] = [];
    const organization = {
      ...accountApi,
      ...signedOut,
      organization: () => (asked.push('organization'), Promise.resolve({ ok: false as const, code: 'x' })),
    } as unknown as typeof accountApi;
    const badges = {
      ...badgesApi,
      definitions: () => (asked.push('badges'), Promise.resolve({ ok: false as const, code: 'x' })),
    } as unknown as typeof badgesApi;
    for (const page of [
      <OrganizationPage key="o" api={organization} origin="https://ecoute.test" />,
      <BadgesPage key="b" api={badges} account={signedOut} />,
      <ClassesPage key="c" accounts={signedOut} />,
    ]) {
      const { unmount } = renderWithSession(page);
      await settle();
      expect(screen.getByRole('link', { name: fr('account.signIn.heading') })).toBeTruthy();
      unmount();
    }
    expect(asked).toEqual([]);
  });
});
