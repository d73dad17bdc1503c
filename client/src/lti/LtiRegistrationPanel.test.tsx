import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { LtiRegistrationPanel } from './LtiRegistrationPanel.js';
import type { LtiRegistration, ltiApi } from './ltiApi.js';

const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

const URL_TO_PASTE = 'https://ecoute.test/lti/register/c2VhbGVk';
const api: typeof ltiApi = {
  registration: () =>
    Promise.resolve({ ok: true, data: { url: URL_TO_PASTE, platforms: [] } satisfies LtiRegistration }),
};

function clipboard(writeText: (text: string) => Promise<void>): void {
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
}

describe('LtiRegistrationPanel', () => {
  it('copies the registration address with its own button and says so in a live region', async () => {
    const copied: string[] = [];
    clipboard((text) => (copied.push(text), Promise.resolve()));
    renderWithSession(<LtiRegistrationPanel api={api} />);
    const field = await screen.findByLabelText(fr('lti.registrationUrl'));
    expect(field).toHaveProperty('value', URL_TO_PASTE);
    const copy = screen.getByRole('button', { name: fr('lti.copyUrl') });
    // The button is described by the address it copies.
    expect(copy.getAttribute('aria-describedby')).toBe(field.id);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');
    await act(async () => {
      fireEvent.click(copy);
    });
    expect(copied).toEqual([URL_TO_PASTE]);
    expect(status.textContent).toBe(fr('lti.copied'));
  });

  it('says how to copy by hand when the browser refuses the clipboard', async () => {
    clipboard(() => Promise.reject(new Error('denied')));
    renderWithSession(<LtiRegistrationPanel api={api} />);
    const copy = await screen.findByRole('button', { name: fr('lti.copyUrl') });
    await act(async () => {
      fireEvent.click(copy);
    });
    expect(screen.getByRole('status').textContent).toBe(fr('lti.copyFailed'));
  });
});
