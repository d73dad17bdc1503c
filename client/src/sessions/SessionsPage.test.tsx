import { afterEach, describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, within } from '@testing-library/react';
import type { SessionListItem, SessionListQuery } from '@ecoute/protocol';
import type { HomeApi } from '../home/homeApi.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { SessionsPage } from './SessionsPage.js';
import type { SessionsApi } from './sessionsApi.js';

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
        },
      ],
    }),
  createSession: () => Promise.resolve({ ok: false, code: 'server/internal' }),
};

function fakeApi(refuse: string | null = null) {
  const calls: { token: string; list: SessionListQuery[]; removed: string[] } = {
    token: '',
    list: [],
    removed: [],
  };
  const apiFor = (token: string): SessionsApi => {
    calls.token = token;
    return {
      list: (query) => {
        calls.list.push(query);
        return Promise.resolve(refuse ? { ok: false, code: refuse } : { ok: true, data: sessions });
      },
      remove: (id) => {
        calls.removed.push(id);
        return Promise.resolve({ ok: true, data: { ok: true } });
      },
    };
  };
  return { calls, apiFor };
}

async function settle(): Promise<void> {
  await act(async () => {
    await Promise.resolve();
  });
}

afterEach(() => sessionStorage.clear());

describe('the sessions list', () => {
  it('asks for the admin token, then lists the sessions', async () => {
    const { calls, apiFor } = fakeApi();
    renderWithSession(<SessionsPage apiFor={apiFor} homeApi={homeApi} />);
    fireEvent.change(screen.getByLabelText("Jeton d'administration"), { target: { value: 'secret-token' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ouvrir la liste' }));
    await settle();
    expect(calls.token).toBe('secret-token');
    expect(sessionStorage.getItem('ecoute.adminToken')).toBe('secret-token');
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByText('Camille')).toBeTruthy();
    expect(within(rows[1]!).getByText('très bien')).toBeTruthy();
    expect(within(rows[2]!).getByText('en cours')).toBeTruthy();
    const link = within(rows[1]!).getByRole('link', { name: /Débriefing/ });
    expect(link.getAttribute('href')).toBe('/debrief/s1#k=secret-token');
  });

  it('filters by scenario, learner, dates and outcome', async () => {
    sessionStorage.setItem('ecoute.adminToken', 'kept');
    const { calls, apiFor } = fakeApi();
    renderWithSession(<SessionsPage apiFor={apiFor} homeApi={homeApi} />);
    await settle();
    expect(calls.list).toEqual([{}]);
    fireEvent.change(screen.getByLabelText('Scénario'), { target: { value: 'appel-entrainement' } });
    fireEvent.change(screen.getByLabelText('Apprenant·e'), { target: { value: 'cam' } });
    fireEvent.change(screen.getByLabelText('Du'), { target: { value: '2026-01-01' } });
    fireEvent.change(screen.getByLabelText('Issue'), { target: { value: 'best' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filtrer' }));
    await settle();
    expect(calls.list.at(-1)).toEqual({
      scenario: 'appel-entrainement',
      learner: 'cam',
      from: '2026-01-01',
      outcome: 'best',
    });
  });

  it('deletes a session after a confirmation', async () => {
    sessionStorage.setItem('ecoute.adminToken', 'kept');
    const { calls, apiFor } = fakeApi();
    renderWithSession(<SessionsPage apiFor={apiFor} homeApi={homeApi} />);
    await settle();
    fireEvent.click(screen.getAllByRole('button', { name: /^Supprimer/ })[0]!);
    expect(calls.removed).toEqual([]);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Oui, supprimer' }));
    });
    expect(calls.removed).toEqual(['s1']);
    expect(screen.queryByText('Camille')).toBeNull();
    expect(screen.getByRole('status').textContent).toMatch(/^Séance du .* supprimée\.$/);
  });

  it('says when the token is refused and lets another be typed', async () => {
    sessionStorage.setItem('ecoute.adminToken', 'wrong');
    const { apiFor } = fakeApi('auth/invalid_token');
    renderWithSession(<SessionsPage apiFor={apiFor} homeApi={homeApi} />);
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Lien de séance invalide ou expiré.');
    fireEvent.click(screen.getByRole('button', { name: 'Saisir un autre jeton' }));
    expect(screen.getByLabelText("Jeton d'administration")).toBeTruthy();
    expect(sessionStorage.getItem('ecoute.adminToken')).toBeNull();
  });
});
