import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, within } from '@testing-library/react';
import type { ScenarioSummary, SessionLinks } from '@ecoute/protocol';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import { LINK_ORDER, ROLE_KEYS } from '../ui/roleKeys.js';
import { renderWithSession } from '../test/renderWithSession.js';
import type { ApiResult, HomeApi } from './homeApi.js';
import { HomePage } from './HomePage.js';
import { readSessionLinks } from './savedLinks.js';
import type { MessageKey } from '../i18n/fr.js';

// What a trainer reads, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);
/** A text as `getByText` reads the page's: its no-break spaces as plain ones. */
const plain = (text: string) => text.replace(/\s+/g, ' ');

const scenarios: ScenarioSummary[] = [
  {
    id: 'nuit-blanche',
    version: 2,
    title: 'Nuit blanche',
    summary: 'Insomnie et solitude.',
    difficulty: 'facile',
    durationMinutes: 10,
    speechExamples: { moves: 12, withExamples: 12 },
  },
  {
    id: 'crise',
    version: 1,
    title: 'Crise suicidaire',
    summary: 'Idées noires.',
    difficulty: 'difficile',
    durationMinutes: 20,
    speechExamples: { moves: 30, withExamples: 30 },
  },
];

const links: SessionLinks = {
  sessionId: 'abc',
  links: { listener: '/ecoute/abc#k=l1', trainer: '/animation/abc#k=t1', observer: '/observation/abc#k=o1' },
};

function fakeApi(created: ApiResult<SessionLinks> = { ok: true, data: links }) {
  const requests: unknown[] = [];
  const api: HomeApi = {
    listScenarios: () => Promise.resolve({ ok: true, data: scenarios }),
    createSession: (request) => {
      requests.push(request);
      return Promise.resolve(created);
    },
  };
  return { api, requests };
}

describe('HomePage', () => {
  it("focuses « Nouvelle séance » when its address names it (the first steps' « Jouer un premier appel »)", async () => {
    const { api } = fakeApi();
    renderWithSession(<HomePage api={api} origin="https://ecoute.test" />, {
      route: { path: '/', url: '/#new-session-heading' },
    });
    await screen.findByRole('radio', { name: 'Crise suicidaire' });
    expect(document.activeElement).toBe(
      screen.getByRole('heading', { level: 2, name: fr('home.scenarios.heading') }),
    );
  });

  it('lists the scenarios and creates a session from the chosen one', async () => {
    const { api, requests } = fakeApi();
    renderWithSession(<HomePage api={api} origin="https://ecoute.test" />);
    const crisis = await screen.findByRole('radio', { name: 'Crise suicidaire' });
    fireEvent.click(crisis);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('home.create') }));
    });
    expect(requests).toEqual([{ scenarioId: 'crise' }]);

    const panel = within(screen.getByRole('region', { name: fr('home.links.heading') }));
    expect(panel.getByText('https://ecoute.test/ecoute/abc#k=l1')).not.toBeNull();
    const open = panel.getByRole('link', { name: fr('link.openLabel', { role: fr('role.trainer') }) });
    expect(open.getAttribute('href')).toBe('https://ecoute.test/animation/abc#k=t1');
    // The links name the call they open, even once another call is picked for the next session.
    fireEvent.click(screen.getByRole('radio', { name: 'Nuit blanche' }));
    expect(
      panel.getByText(plain(fr('account.share.call', { title: 'Crise suicidaire', version: 1 }))),
    ).not.toBeNull();
  });

  it('shows the chosen call’s summary only; each call’s summary stays its radio’s description', async () => {
    renderWithSession(<HomePage api={fakeApi().api} origin="https://ecoute.test" />);
    const night = await screen.findByRole('radio', { name: 'Nuit blanche' });
    const crisis = screen.getByRole('radio', { name: 'Crise suicidaire' });
    const shown = (text: string) => screen.getByText(text).closest('[hidden]') === null;
    expect([shown('Insomnie et solitude.'), shown('Idées noires.')]).toEqual([true, false]);
    // The hidden summary still describes its radio, with its difficulty and duration.
    const described = (radio: HTMLElement) =>
      (radio.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' ');
    expect(described(crisis)).toContain('Idées noires.');
    expect(described(crisis)).toContain(
      translate('fr', 'home.scenarios.meta', { difficulty: 'difficile', minutes: 20 }),
    );
    fireEvent.click(crisis);
    expect([shown('Insomnie et solitude.'), shown('Idées noires.')]).toEqual([false, true]);
    expect(described(night)).toContain('Insomnie et solitude.');
  });

  it('copies a link and confirms it in a live region', async () => {
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (text: string) => (copied.push(text), Promise.resolve()) },
    });
    renderWithSession(<HomePage api={fakeApi().api} origin="https://ecoute.test" />);
    await screen.findByRole('radio', { name: 'Nuit blanche' });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('home.create') }));
    });
    await act(async () => {
      fireEvent.click(
        screen.getByRole('button', { name: fr('link.copyLabel', { role: fr('role.observer') }) }),
      );
    });
    expect(copied).toEqual(['https://ecoute.test/observation/abc#k=o1']);
    expect(screen.getAllByRole('status').map((status) => status.textContent)).toContain(fr('link.copied'));
  });

  it('shows a refused creation by its code', async () => {
    const { api } = fakeApi({ ok: false, code: 'scenario/not_found' });
    renderWithSession(<HomePage api={api} origin="https://ecoute.test" />);
    await screen.findByRole('radio', { name: 'Nuit blanche' });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('home.create') }));
    });
    // By the button that asked (above the form, a phone's screen did not show it).
    const button = screen.getByRole('button', { name: fr('home.create') });
    const alert = button.previousElementSibling!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe(fr('error.scenario/not_found'));
  });

  it('shows an unreachable server', async () => {
    const api: HomeApi = {
      listScenarios: () => Promise.resolve({ ok: false, code: 'client/network' }),
      createSession: () => Promise.reject(new Error('not called')),
    };
    renderWithSession(<HomePage api={api} origin="https://ecoute.test" />);
    const message = await screen.findByText(plain(fr('error.client/network')));
    expect(message.getAttribute('role')).toBe('alert');
  });

  it('offers a learner to play the caller: a fourth link; the links stay in this browser for the console', async () => {
    const withActor: SessionLinks = {
      sessionId: 'abc',
      links: { ...links.links, callerActor: '/appelant/abc#k=c1' },
    };
    const { api, requests } = fakeApi({ ok: true, data: withActor });
    renderWithSession(<HomePage api={api} origin="https://ecoute.test" />);
    await screen.findByRole('radio', { name: 'Nuit blanche' });
    fireEvent.click(screen.getByRole('switch', { name: fr('home.callerActor') }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('home.create') }));
    });
    expect(requests).toEqual([{ scenarioId: 'nuit-blanche', callerActor: true }]);
    const panel = within(screen.getByRole('region', { name: fr('home.links.heading') }));
    expect(panel.getByText('https://ecoute.test/appelant/abc#k=c1')).not.toBeNull();
    // In the order of every page that lists the links (« Liens et QR codes », the console's).
    expect(panel.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(
      LINK_ORDER.map((role) => translate('fr', ROLE_KEYS[role])),
    );
    expect(readSessionLinks('abc')).toEqual(withActor);
    localStorage.clear();
    sessionStorage.clear();
  });
});
