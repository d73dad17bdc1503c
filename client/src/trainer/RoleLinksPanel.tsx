import { useId, useMemo } from 'react';
import type { Role } from '@ecoute/engine';
import { readSessionLinks } from '../home/savedLinks.js';
import { storedRoleToken } from '../app/takeRoleToken.js';

/** This page's own link: its path and the token this tab holds (the address bar has none). */
function ownRoleLink(): string {
  const { pathname, hash } = window.location;
  const token = storedRoleToken(pathname);
  return token ? `${pathname}#k=${encodeURIComponent(token)}` : `${pathname}${hash}`;
}
import { useI18n } from '../i18n/index.js';
import { RoleLinkList } from './RoleLinkList.js';
import { LINK_ORDER } from '../ui/roleKeys.js';

/**
 * The session's role links, each with a copy button and a QR code (to open it on a tablet or a
 * phone). Known when the session was created in this browser; otherwise only this page's own.
 */
export function RoleLinksPanel({
  sessionId,
  origin = window.location.origin,
  ownLink = ownRoleLink(),
}: {
  sessionId: string;
  origin?: string;
  ownLink?: string;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const saved = useMemo(() => readSessionLinks(sessionId), [sessionId]);
  const links: Partial<Record<Role, string>> = saved?.links ?? { trainer: ownLink };
  return (
    <section className="panel role-links" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('links.heading')}</h2>
      {saved ? null : <p className="hint">{t('links.unknown')}</p>}
      <RoleLinkList links={links} origin={origin} order={LINK_ORDER} className="role-links__list" />
    </section>
  );
}
