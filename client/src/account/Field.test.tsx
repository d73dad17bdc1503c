// The account forms' layout (issue 19): each field labelled, its hint and the form's error
// message tied to it by aria-describedby, so a refused sign-in is read on the fields themselves.
import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithSession } from '../test/renderWithSession.js';
import { accountApi } from './accountApi.js';
import { SignInPage } from './SignInPage.js';

const refusing = {
  ...accountApi,
  signIn: async () => ({ ok: false as const, code: 'auth/sign_in_required' }),
};

describe('account forms', () => {
  it('tie the error to each field once a submission is refused, and not before', async () => {
    renderWithSession(<SignInPage api={refusing} />);
    const email = screen.getByLabelText('Adresse e-mail');
    const password = screen.getByLabelText('Mot de passe');
    expect(email.getAttribute('aria-describedby')).toBeNull();
    expect(email.getAttribute('aria-invalid')).toBeNull();
    fireEvent.change(email, { target: { value: 'a@example.org' } });
    fireEvent.change(password, { target: { value: 'mauvais mot de passe' } });
    fireEvent.submit(email.closest('form')!);
    const alert = await screen.findByText('Connectez-vous pour continuer.');
    await waitFor(() => expect(email.getAttribute('aria-describedby')).toBe(alert.id));
    expect(alert.id).not.toBe('');
    expect(password.getAttribute('aria-describedby')).toBe(alert.id);
    expect(email.getAttribute('aria-invalid')).toBe('true');
  });
});
