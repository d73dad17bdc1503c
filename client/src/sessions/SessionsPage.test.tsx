import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { accountApi } from '../account/accountApi.js';
import { SessionSharePage } from '../account/SessionSharePage.js';
import { I18nProvider } from '../i18n/index.js';
import { formatDateTime } from '../i18n/formatDate.js';
import type { SessionListItem, SessionListQuery } from '@ecoute/protocol';
import type { HomeApi } from '../home/homeApi.js';
import { signedInAs } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { settle } from '../test/settle.js';
import { SessionsPage } from './SessionsPage.js';
import type { SessionsApi } from './sessionsApi.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// What a trainer reads, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);
/** A sentence as the page shows it (Testing Library reads U+00A0 as a space). */
const plain = (text: string) => text.replace(/\s+/g, ' ');
/** An accessible name that holds `words`. */
const containing = (words: string) => (name: string) => name.includes(words);
/** An accessible name that starts with `words`. */
const startingWith = (words: string) => (name: string) => name.startsWith(words);

const sessions: SessionListItem[] = [
  {
    id: 's1',
    scenarioId: 'appel-entrainement',
    scenarioVersion: 1,
    scenarioTitle: "Appel d'entraînement",
    createdAt: '2026-01-02T10:00:00.000Z',
    endedAt: '2026-01-02T10:08:00.000Z',
    status: 'ended',
    outcome: 'best',
    learner: 'Camille',
    manageable: true,
    createdBy: 'Camille Martin',
  },
  {
    id: 's2',
    scenarioId: 'detresse-suicidaire',
    scenarioVersion: 1,
    scenarioTitle: 'Détresse suicidaire',
    createdAt: '2026-01-03T10:00:00.000Z',
    endedAt: null,
    status: 'live',
    outcome: null,
    learner: null,
    manageable: true,
    createdBy: 'Camille Martin',
  },
];

const homeApi: HomeApi = {
  listScenarios: () =>
    Promise.resolve({
      ok: true,
      data: [
        {
          id: 'appel-entrainement',
          version: 1,
          title: "Appel d'entraînement",
          summary: '',
          difficulty: 'easy',
          durationMinutes: 8,
          speechExamples: { moves: 8, withExamples: 0 },
        },
      ],
    }),
  createSession: () => Promise.resolve({ ok: false, code: 'server/internal' }),
};

function fakeApi(refuse: string | null = null) {
  const calls: { list: SessionListQuery[]; removed: string[] } = { list: [], removed: [] };
  const api: SessionsApi = {
    list: (query) => {
      calls.list.push(query);
      return Promise.resolve(refuse ? { ok: false, code: refuse } : { ok: true, data: sessions });
    },
    remove: (id) => {
      calls.removed.push(id);
      return Promise.resolve({ ok: true, data: { ok: true } });
    },
  };
  return { calls, api };
}

