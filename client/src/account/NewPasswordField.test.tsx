// A chosen password, on the three forms that ask for one: the server's rule checked before
// sending and said under the field, the browser told it is a new password.
import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { translate } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { accountApi } from './accountApi.js';
import { InvitationPage } from './InvitationPage.js';
import { MIN_PASSWORD_LENGTH } from '@ecoute/protocol';
import { ResetPasswordPage } from './ResetPasswordPage.js';
import { SetupPage } from './SetupPage.js';

const fr = (key: MessageKey) => translate('fr', key);

const invited = {
  ...accountApi,
  invitation: () =>
    Promise.resolve({
      ok: true as const,
      data: { email: 'camille@example.org', role: 'trainer' as const, organizationName: 'Allô Numérique' },
    }),
};

const forms: [string, ReactElement, string, MessageKey][] = [
  ['the first setup', <SetupPage key="setup" />, '/setup#k=jeton', 'account.password'],
  [
    'an invitation',
    <InvitationPage key="invitation" api={invited} />,
    '/invitation#i=i1',
    'account.password',
  ],
  ['a reset link', <ResetPasswordPage key="reset" />, '/reset-password#k=jeton', 'account.newPassword'],
];

describe('a new password', () => {
  it.each(forms)(
    'on %s: 10 characters at least, said under the field, a new password',
    async (_, page, url, label) => {
      renderWithSession(page, { route: { path: url.split('#')[0]!, url } });
      const field = (await screen.findByLabelText(fr(label))) as HTMLInputElement;
      expect(MIN_PASSWORD_LENGTH).toBe(10);
      expect([field.type, field.name, field.autocomplete, field.minLength, field.required]).toEqual([
        'password',
        'password',
        'new-password',
        MIN_PASSWORD_LENGTH,
        true,
      ]);
      const hint = document.getElementById(field.getAttribute('aria-describedby') ?? '');
      expect(hint?.textContent).toBe(fr('account.passwordHint'));
    },
  );
});
