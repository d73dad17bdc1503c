import { describe, expect, it } from '@jest/globals';
import { act, screen, within } from '@testing-library/react';
import type { AuditLogEntry } from '@ecoute/protocol';
import { renderWithSession } from '../test/renderWithSession.js';
import { AuditLog } from './AuditLog.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// What an administrator reads, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

const entries: AuditLogEntry[] = [
  {
    at: '2026-12-05T09:00:00.000Z',
    actor: 'user-7f3a',
    action: 'links-revoked',
    target: 'session-91c2',
    who: { kind: 'member', name: 'Dominique' },
    subject: { kind: 'session', title: 'Renouvellement de mutuelle', createdAt: '2026-12-04T14:00:00.000Z' },
  },
  {
    at: '2026-12-05T08:00:00.000Z',
    actor: 'user-1b2c',
    action: 'session-deleted',
    target: 'session-0000',
    who: { kind: 'member', name: null },
    subject: { kind: 'session-gone' },
  },
  {
    at: '2026-12-05T07:00:00.000Z',
    actor: 'link:trainer',
    action: 'session-exported',
    target: 'session-91c2',
    who: { kind: 'link', role: 'trainer' },
    subject: null,
  },
  {
    at: '2026-12-05T06:00:00.000Z',
    actor: 'user-7f3a',
    action: 'retention-changed',
    target: '30',
    who: { kind: 'member', name: 'Dominique' },
    subject: { kind: 'days', count: 30 },
  },
  {
    at: '2026-12-05T05:00:00.000Z',
    actor: 'user-7f3a',
    action: 'class-exported',
    target: 'class:c-42',
    who: { kind: 'member', name: 'Dominique' },
    subject: { kind: 'class', name: 'Groupe du mardi' },
  },
];

describe('AuditLog', () => {
  it('reads who did what on what by names, calls and dates, never by internal ids', async () => {
    const { container } = renderWithSession(
      <AuditLog api={{ audit: () => Promise.resolve({ ok: true as const, data: entries }) }} />,
    );
    await act(async () => {
      await Promise.resolve();
    });
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(5);
    expect(rows[0]?.textContent).toContain('Dominique');
    expect(rows[0]?.textContent).toContain(fr('account.audit.action.linksRevoked'));
    expect(rows[0]?.textContent).toContain('Renouvellement de mutuelle');
    // The date in the UI's language (day/month, 24 h), never the browser's « 12/5/2026, 9:00 AM ».
    expect(rows[0]?.textContent).toMatch(/0[45]\/12\/2026 \d\d:\d\d/);
    expect(rows[0]?.textContent).not.toMatch(/AM|PM/);
    expect(rows[1]?.textContent).toContain(fr('account.audit.formerMember'));
    expect(rows[1]?.textContent).toContain(fr('account.audit.sessionGone'));
    expect(rows[2]?.textContent).toContain('Lien Formateur·rice');
    expect(rows[3]?.textContent).toContain('30 jours');
    expect(rows[4]?.textContent).toContain(fr('account.audit.action.classExported'));
    expect(rows[4]?.textContent).toContain('Groupe du mardi');
    for (const id of ['user-7f3a', 'user-1b2c', 'session-91c2', 'session-0000', 'link:trainer', 'c-42'])
      expect(container.textContent).not.toContain(id);
    // The scrolling box of a wide table is reachable by keyboard and named.
    expect(
      screen.getByRole('region', { name: fr('ui.table', { name: fr('account.audit.heading') }) }).tabIndex,
    ).toBe(0);
  });

  it('reads what is gone as a phrase (a deleted session, badge or group session), and a learner request by its counts', async () => {
    const gone = (action: string, subject: AuditLogEntry['subject']): AuditLogEntry => ({
      at: '2026-12-05T09:00:00.000Z',
      actor: 'user-7f3a',
      action,
      target: 'x-1',
      who: { kind: 'member', name: 'Dominique' },
      subject,
    });
    renderWithSession(
      <AuditLog
        api={{
          audit: () =>
            Promise.resolve({
              ok: true as const,
              data: [
                gone('session-deleted', { kind: 'session-gone' }),
                gone('badge-deleted', { kind: 'badge', name: null }),
                gone('class-exported', { kind: 'class', name: null }),
                gone('learner-erased', { kind: 'learner-data', sessions: 2, badges: 1 }),
                gone('learner-exported', { kind: 'learner-data', sessions: 1 }),
              ],
            }),
        }}
      />,
    );
    await act(async () => {
      await Promise.resolve();
    });
    const onWhat = within(screen.getByRole('table'))
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.querySelectorAll('td')[3]?.textContent ?? '');
    expect(onWhat).toEqual([
      fr('account.audit.sessionGone'),
      fr('account.audit.badgeGone'),
      fr('account.audit.classGone'),
      fr('account.audit.learnerData', {
        what: fr('account.audit.sessionsAndBadges', {
          sessions: fr('account.audit.sessions.other', { count: 2 }),
          badges: fr('account.audit.badges.one', { count: 1 }),
        }),
      }),
      fr('account.audit.learnerData', { what: fr('account.audit.sessions.one', { count: 1 }) }),
    ]);
    // « Séance supprimée depuis » stopped mid-sentence: no phrase ends on « depuis » (« since »).
    for (const text of onWhat) expect(text).not.toMatch(/depuis$/);
    expect(onWhat[3]).toContain(
      fr('account.audit.sessionsAndBadges', {
        sessions: fr('account.audit.sessions.other', { count: 2 }),
        badges: fr('account.audit.badges.one', { count: 1 }),
      }),
    );
  });

  it('says when nothing is recorded', async () => {
    renderWithSession(<AuditLog api={{ audit: () => Promise.resolve({ ok: true as const, data: [] }) }} />);
    await act(async () => {
      await Promise.resolve();
    });
    expect(screen.getByText(fr('account.audit.empty'))).toBeTruthy();
  });

  it('shows a refusal as an alert', async () => {
    renderWithSession(
      <AuditLog api={{ audit: () => Promise.resolve({ ok: false as const, code: 'auth/forbidden' }) }} />,
    );
    await act(async () => {
      await Promise.resolve();
    });
    expect(screen.getByRole('alert').textContent).not.toBe('');
    expect(screen.queryByRole('table')).toBeNull();
  });
});