describe('the sessions list', () => {
  it("lists the organisation's sessions, each with its debrief and its links", async () => {
    const { calls, api } = fakeApi();
    renderWithSession(<SessionsPage api={api} homeApi={homeApi} accounts={signedInAs()} />);
    await settle();
    expect(calls.list).toEqual([{}]);
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByText('Camille')).toBeTruthy();
    expect(within(rows[1]!).getByText(fr('outcome.best'))).toBeTruthy();
    expect(within(rows[2]!).getByText(fr('sessions.live'))).toBeTruthy();
    const link = within(rows[1]!).getByRole('link', { name: containing(fr('sessions.open')) });
    expect(link.getAttribute('href')).toBe('/debrief/s1');
    const links = within(rows[1]!).getByRole('link', { name: containing(fr('account.share.link')) });
    expect(links.getAttribute('href')).toBe('/sessions/s1/liens');
    // The table's name says how many, in words (not « 2 séance(s) »).
    expect(screen.getByRole('table', { name: fr('sessions.caption.other', { count: 2 }) })).toBeTruthy();
    // Each cell names its column: on a phone the rows are cards, each value after its name.
    expect(within(rows[1]!).getByText('Camille').closest('td')?.dataset.label).toBe(
      `${fr('sessions.col.learner')}${fr('ui.separator.colon')}`,
    );
    // The call's version in words (« version 1 »), as on the home page, not a code (« v1 »).
    const call = within(rows[1]!).getByText("Appel d'entraînement", { exact: false });
    expect(call.textContent).toBe(`Appel d'entraînement ${fr('sessions.version', { version: 1 })}`);
    expect(call.textContent).not.toMatch(/\bv1\b/);
  });

  it("« Liens et QR codes » opens links that name their call and the session's date", async () => {
    const { api } = fakeApi();
    const accounts = {
      ...accountApi,
      links: () =>
        Promise.resolve({
          ok: true as const,
          data: {
            sessionId: 's1',
            links: {
              listener: '/ecoute/s1#k=l',
              trainer: '/animation/s1#k=t',
              observer: '/observation/s1#k=o',
            },
            scenarioId: 'appel-entrainement',
            scenarioTitle: "Appel d'entraînement",
            scenarioVersion: 1,
            createdAt: '2026-01-02T10:00:00.000Z',
          },
        }),
    };
    render(
      <I18nProvider initialLang="fr">
        <MemoryRouter initialEntries={['/sessions']}>
          <Routes>
            <Route
              path="/sessions"
              element={<SessionsPage api={api} homeApi={homeApi} accounts={signedInAs()} />}
            />
            <Route
              path="/sessions/:sessionId/liens"
              element={<SessionSharePage api={accounts} origin="https://ecoute.test" />}
            />
          </Routes>
        </MemoryRouter>
      </I18nProvider>,
    );
    await settle();
    const row = screen.getAllByRole('row')[1]!;
    fireEvent.click(within(row).getByRole('link', { name: containing(fr('account.share.link')) }));
    await settle();
    expect(screen.getByRole('heading', { level: 1, name: fr('account.share.heading') })).toBeTruthy();
    // Among several sessions of a morning, the trainer reads which one these links open.
    const named = screen.getByRole('heading', { level: 1 }).nextElementSibling;
    expect(named?.textContent).toBe(
      fr('account.share.callAt', {
        title: "Appel d'entraînement",
        version: 1,
        date: formatDateTime((key, params) => fr(key, params), '2026-01-02T10:00:00.000Z'),
      }),
    );
    expect(screen.getByText('https://ecoute.test/ecoute/s1#k=l')).toBeTruthy();
  });

  it('filters by scenario, learner, dates and outcome', async () => {
    const { calls, api } = fakeApi();
    renderWithSession(<SessionsPage api={api} homeApi={homeApi} accounts={signedInAs()} />);
    await settle();
    expect(calls.list).toEqual([{}]);
    fireEvent.change(screen.getByLabelText(fr('sessions.filters.scenario')), {
      target: { value: 'appel-entrainement' },
    });
    fireEvent.change(screen.getByLabelText(fr('sessions.filters.learner')), { target: { value: 'cam' } });
    fireEvent.change(screen.getByLabelText(fr('sessions.filters.from')), { target: { value: '2026-01-01' } });
    fireEvent.change(screen.getByLabelText(fr('sessions.filters.outcome')), { target: { value: 'best' } });
    fireEvent.click(screen.getByRole('button', { name: fr('sessions.filters.apply') }));
    await settle();
    expect(calls.list.at(-1)).toEqual({
      scenario: 'appel-entrainement',
      learner: 'cam',
      from: '2026-01-01',
      outcome: 'best',
    });
  });

  it('deletes a session after a confirmation', async () => {
    const { calls, api } = fakeApi();
    renderWithSession(<SessionsPage api={api} homeApi={homeApi} accounts={signedInAs()} />);
    await settle();
    // The focus follows: « Supprimer » → « Oui, supprimer », « Annuler » → back to « Supprimer ».
    fireEvent.click(screen.getAllByRole('button', { name: startingWith(fr('sessions.delete')) })[0]!);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: fr('sessions.delete.yes') }));
    fireEvent.click(screen.getByRole('button', { name: fr('debrief.cancel') }));
    expect(document.activeElement).toBe(
      screen.getAllByRole('button', { name: startingWith(fr('sessions.delete')) })[0],
    );
    fireEvent.click(screen.getAllByRole('button', { name: startingWith(fr('sessions.delete')) })[0]!);
    expect(calls.removed).toEqual([]);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('sessions.delete.yes') }));
    });
    expect(calls.removed).toEqual(['s1']);
    expect(screen.queryByText('Camille')).toBeNull();
    // The deleted row's buttons are gone: the focus is on the page's heading, not on <body>.
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
    expect(screen.getByRole('status').textContent).toMatch(/^Séance du .* supprimée\.$/);
  });

  it("offers no action on someone else's session: whose it is and who may, in their words", async () => {
    const others: SessionListItem[] = [
      { ...sessions[0]!, manageable: false, createdBy: 'Dominique' },
      { ...sessions[1]!, manageable: false, createdBy: null },
    ];
    const api: SessionsApi = {
      list: () => Promise.resolve({ ok: true, data: others }),
      remove: () => Promise.resolve({ ok: true, data: { ok: true } }),
    };
    renderWithSession(<SessionsPage api={api} homeApi={homeApi} accounts={signedInAs()} />);
    await settle();
    const rows = screen.getAllByRole('row');
    expect(within(rows[1]!).getByText(plain(fr('sessions.notYours', { name: 'Dominique' })))).toBeTruthy();
    expect(within(rows[2]!).getByText(plain(fr('sessions.notYours.unknown')))).toBeTruthy();
    for (const row of rows.slice(1)) {
      expect(within(row).queryByRole('link')).toBeNull();
      expect(within(row).queryByRole('button')).toBeNull();
    }
  });

  it('says when nobody is signed in and offers the sign-in page', async () => {
    const { api } = fakeApi('auth/sign_in_required');
    renderWithSession(<SessionsPage api={api} homeApi={homeApi} accounts={signedInAs()} />);
    await settle();
    expect(screen.getByRole('alert').textContent).toBe(fr('error.auth/sign_in_required'));
    expect(screen.getByRole('link', { name: fr('account.signIn.heading') }).getAttribute('href')).toBe(
      '/connexion',
    );
  });
});
