import { useId } from 'react';
import type { Role } from '@ecoute/engine';
import type { Presence } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';
import { ROLE_KEYS } from '../ui/roleKeys.js';

/** Who is connected now, role by role, under the names they gave. */
export function PresencePanel({
  presence,
  callerActor,
}: {
  presence: Presence | null;
  callerActor: boolean;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const roles: Role[] = callerActor
    ? ['listener', 'callerActor', 'trainer', 'observer']
    : ['listener', 'trainer', 'observer'];
  return (
    <section className="panel presence" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('presence.heading')}</h2>
      {presence === null ? <p className="muted">{t('presence.unknown')}</p> : null}
      <dl className="presence__list">
        {roles.map((role) => {
          const people = (presence?.participants ?? []).filter(
            (participant) => participant.role === role && participant.connections > 0,
          );
          return (
            <div key={role} className="presence__row">
              <dt>{t(ROLE_KEYS[role])}</dt>
              {people.length === 0 ? (
                <dd className="presence__nobody">{t('presence.nobody')}</dd>
              ) : (
                people.map((person, i) => (
                  <dd key={`${person.name ?? ''}-${i}`} className="presence__person">
                    <span className="presence__dot" aria-hidden="true" />
                    {person.name ?? t('presence.unnamed')}
                    {person.connections > 1 ? (
                      <span className="muted"> {t('presence.tabs', { count: person.connections })}</span>
                    ) : null}
                  </dd>
                ))
              )}
            </div>
          );
        })}
      </dl>
    </section>
  );
}
