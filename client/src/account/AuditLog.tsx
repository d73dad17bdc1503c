// The organisation's audit log for its administrators: when, who, what, on what — read as a
// person says it (names, calls and dates), never the internal ids the server keeps. On a phone each
// entry is a card, each value after its column's name (`auditLog.css`): four columns scrolled
// sideways in their box, with nothing to show it, hid who and what past the screen's edge.
import { useEffect, useState } from 'react';
import type { AuditLogEntry, AuditSubject } from '@ecoute/protocol';
import type { MessageKey } from '../i18n/fr.js';
import { pluralForm, useI18n } from '../i18n/index.js';
import { formatDateTime } from '../i18n/formatDate.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { accountApi } from './accountApi.js';
import { ScrollTable } from '../ui/ScrollTable.js';
import { CardTable } from '../ui/CardTable.js';
import './auditLog.css';

const ACTION_KEYS: Record<string, MessageKey> = {
  'sign-in': 'account.audit.action.signIn',
  setup: 'account.audit.action.setup',
  invitation: 'account.audit.action.invitation',
  join: 'account.audit.action.join',
  'reset-link': 'account.audit.action.resetLink',
  'links-revoked': 'account.audit.action.linksRevoked',
  'session-deleted': 'account.audit.action.sessionDeleted',
  'session-exported': 'account.audit.action.sessionExported',
  'learner-exported': 'account.audit.action.learnerExported',
  'learner-erased': 'account.audit.action.learnerErased',
  'retention-changed': 'account.audit.action.retentionChanged',
  'class-exported': 'account.audit.action.classExported',
  'badge-created': 'account.audit.action.badgeCreated',
  'badge-updated': 'account.audit.action.badgeUpdated',
  'badge-revoked': 'account.audit.action.badgeRevoked',
  'badge-deleted': 'account.audit.action.badgeDeleted',
  'badge-image-changed': 'account.audit.action.badgeImageChanged',
};

const ROLE_KEYS: Record<string, MessageKey> = {
  listener: 'role.listener',
  trainer: 'role.trainer',
  observer: 'role.observer',
  callerActor: 'role.callerActor',
};

/** `version`: read again when it changes (the page's actions are recorded as they happen). */
export function AuditLog({
  api = accountApi,
  version = 0,
}: {
  api?: Pick<typeof accountApi, 'audit'>;
  version?: number;
}) {
  const { t, lang } = useI18n();
  const [entries, setEntries] = useState<AuditLogEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void api.audit().then((result) => {
      if (!current) return;
      if (result.ok) {
        setEntries(result.data);
        setError(null);
      } else setError(result.code);
    });
    return () => {
      current = false;
    };
  }, [api, version]);

  function who(entry: AuditLogEntry): string {
    if (entry.who.kind === 'link') {
      const role = ROLE_KEYS[entry.who.role];
      return t('account.audit.viaLink', { role: role ? t(role) : t('account.audit.someone') });
    }
    return entry.who.name ?? t('account.audit.formerMember');
  }

  function subject(about: AuditSubject | null): string {
    if (about === null) return '';
    switch (about.kind) {
      case 'session':
        return t('account.audit.session', {
          title: about.title,
          date: formatDateTime(t, about.createdAt),
        });
      case 'session-gone':
        return t('account.audit.sessionGone');
      case 'person':
        return about.name ?? t('account.audit.formerMember');
      case 'days':
        return about.count === 0
          ? t('account.audit.forever')
          : t('account.audit.days', { count: about.count });
      case 'learner-data': {
        // The pseudonym is not kept (erased means erased): what the request held, counted.
        const sessions = t(`account.audit.sessions.${pluralForm(lang, about.sessions)}`, {
          count: about.sessions,
        });
        const what =
          about.badges === undefined
            ? sessions
            : t('account.audit.sessionsAndBadges', {
                sessions,
                badges: t(`account.audit.badges.${pluralForm(lang, about.badges)}`, { count: about.badges }),
              });
        return t('account.audit.learnerData', { what });
      }
      case 'class':
        return about.name ?? t('account.audit.classGone');
      case 'badge':
        return about.name ?? t('account.audit.badgeGone');
    }
  }

  return (
    <section className="panel" aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('account.audit.heading')}</h2>
      <p>{t('account.audit.intro')}</p>
      <ErrorAlert code={error} />
      {entries === null ? null : entries.length === 0 ? (
        <p>{t('account.audit.empty')}</p>
      ) : (
        <ScrollTable name={t('account.audit.heading')}>
          <CardTable
            className="audit-table"
            columns={[
              { name: t('account.audit.when'), cell: (entry) => formatDateTime(t, entry.at) },
              { name: t('account.audit.who'), cell: who },
              {
                name: t('account.audit.what'),
                cell: (entry) => {
                  const action = ACTION_KEYS[entry.action];
                  return action ? t(action) : t('account.audit.action.other');
                },
              },
              { name: t('account.audit.onWhat'), cell: (entry) => subject(entry.subject) },
            ]}
            rows={entries}
            rowKey={(entry, index) => `${entry.at}-${index}`}
          />
        </ScrollTable>
      )}
    </section>
  );
}
