import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import type { SessionLinks, SessionShare } from '@ecoute/protocol';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';
import { formatDateTime } from '../i18n/formatDate.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { accountApi } from './accountApi.js';
import { SessionSharePage } from './SessionSharePage.js';
import { SignInPage } from './SignInPage.js';

const first: SessionShare = {
  sessionId: 's1',
  links: { listener: '/ecoute/s1#k=old', trainer: '/animation/s1#k=t-old', observer: '/observation/s1#k=o-old' },
  scenarioId: 'appel-caf',
  scenarioTitle: 'Appel à la CAF',
  scenarioVersion: 3,
  createdAt: '2026-12-05T09:30:00.000Z',
};
const renewed: SessionLinks = {
  sessionId: 's1',
  links: { listener: '/ecoute/s1#k=new', trainer: '/animation/s1#k=t-new', observer: '/observation/s1#k=o-new' },
};

/** What a trainer reads, from the French catalogue. */
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

async function settle(): Promise<void> {
  await act(async () => {
    await Promise.resolve();
  });
}

describe('SessionSharePage', () => {
  it('shows the links again and revokes them after a confirmation', async () => {
    let revoked = 0;
    const api = {
      ...accountApi,
      links: () => Promise.resolve({ ok: true as const, data: first }),
      revokeLinks: () => {
        revoked += 1;
        return Promise.resolve({ ok: true as const, data: renewed });
      },
    };
    renderWithSession(<SessionSharePage api={api} origin="https://ecoute.test" />);
    await settle();
    expect(screen.getByText('https://ecoute.test/ecoute/s1#k=old')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('account.share.revoke') }));
    });
    expect(revoked).toBe(0);
    // The question takes the focus (it was dropped to the page before `ConfirmAction`).
    const yes = screen.getByRole('button', { name: fr('account.share.revokeConfirm') });
    expect(document.activeElement).toBe(yes);
    expect(screen.getByRole('group', { name: fr('account.share.confirm') })).toBeTruthy();
    await act(async () => {
      fireEvent.click(yes);
    });
    expect(revoked).toBe(1);
    expect(screen.queryByText('https://ecoute.test/ecoute/s1#k=old')).toBeNull();
    expect(screen.getByText('https://ecoute.test/ecoute/s1#k=new')).toBeTruthy();
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(fr('account.share.revoked'));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: fr('account.share.revoke') }));
  });

  it('names the session it was opened on from its address alone (a reload, a bookmark): its call, version and date', async () => {
    const api = { ...accountApi, links: () => Promise.resolve({ ok: true as const, data: first }) };
    // No state from a page that led here: what the page says comes from the links' answer.
    renderWithSession(<SessionSharePage api={api} origin="https://ecoute.test" />);
    await settle();
    const date = formatDateTime(fr, first.createdAt);
    const named = screen.getByRole('heading', { level: 1 }).nextElementSibling;
    expect(named?.textContent).toBe(
      fr('account.share.callAt', { title: 'Appel à la CAF', version: 3, date }),
    );
    // The tab's title, a bookmark's name, says it too.
    expect(document.title).toContain('Appel à la CAF');
    expect(document.title).toContain(date);
  });

  it('in English, names the call in its own language (lang=fr) and the rest in English, its date as en-GB', async () => {
    const api = { ...accountApi, links: () => Promise.resolve({ ok: true as const, data: first }) };
    renderWithSession(<SessionSharePage api={api} origin="https://ecoute.test" />, { lang: 'en' });
    await settle();
    const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params);
    const date = formatDateTime(en, first.createdAt);
    const named = screen.getByRole('heading', { level: 1 }).nextElementSibling;
    expect(named?.textContent).toBe(
      en('account.share.callAt', { title: 'Appel à la CAF', version: 3, date }),
    );
    expect(named?.querySelector('[lang="fr"]')?.textContent).toBe('Appel à la CAF');
  });
});

describe('SignInPage', () => {
  it('says a wrong password in words, through the alert region', async () => {
    const sent: [string, string][] = [];
    const api = {
      ...accountApi,
      signIn: (email: string, password: string) => {
        sent.push([email, password]);
        return Promise.resolve({ ok: false as const, code: 'client/bad_credentials' });
      },
    };
    renderWithSession(<SignInPage api={api} />);
    fireEvent.change(screen.getByLabelText(fr('account.email')), { target: { value: 'a@example.org' } });
    fireEvent.change(screen.getByLabelText(fr('account.password')), {
      target: { value: 'mauvais mot de passe' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('account.signIn.submit') }));
    });
    expect(sent).toEqual([['a@example.org', 'mauvais mot de passe']]);
    expect(screen.getByRole('alert').textContent).toBe(fr('error.client/bad_credentials'));
  });
});
