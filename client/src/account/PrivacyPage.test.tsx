import { describe, expect, it } from '@jest/globals';
import { act, screen } from '@testing-library/react';
import type { accountApi } from './accountApi.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { PrivacyPage } from './PrivacyPage.js';

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
    expect(terms).toContain("Journal d'activité");
    expect(terms).toContain('Badges');
    expect(container.textContent).not.toMatch(/audit|argon/i);
    expect(container.textContent).toContain('chiffré de façon irréversible');
    const badges = screen.getByText('Badges').nextElementSibling?.textContent ?? '';
    expect(badges).toContain('pseudonyme');
    expect(badges).toContain('lien de vérification public');
  });
});
