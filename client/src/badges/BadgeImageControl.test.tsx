import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, within } from '@testing-library/react';
import type { AccountMe, BadgeDefinition } from '@ecoute/protocol';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { BadgeImageControl } from './BadgeImageControl.js';
import { BadgesPage } from './BadgesPage.js';
import { badgesApi } from './badgesApi.js';

/** What an administrator reads, from the French catalogue. */
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

const badge: BadgeDefinition = {
  id: 'b1',
  name: 'Accueillir un appel',
  description: 'Se présenter.',
  criteria: [{ competency: 'accueil', criterion: 'se_presente' }],
  minCalls: 1,
  createdAt: '2026-01-01T00:00:00Z',
  url: 'http://localhost:1/api/badges/achievements/b1',
  imageUrl: 'http://localhost:1/api/badges/achievements/b1/image.png',
  imageType: null,
};

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
}

function file(bytes: number[], name: string, type: string, size?: number): File {
  const f = new File([new Uint8Array(bytes)], name, { type });
  if (size !== undefined) Object.defineProperty(f, 'size', { value: size });
  return f;
}

describe('BadgeImageControl', () => {
  it('sends the chosen file in base64, shows the new picture and says so', async () => {
    const sent: [string, string][] = [];
    const changed: string[] = [];
    renderWithSession(
      <BadgeImageControl
        badge={badge}
        canEdit
        api={{
          ...badgesApi,
          setImage: (id, data) => {
            sent.push([id, data]);
            return Promise.resolve({
              ok: true as const,
              data: { ...badge, imageType: 'image/png' as const },
            });
          },
        }}
        onChanged={(_b, message) => changed.push(message)}
        onError={() => undefined}
      />,
    );
    const preview = screen.getByRole<HTMLImageElement>('img', {
      name: fr('badges.image.alt', { name: 'Accueillir un appel' }),
    });
    expect(preview.getAttribute('src')).toBe('/api/badges/achievements/b1/image.png?v=0');
    const input = screen.getByLabelText(fr('badges.image.choose', { name: 'Accueillir un appel' }), {
      selector: 'input',
    });
    await act(async () => {
      fireEvent.change(input, { target: { files: [file([137, 80, 78, 71], 'medaille.png', 'image/png')] } });
    });
    await settle();
    expect(sent).toEqual([['b1', Buffer.from([137, 80, 78, 71]).toString('base64')]]);
    const saved = fr('badges.image.saved', { name: 'Accueillir un appel' }).replace(/\u00a0/g, ' ');
    expect(changed.map((m) => m.replace(/\u00a0/g, ' '))).toEqual([saved]);
    expect(preview.getAttribute('src')).toBe('/api/badges/achievements/b1/image.png?v=1');
    // Said next to the control (not at the top of a long page); the browser's own file button
    // is hidden behind our French label.
    const status = screen.getByRole('status');
    expect(status.textContent?.replace(/\u00a0/g, ' ')).toBe(saved);
    expect(status.closest('.badge-image')).toBe(input.closest('.badge-image'));
    expect(input.classList.contains('visually-hidden')).toBe(true);
  });

  it('refuses a file over 256 KB before sending it, and passes on the server’s refusal', async () => {
    const errors: string[] = [];
    let calls = 0;
    renderWithSession(
      <BadgeImageControl
        badge={badge}
        canEdit
        api={{
          ...badgesApi,
          setImage: () => {
            calls++;
            return Promise.resolve({ ok: false as const, code: 'badge/image_invalid' });
          },
        }}
        onChanged={() => undefined}
        onError={(code) => errors.push(code)}
      />,
    );
    const input = screen.getByLabelText(fr('badges.image.choose', { name: 'Accueillir un appel' }), {
      selector: 'input',
    });
    await act(async () => {
      fireEvent.change(input, { target: { files: [file([1], 'lourd.png', 'image/png', 300 * 1024)] } });
    });
    await settle();
    expect(calls).toBe(0);
    await act(async () => {
      fireEvent.change(input, { target: { files: [file([60, 115, 118, 103], 'x.svg', 'image/svg+xml')] } });
    });
    await settle();
    expect(calls).toBe(1);
    expect(errors).toEqual(['badge/image_too_large', 'badge/image_invalid']);
    // The refusal is said next to the control too.
    expect(screen.getByRole('alert').textContent).not.toBe('');
  });

  it('offers no upload to a trainer (administrators only)', () => {
    renderWithSession(
      <BadgeImageControl
        badge={badge}
        canEdit={false}
        onChanged={() => undefined}
        onError={() => undefined}
      />,
    );
    expect(
      screen.queryByLabelText(fr('badges.image.choose', { name: 'Accueillir un appel' }), {
        selector: 'input',
      }),
    ).toBeNull();
  });
});

describe('BadgesPage: deleting a badge', () => {
  it('asks first, says what happens to the badges already issued, and lists it no more', async () => {
    let badges = [badge];
    const removed: string[] = [];
    const api = {
      ...badgesApi,
      definitions: () => Promise.resolve({ ok: true as const, data: { badges: [...badges] } }),
      awards: () => Promise.resolve({ ok: true as const, data: { awards: [] } }),
      criteria: () => Promise.resolve({ ok: true as const, data: { criteria: [] } }),
      remove: (id: string) => {
        removed.push(id);
        badges = [];
        return Promise.resolve({ ok: true as const, data: { ok: true as const, issued: 3, kept: true } });
      },
    };
    const account = {
      me: () =>
        Promise.resolve({
          ok: true as const,
          data: {
            userId: 'u',
            name: 'Alex',
            email: 'a@x',
            role: 'admin' as AccountMe['role'],
            organizationName: 'Org',
            retentionDays: 365,
          },
        }),
    };
    renderWithSession(<BadgesPage api={api} account={account} />);
    await settle();
    const name = fr('badges.delete', { name: 'Accueillir un appel' });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name }));
    });
    // Asked first, in place: issued badges stay valid; « Annuler » deletes nothing.
    const question = screen.getByRole('group', {
      name: fr('badges.deleteConfirm', { name: 'Accueillir un appel' }),
    });
    expect(document.activeElement).toBe(
      within(question).getByRole('button', { name: fr('badges.deleteYes') }),
    );
    await act(async () => {
      fireEvent.click(within(question).getByRole('button', { name: fr('account.cancel') }));
    });
    expect(removed).toEqual([]);
    expect(document.activeElement).toBe(screen.getByRole('button', { name }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name }));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('badges.deleteYes') }));
    });
    await settle();
    expect(removed).toEqual(['b1']);
    // The page has two live regions: the creation's confirmation (empty here) and this one.
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toEqual([
      fr('badges.deletedKept.other', { name: 'Accueillir un appel', count: 3 }),
      '',
    ]);
    expect(screen.queryByRole('heading', { name: 'Accueillir un appel' })).toBeNull();
    // Its card gone, the focus is on the list's heading, not dropped to the page.
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: fr('badges.definitions') }));
  });
});
