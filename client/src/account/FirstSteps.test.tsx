import { afterEach, describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, within } from '@testing-library/react';
import type { AccountMe, OrganizationSummary, SessionListItem } from '@ecoute/protocol';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';
import { signedInAs } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { settle } from '../test/settle.js';
import { accountApi } from './accountApi.js';
import { AccountHome } from './AccountHome.js';
import { FirstSteps, type FirstStepsApi } from './FirstSteps.js';
import { libraryApi } from '../library/libraryApi.js';
import { LibraryPage } from '../library/LibraryPage.js';

// What an administrator reads, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

const admin: AccountMe = {
  userId: 'u1',
  name: 'Camille Martin',
  email: 'camille@example.org',
  role: 'admin',
  organizationName: 'Allô Numérique',
  retentionDays: 365,
};
const alone: OrganizationSummary = {
  name: 'Allô Numérique',
  members: [{ userId: 'u1', name: 'Camille Martin', email: 'camille@example.org', role: 'admin' }],
  invitations: [],
  retentionDays: 365,
  defaultRetentionDays: 365,
};

/** A new organisation (nothing done), or one where `done` is. */
function organisation(
  done: {
    played?: boolean;
    invite?: boolean;
    class?: boolean;
    badge?: boolean;
    lti?: boolean;
    ownCall?: boolean;
    /** A call still on (not played to its end). */
    live?: boolean;
  } = {},
): FirstStepsApi {
  const ok = <T,>(data: T) => Promise.resolve({ ok: true as const, data });
  return {
    organization: () =>
      ok({
        ...alone,
        invitations: done.invite
          ? [{ id: 'i1', email: 'dominique@example.org', role: 'trainer', expiresAt: '2026-12-14T00:00:00Z' }]
          : [],
      }),
    classes: () => ok(done.class ? ([{ id: 'c1' }] as never[]) : []),
    badges: () => ok({ badges: done.badge ? ([{ id: 'b1' }] as never[]) : [] }),
    lti: () =>
      ok({
        url: 'https://ecoute.test/lti/register/x',
        platforms: done.lti
          ? [
              {
                issuer: 'https://moodle.test',
                clientId: 'c',
                deploymentIds: [],
                createdAt: '2026-12-01T00:00:00Z',
              },
            ]
          : [],
      }),
    // The built-in calls are every organisation's; one of its own is done.
    library: () =>
      ok([
        { id: 'appel-entrainement', title: "Appel d'entraînement", builtIn: true, published: 1 },
        ...(done.ownCall ? [{ id: 'appel-caf', title: 'Appel CAF', builtIn: false, draft: 1 }] : []),
      ]),
    sessions: () =>
      ok([
        ...(done.live ? [call('s-live', 'live')] : []),
        ...(done.played ? [call('s-ended', 'ended')] : []),
      ]),
  };
}

function call(id: string, status: 'live' | 'ended'): SessionListItem {
  return {
    id,
    scenarioId: 'appel-entrainement',
    scenarioVersion: 6,
    scenarioTitle: "Appel d'entraînement",
    createdAt: '2026-12-07T09:00:00Z',
    endedAt: status === 'ended' ? '2026-12-07T09:08:00Z' : null,
    status,
    outcome: status === 'ended' ? 'best' : null,
    learner: 'Lucie',
    manageable: true,
    createdBy: null,
  };
}

const steps = (): HTMLElement => screen.getByRole('region', { name: fr('account.firstSteps.heading') });

afterEach(() => localStorage.clear());

