import { describe, expect, it } from '@jest/globals';
import { act, screen } from '@testing-library/react';
import { renderWithSession } from '../test/renderWithSession.js';
import { translate } from '../i18n/catalogue.js';
import type { badgesApi } from './badgesApi.js';
import { BadgeVerifyPage } from './BadgeVerifyPage.js';

describe('BadgeVerifyPage', () => {
  it('tells a verifier that an erased (or unknown) badge is not found and cannot be verified', async () => {
    const api = {
      verification: () => Promise.resolve({ ok: false as const, code: 'badge/not_found' }),
    } as unknown as Pick<typeof badgesApi, 'verification'>;
    renderWithSession(<BadgeVerifyPage api={api} />, {
      route: { path: '/badge/:awardId', url: '/badge/a-1' },
    });
    await act(async () => {
      await Promise.resolve();
    });
    expect(screen.getByRole('alert').textContent).toBe(translate('fr', 'badges.verify.notFound'));
  });
});
