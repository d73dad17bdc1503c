// The account forms' layout (issue 19): each field labelled, its hint and the form's error
// message tied to it by aria-describedby, so a refused sign-in is read on the fields themselves.
import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithSession } from '../test/renderWithSession.js';
import { accountApi } from './accountApi.js';
import { SignInPage } from './SignInPage.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// The page's words, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

const refusing = {
  ...accountApi,
  signIn: async () => ({ ok: false as const, code: 'auth/sign_in_required' }),
};

describe('account forms', () => {
  it('tie the error to each field once a submission is refused, and not before', async () => {
    renderWithSession(<SignInPage api={refusing} />);
    const email = screen.getByLabelText(fr('account.email'));
    const password = screen.getByLabelText(fr('account.password'));
    expect(email.getAttribute('aria-describedby')).toBeNull();
    expect(email.getAttribute('aria-invalid')).toBeNull();
    fireEvent.change(email, { target: { value: 'a@example.org' } });
    fireEvent.change(password, { target: { value: 'mauvais mot de passe' } });
    fireEvent.submit(email.closest('form')!);
    const alert = await screen.findByText(fr('error.auth/sign_in_required'));
    await waitFor(() => expect(email.getAttribute('aria-describedby')).toBe(alert.id));
    expect(alert.id).not.toBe('');
    expect(password.getAttribute('aria-describedby')).toBe(alert.id);
    expect(email.getAttribute('aria-invalid')).toBe('true');
  });
});
