import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import type { OrganizationSummary } from '@ecoute/protocol';
import { signedInAs } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { settle } from '../test/settle.js';
import { accountApi } from './accountApi.js';
import { OrganizationPage } from './OrganizationPage.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// What an administrator reads, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

const organization: OrganizationSummary = {
  name: 'Allô Numérique',
  members: [{ userId: 'u1', name: 'Camille Martin', email: 'camille@example.org', role: 'admin' }],
  invitations: [],
  retentionDays: 365,
  defaultRetentionDays: 365,
};

describe('OrganizationPage', () => {
  const api = {
    ...accountApi,
    ...signedInAs('admin'),
    organization: () => Promise.resolve({ ok: true as const, data: organization }),
    invite: () => Promise.resolve({ ok: true as const, data: { link: '/invitation#i=abc' } }),
    resetLink: () => Promise.resolve({ ok: true as const, data: { link: '/reset-password#r=def' } }),
    audit: () => Promise.resolve({ ok: true as const, data: [] }),
  } as unknown as typeof accountApi;

  it('takes the focus to the new invitation link, shown at the top of the page', async () => {
    renderWithSession(<OrganizationPage api={api} origin="https://ecoute.test" />);
    await settle();
    fireEvent.change(screen.getByRole('textbox', { name: fr('account.email') }), {
      target: { value: 'dominique@example.org' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('account.organization.inviteSubmit') }));
    });
    const panel = screen.getByRole('region', { name: fr('account.organization.linkToShare') });
    expect(panel.textContent).toContain('https://ecoute.test/invitation#i=abc');
    expect(document.activeElement).toBe(panel);
  });

  it('takes the focus to the section its address names (the first steps link to « Inviter »)', async () => {
    renderWithSession(<OrganizationPage api={api} origin="https://ecoute.test" />, {
      route: { path: '/organisation', url: '/organisation#invite-heading' },
    });
    await settle();
    expect(document.activeElement).toBe(
      screen.getByRole('heading', { level: 2, name: fr('account.organization.invite') }),
    );
  });

  it('takes the focus to a reset link too', async () => {
    renderWithSession(<OrganizationPage api={api} origin="https://ecoute.test" />);
    await settle();
    await act(async () => {
      fireEvent.click(
        screen.getByRole('button', {
          name: fr('account.organization.resetLink', { name: 'Camille Martin' }),
        }),
      );
    });
    const panel = screen.getByRole('region', { name: fr('account.organization.linkToShare') });
    expect(panel.textContent).toContain('https://ecoute.test/reset-password#r=def');
    expect(document.activeElement).toBe(panel);
  });

  it('labels the role of an invitation like the other fields', async () => {
    renderWithSession(<OrganizationPage api={api} origin="https://ecoute.test" />);
    await settle();
    const role = screen.getByRole('combobox', { name: fr('account.role') });
    expect(role.closest('.form-field')).not.toBeNull();
  });

  it('asks before erasing a pseudonym’s sessions and badges, with their counts; « Annuler » erases nothing and gives the focus back', async () => {
    const erased: string[] = [];
    const eraseApi = {
      ...api,
      findLearner: () => Promise.resolve({ ok: true as const, data: { sessions: 2, badges: 1 } }),
      eraseLearner: (pseudonym: string) => {
        erased.push(pseudonym);
        return Promise.resolve({ ok: true as const, data: { sessions: ['s1', 's2'], badges: 1 } });
      },
    } as unknown as typeof accountApi;
    renderWithSession(<OrganizationPage api={eraseApi} origin="https://ecoute.test" />);
    await settle();
    const button = () => screen.getByRole('button', { name: fr('account.organization.learnerErase') });
    await act(async () => {
      fireEvent.click(button());
    });
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
      fr('account.organization.pseudonymMissing'),
    );
    expect(erased).toEqual([]);
    fireEvent.change(screen.getByRole('textbox', { name: fr('account.organization.pseudonym') }), {
      target: { value: 'Zoé' },
    });
    await act(async () => {
      fireEvent.click(button());
    });
    // Before: what goes (2 sessions and 1 badge), and what a verifier of the badge will read.
    const question = screen.getByRole('group', {
      name: `${fr('account.organization.eraseConfirm', {
        sessions: fr('account.organization.count.sessions.other', { count: 2 }),
        badges: fr('account.organization.count.badges.one', { count: 1 }),
        pseudonym: 'Zoé',
      })} ${fr('account.organization.eraseConfirmBadges')}`,
    });
    expect(question.textContent).toContain(fr('account.organization.count.sessions.other', { count: 2 }));
    expect(question.textContent).toContain(fr('account.organization.count.badges.one', { count: 1 }));
    expect(question.textContent).toContain(fr('badges.verify.notFound').split('\u00a0:')[0]!);
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: fr('account.organization.eraseYes') }),
    );
    expect(erased).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: fr('debrief.cancel') }));
    expect(question.isConnected).toBe(false);
    expect(erased).toEqual([]);
    expect(document.activeElement).toBe(button());
    await act(async () => {
      fireEvent.click(button());
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('account.organization.eraseYes') }));
    });
    expect(erased).toEqual(['Zoé']);
    // After: what went, sessions and badges.
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
      `${fr('account.organization.erased', {
        sessions: fr('account.organization.count.sessions.other', { count: 2 }),
        badges: fr('account.organization.count.badges.one', { count: 1 }),
        pseudonym: 'Zoé',
      })} ${fr('account.organization.erasedBadges')}`,
    );
  });

  it('says when a pseudonym finds nothing (no empty file, no question), and counts what an export holds', async () => {
    const downloads: string[] = [];
    const clicked = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    };
    const created = URL.createObjectURL;
    const revoked = URL.revokeObjectURL;
    URL.createObjectURL = () => 'blob:export';
    URL.revokeObjectURL = () => undefined;
    const asked: string[] = [];
    const found = (name: string) => name.trim().toLowerCase() === 'lucie m.';
    const lookupApi = {
      ...api,
      findLearner: (name: string) =>
        Promise.resolve({
          ok: true as const,
          data: found(name) ? { sessions: 1, badges: 1 } : { sessions: 0, badges: 0 },
        }),
      exportLearner: (name: string) =>
        Promise.resolve({
          ok: true as const,
          data: found(name)
            ? { pseudonym: name, sessions: [{}], badges: [{}] }
            : { pseudonym: name, sessions: [], badges: [] },
        }),
      eraseLearner: (name: string) => {
        asked.push(name);
        return Promise.resolve({ ok: true as const, data: { sessions: [], badges: 0 } });
      },
    } as unknown as typeof accountApi;
    try {
      renderWithSession(<OrganizationPage api={lookupApi} origin="https://ecoute.test" />);
      await settle();
      const field = screen.getByRole('textbox', { name: fr('account.organization.pseudonym') });
      const statuses = () => screen.getAllByRole('status').map((s) => s.textContent);
      fireEvent.change(field, { target: { value: ' lucie x ' } });
      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: fr('account.organization.learnerExport') }));
      });
      expect(statuses()).toContain(fr('account.organization.notFound', { pseudonym: 'lucie x' }));
      expect(downloads).toEqual([]);
      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: fr('account.organization.learnerErase') }));
      });
      expect(statuses()).toContain(fr('account.organization.notFound', { pseudonym: 'lucie x' }));
      expect(screen.queryByRole('button', { name: fr('account.organization.eraseYes') })).toBeNull();
      expect(asked).toEqual([]);
      fireEvent.change(field, { target: { value: 'Lucie M.' } });
      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: fr('account.organization.learnerExport') }));
      });
      expect(downloads).toEqual(['ecoute-pseudonyme.json']);
      expect(statuses()).toContain(
        fr('account.organization.exported', {
          sessions: fr('account.organization.count.sessions.one', { count: 1 }),
          badges: fr('account.organization.count.badges.one', { count: 1 }),
        }),
      );
    } finally {
      HTMLAnchorElement.prototype.click = clicked;
      URL.createObjectURL = created;
      URL.revokeObjectURL = revoked;
    }
  });

  it('shows a refusal by the form it came from, and drops it at the next action', async () => {
    const refusing = {
      ...api,
      invite: () => Promise.resolve({ ok: false as const, code: 'account/already_member' }),
      setRetention: (days: number) => Promise.resolve({ ok: true as const, data: { retentionDays: days } }),
    } as unknown as typeof accountApi;
    renderWithSession(<OrganizationPage api={refusing} origin="https://ecoute.test" />);
    await settle();
    fireEvent.change(screen.getByRole('textbox', { name: fr('account.email') }), {
      target: { value: 'camille@example.org' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('account.organization.inviteSubmit') }));
    });
    const invite = screen.getByRole('region', { name: fr('account.organization.invite') });
    const alerts = () => screen.getAllByRole('alert').filter((a) => a.textContent);
    expect(alerts()).toHaveLength(1);
    expect(invite.contains(alerts()[0]!)).toBe(true);
    expect(alerts()[0]!.textContent).toBe(fr('error.account/already_member'));
    const days = screen.getByRole('spinbutton', { name: /Jours de conservation/ });
    expect(days.getAttribute('min')).toBe('0');
    expect(days.getAttribute('max')).toBe('3650');
    fireEvent.change(days, { target: { value: '30' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('account.save') }));
    });
    expect(alerts()).toHaveLength(0);
    const retention = screen.getByRole('region', { name: fr('account.organization.retention') });
    expect(retention.textContent).toContain(fr('account.organization.retentionSaved', { days: 30 }));
  });
});
