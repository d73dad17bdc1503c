import { describe, expect, it } from '@jest/globals';
import { act, screen } from '@testing-library/react';
import type { accountApi } from './accountApi.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { PrivacyPage } from './PrivacyPage.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// The page's words, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

// A visitor (not signed in): the page reads the server's default retention.
const visitor = {
  me: () => Promise.resolve({ ok: false as const, code: 'auth/sign_in_required' }),
} as unknown as typeof accountApi;

describe('PrivacyPage', () => {
  it('names the activity log as « Organisme » does, keeps the hashing algorithm out and tells what badges keep', async () => {
    const { container } = renderWithSession(<PrivacyPage api={visitor} />);
    await act(async () => {
      await Promise.resolve();
    });
    const terms = [...container.querySelectorAll('dt')].map((dt) => dt.textContent);
    expect(terms).toContain(fr('account.privacy.audit.what'));
    expect(terms).toContain(fr('account.privacy.badges.what'));
    expect(container.textContent).not.toMatch(/audit|argon/i);
    expect(container.textContent).toContain('chiffré de façon irréversible');
    const badges = screen.getByText(fr('account.privacy.badges.what')).nextElementSibling?.textContent ?? '';
    expect(badges).toContain('pseudonyme');
    expect(badges).toContain('lien de vérification public');
  });
});
