// `/sessions/:sessionId/liens`: a session's role links again, from any browser of its trainer
// (the server keeps them sealed for the owner), each with its QR code; `account.share.revoke`
// makes new ones and the old ones open nothing any more.
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { SessionLinks } from '@ecoute/protocol';
import { saveSessionLinks } from '../home/savedLinks.js';
import { useI18n } from '../i18n/index.js';
import { ConfirmAction } from '../ui/ConfirmAction.js';
import { CopyLink } from '../ui/CopyLink.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { useHeavyViews } from '../ui/HeavyViews.js';
import { LINK_ORDER, ROLE_KEYS } from '../ui/roleKeys.js';
import { formatDateTime } from '../i18n/formatDate.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { accountApi } from './accountApi.js';
import { MessageWithScenario } from '../i18n/MessageWithScenario.js';

const QrCode = lazy(() => import('../trainer/QrCode.js'));

/**
 * What the page that led here knows of the session (the router's state: the sessions list, the
 * studio's editor.startSession button): its call and when it was made, so that the trainer reads which
 * session these links open at once. The links' answer (`SessionShare`) carries them too: opened from
 * its address alone (a reload, a bookmark), the page names the session once it arrives, and the
 * answer, the server's word, is what the page shows from then on.
 */
export interface SessionShareState {
  title: string;
  version: number;
  createdAt?: string;
}

function shareStateOf(state: unknown): SessionShareState | null {
  if (typeof state !== 'object' || state === null) return null;
  const { title, version, createdAt } = state as Record<string, unknown>;
  if (typeof title !== 'string' || typeof version !== 'number') return null;
  return typeof createdAt === 'string' ? { title, version, createdAt } : { title, version };
}

export function SessionSharePage({
  api = accountApi,
  origin = window.location.origin,
}: {
  api?: typeof accountApi;
  origin?: string;
}) {
  const { t } = useI18n();
  const { sessionId = '' } = useParams();
  const passed = shareStateOf(useLocation().state);
  const heavy = useHeavyViews();
  const [links, setLinks] = useState<SessionLinks | null>(null);
  const [served, setServed] = useState<SessionShareState | null>(null);
  const about = served ?? passed;
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  // The tab's title (a bookmark's name) says which session too.
  useDocumentTitle(
    t('account.share.heading'),
    about?.title,
    about?.createdAt ? formatDateTime(t, about.createdAt) : null,
  );

  useEffect(() => {
    void api.links(sessionId).then((result) => {
      if (!result.ok) return setError(result.code);
      const { scenarioTitle: title, scenarioVersion: version, createdAt } = result.data;
      setLinks(result.data);
      setServed({ title, version, createdAt });
    });
  }, [api, sessionId]);

  async function revoke(): Promise<void> {
    const result = await api.revokeLinks(sessionId);
    if (!result.ok) {
      setError(result.code);
      return;
    }
    saveSessionLinks(result.data);
    setLinks(result.data);
    setStatus(t('account.share.revoked'));
  }

  return (
    <div className="account">
      <h1>{t('account.share.heading')}</h1>
      {about ? (
        <p>
          {about.createdAt ? (
            <MessageWithScenario
              k="account.share.callAt"
              params={{ version: about.version, date: formatDateTime(t, about.createdAt) }}
              scenario={{ title: about.title }}
            />
          ) : (
            <MessageWithScenario
              k="account.share.call"
              params={{ version: about.version }}
              scenario={{ title: about.title }}
            />
          )}
        </p>
      ) : null}
      <p>
        <Link to="/sessions">{t('nav.back.sessions')}</Link>
      </p>
      <ErrorAlert code={error} />
      <p role="status">{status}</p>
      {links ? (
        <section className="panel session-links" aria-labelledby="session-links-heading">
          <h2 id="session-links-heading">{t('home.links.heading')}</h2>
          <p>{t('home.links.intro')}</p>
          <ul className="session-links__list">
            {LINK_ORDER.flatMap((role) => {
              const path = links.links[role];
              if (!path) return [];
              const url = `${origin}${path}`;
              return [
                <li key={role}>
                  <CopyLink roleLabel={t(ROLE_KEYS[role])} url={url} />
                  {heavy ? (
                    <Suspense fallback={null}>
                      <QrCode
                        text={url}
                        label={t('account.share.qr', { role: t(ROLE_KEYS[role]) })}
                        size={128}
                      />
                    </Suspense>
                  ) : null}
                </li>,
              ];
            })}
          </ul>
          <ConfirmAction
            question={t('account.share.confirm')}
            yes={t('account.share.revokeConfirm')}
            no={t('account.cancel')}
            onConfirm={revoke}
          >
            {t('account.share.revoke')}
          </ConfirmAction>
        </section>
      ) : null}
    </div>
  );
}