describe('FirstSteps', () => {
  it("gives a new administrator the organisation's next steps as links, none done yet", async () => {
    renderWithSession(<FirstSteps me={admin} api={organisation()} />);
    await settle();
    const list = within(steps()).getByRole('list');
    const links = within(list).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      [fr('account.firstSteps.play'), '/#new-session-heading'],
      [fr('account.firstSteps.invite'), '/organisation#invite-heading'],
      [fr('account.firstSteps.library'), '/bibliotheque'],
      [fr('account.firstSteps.class'), '/classes'],
      [fr('account.firstSteps.badge'), '/badges'],
      [fr('account.firstSteps.lti'), '/organisation#lti-heading'],
    ]);
    expect(list.tagName).toBe('OL');
    expect(
      within(steps()).getByText(fr('account.firstSteps.progress.one', { count: 0, total: 6 })),
    ).toBeTruthy();
    expect(within(steps()).queryByText(fr('account.firstSteps.done'))).toBeNull();
  });

  it('says « Fait » by each step the organisation shows done, and by the library once followed', async () => {
    renderWithSession(<FirstSteps me={admin} api={organisation({ invite: true, lti: true })} />);
    await settle();
    const item = (key: MessageKey) => screen.getByRole('link', { name: fr(key) }).closest('li')!;
    expect(
      within(item('account.firstSteps.invite')).queryByText(fr('account.firstSteps.done')),
    ).not.toBeNull();
    expect(within(item('account.firstSteps.lti')).queryByText(fr('account.firstSteps.done'))).not.toBeNull();
    expect(within(item('account.firstSteps.class')).queryByText(fr('account.firstSteps.done'))).toBeNull();
    expect(
      within(steps()).getByText(fr('account.firstSteps.progress.other', { count: 2, total: 6 })),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: fr('account.firstSteps.library') }));
    expect(
      within(item('account.firstSteps.library')).queryByText(fr('account.firstSteps.done')),
    ).not.toBeNull();
    // Kept for the next visit of the home page.
    expect(JSON.parse(localStorage.getItem('ecoute.firstSteps.u1') ?? '{}')).toEqual({
      hidden: false,
      library: true,
    });
  });

  it('ticks the library once its page was opened by another way than the list (the header, an address)', async () => {
    const library = { ...libraryApi, list: organisation().library } as typeof libraryApi;
    const adminAccount = { me: () => Promise.resolve({ ok: true as const, data: admin }) };
    const { unmount } = renderWithSession(<LibraryPage api={library} accounts={adminAccount} />);
    await screen.findByRole('heading', { level: 1, name: fr('library.heading') });
    await settle();
    unmount();
    // Back on the home page.
    renderWithSession(<FirstSteps me={admin} api={organisation()} />);
    await settle();
    const item = screen.getByRole('link', { name: fr('account.firstSteps.library') }).closest('li')!;
    expect(within(item).queryByText(fr('account.firstSteps.done'))).not.toBeNull();
    expect(
      within(steps()).getByText(fr('account.firstSteps.progress.one', { count: 1, total: 6 })),
    ).toBeTruthy();
  });

  it('ticks the library when the organisation has a call of its own (written in another browser)', async () => {
    renderWithSession(<FirstSteps me={admin} api={organisation({ ownCall: true })} />);
    await settle();
    const item = screen.getByRole('link', { name: fr('account.firstSteps.library') }).closest('li')!;
    expect(within(item).queryByText(fr('account.firstSteps.done'))).not.toBeNull();
  });

  it('ticks « Jouer un premier appel » once a call of the organisation was played to its end, not while one is on', async () => {
    const item = () => screen.getByRole('link', { name: fr('account.firstSteps.play') }).closest('li')!;
    const { unmount } = renderWithSession(<FirstSteps me={admin} api={organisation({ live: true })} />);
    await settle();
    expect(within(item()).queryByText(fr('account.firstSteps.done'))).toBeNull();
    unmount();
    renderWithSession(<FirstSteps me={admin} api={organisation({ live: true, played: true })} />);
    await settle();
    expect(within(item()).queryByText(fr('account.firstSteps.done'))).not.toBeNull();
    expect(
      within(steps()).getByText(fr('account.firstSteps.progress.one', { count: 1, total: 6 })),
    ).toBeTruthy();
  });

  it('goes once every step is done', async () => {
    localStorage.setItem('ecoute.firstSteps.u1', JSON.stringify({ hidden: false, library: true }));
    renderWithSession(
      <FirstSteps
        me={admin}
        api={organisation({ played: true, invite: true, class: true, badge: true, lti: true })}
      />,
    );
    await settle();
    expect(screen.queryByRole('region', { name: fr('account.firstSteps.heading') })).toBeNull();
  });

  it('hides when dismissed, for the next visits too, the focus to the page title', async () => {
    const { unmount } = renderWithSession(
      <main>
        <h1>Écoute</h1>
        <FirstSteps me={admin} api={organisation()} />
      </main>,
    );
    await settle();
    await act(async () => {
      fireEvent.click(within(steps()).getByRole('button', { name: fr('account.firstSteps.dismiss') }));
    });
    expect(screen.queryByRole('region', { name: fr('account.firstSteps.heading') })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
    unmount();
    renderWithSession(<FirstSteps me={admin} api={organisation()} />);
    await settle();
    expect(screen.queryByRole('region', { name: fr('account.firstSteps.heading') })).toBeNull();
  });
});

