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
import { AccountNav } from './AccountNav.js';
import { SessionsPage } from '../sessions/SessionsPage.js';
import type { SessionsApi } from '../sessions/sessionsApi.js';
import type { HomeApi } from '../home/homeApi.js';
import { MEMBER_PAGES } from '@ecoute/protocol';
import type { AccountMe, MemberRoleName } from '@ecoute/protocol';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// What a visitor reads, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);
/** A sentence as the page shows it (Testing Library reads U+00A0 as a space). */
const plain = (text: string) => text.replace(/\s+/g, ' ');

const signedOut = { me: () => Promise.resolve({ ok: false as const, code: 'auth/sign_in_required' }) };

describe('a page for members', () => {
  it('signed out: its heading, why, and « Se connecter »; not its content', async () => {
    let rendered = 0;
    renderWithSession(
      <SignedInPage heading="Badges" page="badges" accounts={signedOut}>
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
      <SignedInPage heading="Badges" page="badges" accounts={signedInAs('admin')}>
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

  it("an author on « Séances de l'organisme », « Badges », « Séances de groupe »: what it is for and whose, once; nothing else", async () => {
    const asked: string[] = [];
    const sessions: SessionsApi = {
      list: () => (asked.push('sessions'), Promise.resolve({ ok: true, data: [] })),
      remove: () => Promise.resolve({ ok: true, data: { ok: true } }),
    };
    const scenarios = {
      listScenarios: () => (asked.push('scenarios'), Promise.resolve({ ok: true, data: [] })),
      createSession: () => Promise.resolve({ ok: false, code: 'x' }),
    } as unknown as HomeApi;
    const badges = {
      ...badgesApi,
      definitions: () => (asked.push('badges'), Promise.resolve({ ok: false as const, code: 'x' })),
    } as unknown as typeof badgesApi;
    const whose = fr('account.page.notForRole', {
      who: fr('account.page.for.trainersAdmins'),
      role: fr('account.page.yourRole.author'),
    });
    // One sentence, its parts filled in (the catalogue's words, not copied here).
    expect(whose).not.toMatch(/[{}]/);
    expect(whose).toContain(fr('account.page.for.trainersAdmins'));
    expect(whose).toContain(fr('account.page.yourRole.author'));
    for (const [page, heading, purpose] of [
      [
        <SessionsPage key="s" api={sessions} homeApi={scenarios} accounts={signedInAs('author')} />,
        fr('sessions.heading'),
        fr('sessions.purpose'),
      ],
      [
        <BadgesPage key="b" api={badges} account={signedInAs('author')} />,
        fr('badges.heading'),
        fr('badges.purpose'),
      ],
      [
        <ClassesPage key="c" accounts={signedInAs('author')} />,
        fr('classroom.title'),
        fr('classroom.purpose'),
      ],
    ] as const) {
      const { unmount, container } = renderWithSession(page);
      await settle();
      expect(screen.getByRole('heading', { level: 1, name: heading })).toBeTruthy();
      expect(screen.getByText(purpose)).toBeTruthy();
      expect(screen.getAllByText(plain(whose))).toHaveLength(1);
      expect(screen.queryByRole('alert')).toBeNull();
      expect(container.querySelector('form, table, input, select, button')).toBeNull();
      expect(screen.queryByRole('link', { name: fr('account.signIn.heading') })).toBeNull();
      expect(screen.queryByText(fr('error.auth/forbidden_role'))).toBeNull();
      unmount();
    }
    expect(asked).toEqual([]);
  });

  it("a trainer on « Organisme »: it is the administrators'", async () => {
    const organization = {
      ...accountApi,
      ...signedInAs('trainer'),
      organization: () => Promise.resolve({ ok: false as const, code: 'auth/forbidden_role' }),
    } as unknown as typeof accountApi;
    renderWithSession(<OrganizationPage api={organization} origin="https://ecoute.test" />);
    await settle();
    expect(screen.getByText(fr('account.organization.purpose'))).toBeTruthy();
    expect(
      screen.getByText(
        plain(
          fr('account.page.notForRole', {
            who: fr('account.page.for.admins'),
            role: fr('account.page.yourRole.trainer'),
          }),
        ),
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe("the account's menu", () => {
  const me = (role: MemberRoleName): AccountMe => ({
    userId: 'u1',
    name: 'Camille Martin',
    email: 'camille@example.org',
    role,
    organizationName: 'Allô Numérique',
    retentionDays: 365,
  });
  const pagesOf = (role: MemberRoleName): string[] => {
    const { unmount } = renderWithSession(<AccountNav me={me(role)} />);
    const nav = screen.getByRole('navigation', { name: fr('account.nav.label') });
    const paths = [...nav.querySelectorAll('a')]
      .map((a) => a.getAttribute('href') ?? '')
      .filter((href) => href !== '/confidentialite');
    unmount();
    return paths;
  };

  it("offers each role only the pages it may use (the policy: organisation.* is the administrators')", () => {
    const { sessions, classes, badges, library, organisation } = MEMBER_PAGES;
    expect(pagesOf('author')).toEqual([library.path]);
    expect(pagesOf('trainer')).toEqual([sessions.path, classes.path, badges.path, library.path]);
    expect(pagesOf('admin')).toEqual([
      sessions.path,
      classes.path,
      badges.path,
      library.path,
      organisation.path,
    ]);
  });
});
