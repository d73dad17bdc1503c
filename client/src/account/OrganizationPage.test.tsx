import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import type { OrganizationSummary } from '@ecoute/protocol';
import { renderWithSession } from '../test/renderWithSession.js';
import { accountApi } from './accountApi.js';
import { OrganizationPage } from './OrganizationPage.js';

const organization: OrganizationSummary = {
  name: 'Allô Numérique',
  members: [{ userId: 'u1', name: 'Camille Martin', email: 'camille@example.org', role: 'admin' }],
  invitations: [],
  retentionDays: 365,
  defaultRetentionDays: 365,
};

async function settle(): Promise<void> {
  await act(async () => {
    await Promise.resolve();
  });
}

describe('OrganizationPage', () => {
  const api = {
    ...accountApi,
    organization: () => Promise.resolve({ ok: true as const, data: organization }),
    invite: () => Promise.resolve({ ok: true as const, data: { link: '/invitation#i=abc' } }),
    resetLink: () => Promise.resolve({ ok: true as const, data: { link: '/reset-password#r=def' } }),
    audit: () => Promise.resolve({ ok: true as const, data: [] }),
  } as unknown as typeof accountApi;

  it('takes the focus to the new invitation link, shown at the top of the page', async () => {
    renderWithSession(<OrganizationPage api={api} origin="https://ecoute.test" />);
    await settle();
    fireEvent.change(screen.getByRole('textbox', { name: 'Adresse e-mail' }), {
      target: { value: 'dominique@example.org' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: "Créer le lien d'invitation" }));
    });
    const panel = screen.getByRole('region', { name: 'Lien à transmettre' });
    expect(panel.textContent).toContain('https://ecoute.test/invitation#i=abc');
    expect(document.activeElement).toBe(panel);
  });

  it('takes the focus to a reset link too', async () => {
    renderWithSession(<OrganizationPage api={api} origin="https://ecoute.test" />);
    await settle();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Lien de réinitialisation pour Camille Martin' }));
    });
    const panel = screen.getByRole('region', { name: 'Lien à transmettre' });
    expect(panel.textContent).toContain('https://ecoute.test/reset-password#r=def');
    expect(document.activeElement).toBe(panel);
  });

  it('labels the role of an invitation like the other fields', async () => {
    renderWithSession(<OrganizationPage api={api} origin="https://ecoute.test" />);
    await settle();
    const role = screen.getByRole('combobox', { name: 'Rôle' });
    expect(role.closest('.form-field')).not.toBeNull();
  });
});
