import { lazy, useId, useMemo } from 'react';
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
import { ROLE_KEYS } from '../ui/roleKeys.js';
import { ChunkBoundary } from '../ui/ChunkBoundary.js';
import { CopyLink } from '../ui/CopyLink.js';
import { useHeavyViews } from '../ui/HeavyViews.js';

const QrCode = lazy(() => import('./QrCode.js'));

const ORDER: Role[] = ['listener', 'callerActor', 'observer', 'trainer'];

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
  const heavy = useHeavyViews();
  const saved = useMemo(() => readSessionLinks(sessionId), [sessionId]);
  const links: Partial<Record<Role, string>> = saved?.links ?? { trainer: ownLink };
  return (
    <section className="panel role-links" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('links.heading')}</h2>
      {saved ? null : <p className="hint">{t('links.unknown')}</p>}
      <ul className="role-links__list">
        {ORDER.flatMap((role) => {
          const path = links[role];
          if (!path) return [];
          const roleLabel = t(ROLE_KEYS[role]);
          const url = `${origin}${path}`;
          return [
            <li key={role}>
              <CopyLink roleLabel={roleLabel} url={url} />
              {heavy ? (
                <details className="role-links__qr">
                  <summary>{t('links.qr', { role: roleLabel })}</summary>
                  <ChunkBoundary
                    loading={<p className="muted">…</p>}
                    failed={<p className="muted">{t('links.qrFailed')}</p>}
                  >
                    <QrCode text={url} label={t('links.qrLabel', { role: roleLabel })} />
                  </ChunkBoundary>
                </details>
              ) : null}
            </li>,
          ];
        })}
      </ul>
    </section>
  );
}
