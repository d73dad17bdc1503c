import { lazy } from 'react';
import type { Role } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import { ChunkBoundary } from '../ui/ChunkBoundary.js';
import { CopyLink } from '../ui/CopyLink.js';
import { useHeavyViews } from '../ui/HeavyViews.js';
import { ROLE_KEYS } from '../ui/roleKeys.js';
import './roleLinks.css';

const QrCode = lazy(() => import('./QrCode.js'));

/**
 * Role links as full addresses on `origin`, in `order`, each with a copy button and its QR code
 * (a learner opens theirs on a phone or a tablet). Roles without a link are left out.
 */
export function RoleLinkList({
  links,
  origin,
  order,
  className,
}: {
  links: Partial<Record<Role, string>>;
  origin: string;
  order: readonly Role[];
  className: string;
}) {
  const { t } = useI18n();
  const heavy = useHeavyViews();
  return (
    <ul className={className}>
      {order.flatMap((role) => {
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
  );
}
