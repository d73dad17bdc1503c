import { lazy, useEffect, useRef } from 'react';
import type { Role } from '@ecoute/engine';
import type { SessionLinks } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';
import { CopyLink } from '../ui/CopyLink.js';
import { ROLE_KEYS } from '../ui/roleKeys.js';
import { ChunkBoundary } from '../ui/ChunkBoundary.js';
import { useHeavyViews } from '../ui/HeavyViews.js';

const QrCode = lazy(() => import('../trainer/QrCode.js'));

// In the order people are handed their links; the caller actor's only when the session has one.
const ORDER: Role[] = ['listener', 'callerActor', 'trainer', 'observer'];

/** The new session's role links, as full addresses on this origin. */
export function SessionLinksPanel({ session, origin }: { session: SessionLinks; origin: string }) {
  const { t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const heavy = useHeavyViews();

  // The links appear after a button press: bring the reader to them.
  useEffect(() => {
    headingRef.current?.focus();
  }, [session.sessionId]);

  return (
    <section className="panel session-links" aria-labelledby="links-heading">
      <h2 id="links-heading" ref={headingRef} tabIndex={-1}>
        {t('home.links.heading')}
      </h2>
      <p>{t('home.links.intro')}</p>
      <p className="muted">{t('home.links.session', { sessionId: session.sessionId })}</p>
      <ul className="session-links__list">
        {ORDER.flatMap((role) => {
          const path = session.links[role];
          if (!path) return [];
          const roleLabel = t(ROLE_KEYS[role]);
          const url = `${origin}${path}`;
          // Every role's link has its QR code: a learner opens theirs on a phone.
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