describe('FirstSteps shown again', () => {
  const showAgain = (): HTMLElement => screen.getByRole('button', { name: fr('account.firstSteps.show') });

  it('leaves a way back where the list was: hidden, then shown again, the focus on its heading', async () => {
    renderWithSession(
      <main>
        <h1>Écoute</h1>
        <FirstSteps me={admin} api={organisation({ invite: true })} />
      </main>,
    );
    await settle();
    await act(async () => {
      fireEvent.click(within(steps()).getByRole('button', { name: fr('account.firstSteps.dismiss') }));
    });
    expect(screen.queryByRole('region', { name: fr('account.firstSteps.heading') })).toBeNull();
    // A button, reached with Tab like any other (it acts on this page: no link).
    expect(showAgain().tagName).toBe('BUTTON');
    await act(async () => {
      fireEvent.click(showAgain());
    });
    await settle();
    const heading = within(steps()).getByRole('heading', {
      level: 2,
      name: fr('account.firstSteps.heading'),
    });
    expect(document.activeElement).toBe(heading);
    expect(
      within(steps()).getByText(fr('account.firstSteps.progress.one', { count: 1, total: 6 })),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: fr('account.firstSteps.show') })).toBeNull();
    // Kept: the next visit shows the list.
    expect(JSON.parse(localStorage.getItem('ecoute.firstSteps.u1') ?? '{}')).toEqual({
      hidden: false,
      library: false,
    });
  });

  it('on a later visit, hidden: the way back, and the list asked for again even with every step done', async () => {
    localStorage.setItem('ecoute.firstSteps.u1', JSON.stringify({ hidden: true, library: true }));
    renderWithSession(
      <FirstSteps
        me={admin}
        api={organisation({ played: true, invite: true, class: true, badge: true, lti: true })}
      />,
    );
    await settle();
    expect(screen.queryByRole('region', { name: fr('account.firstSteps.heading') })).toBeNull();
    showAgain().focus();
    await act(async () => {
      fireEvent.click(showAgain());
    });
    await settle();
    expect(document.activeElement).toBe(
      within(steps()).getByRole('heading', { level: 2, name: fr('account.firstSteps.heading') }),
    );
    expect(
      within(steps()).getByText(fr('account.firstSteps.progress.other', { count: 6, total: 6 })),
    ).toBeTruthy();
  });
});

describe('AccountHome: first steps', () => {
  const asRole = (role: AccountMe['role']) =>
    ({ ...accountApi, ...signedInAs(role) }) as unknown as typeof accountApi;

  it("shows an administrator the first steps under the home's title, before the session form", async () => {
    renderWithSession(<AccountHome api={asRole('admin')} firstSteps={organisation()} />);
    const heading = await screen.findByRole('heading', { level: 2, name: fr('account.firstSteps.heading') });
    const form = screen.getByRole('heading', { level: 2, name: fr('home.scenarios.heading') });
    const title = screen.getByRole('heading', { level: 1 });
    expect(title.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(heading.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows a trainer none', async () => {
    renderWithSession(<AccountHome api={asRole('trainer')} firstSteps={organisation()} />);
    await screen.findByRole('heading', { level: 2, name: fr('home.scenarios.heading') });
    await settle();
    expect(screen.queryByRole('heading', { name: fr('account.firstSteps.heading') })).toBeNull();
  });
});
