import { useEffect, useRef } from 'react';
import type { SessionLinks } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';
import { RoleLinkList } from '../trainer/RoleLinkList.js';
import { LINK_ORDER } from '../ui/roleKeys.js';
import { MessageWithScenario } from '../i18n/MessageWithScenario.js';

// In the order people are handed their links; the caller actor's only when the session has one.
/** The new session's role links, as full addresses on this origin. */
export function SessionLinksPanel({
  session,
  origin,
  call = null,
}: {
  session: SessionLinks;
  origin: string;
  /** The call these links open, named above them (`account.share.call`, as the links' own page). */
  call?: { title: string; version: number } | null;
}) {
  const { t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The links appear after a button press: bring the reader to them.
  useEffect(() => {
    headingRef.current?.focus();
  }, [session.sessionId]);

  return (
    <section className="panel session-links" aria-labelledby="links-heading">
      <h2 id="links-heading" ref={headingRef} tabIndex={-1}>
        {t('home.links.heading')}
      </h2>
      {call ? (
        <p>
          <MessageWithScenario
            k="account.share.call"
            params={{ version: call.version }}
            scenario={{ title: call.title }}
          />
        </p>
      ) : null}
      <p>{t('home.links.intro')}</p>
      <RoleLinkList
        links={session.links}
        origin={origin}
        order={LINK_ORDER}
        className="session-links__list"
      />
    </section>
  );
}
