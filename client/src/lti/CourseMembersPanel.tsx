// In the trainer's console of a session opened by an LTI launch: the platform course's members
// (Names and Roles Provisioning Service), with who has played this activity, whose grade went
// back to the platform and the badges they earned. A console no platform opened (no `l=1` from
// the launch, `launchedFromPlatform`) asks nothing and shows nothing; nothing shows either for a
// session the platform opened without the service (`lti/no_membership_service`); the
// platform's failure to answer is said (`lti/membership_failed`).
import { useCallback, useEffect, useId, useState } from 'react';
import type { CourseMembers } from '@ecoute/protocol';
import { useLocation } from 'react-router';
import { readRoleToken } from '../app/readRoleToken.js';
import { storedRoleToken } from '../app/takeRoleToken.js';
import { pluralForm, useI18n } from '../i18n/index.js';
import { joinParts } from '../i18n/joinParts.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { launchedFromPlatform } from './launchedFromPlatform.js';
import { ScrollTable } from '../ui/ScrollTable.js';
import { requestJson } from '../ui/requestJson.js';
import type { ApiResult } from '../ui/requestJson.js';

export const courseMembersApi = {
  members: (sessionId: string, token: string | undefined): Promise<ApiResult<CourseMembers>> =>
    requestJson<CourseMembers>(`/api/sessions/${encodeURIComponent(sessionId)}/lti/members`, token),
};

export function CourseMembersPanel({
  sessionId,
  token: given,
  api = courseMembersApi,
  launched: givenLaunched,
}: {
  sessionId: string;
  token?: string;
  api?: typeof courseMembersApi;
  /** Whether a platform opened the session (default: what the launch's link said). */
  launched?: boolean;
}) {
  const { t, lang } = useI18n();
  const { hash, pathname } = useLocation();
  const [launched] = useState(() => givenLaunched ?? launchedFromPlatform(pathname, hash));
  // The link's token (the router still holds the fragment), else the one this tab kept: inside a
  // platform's frame, storage may be refused (third-party storage blocked with its cookies).
  const token = given ?? readRoleToken(hash) ?? storedRoleToken(pathname) ?? undefined;
  const headingId = useId();
  const [members, setMembers] = useState<CourseMembers | null>(null);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const [hidden, setHidden] = useState(false);
  const load = useCallback(async () => {
    const result = await api.members(sessionId, token);
    if (result.ok) {
      setMembers(result.data);
      setErrorCode(null);
    } else if (result.code === 'lti/membership_failed') setErrorCode(result.code);
    // Not a launched session (`lti/no_membership_service`), or no answer at all: nothing to show.
    else setHidden(true);
  }, [api, sessionId, token]);
  useEffect(() => {
    if (launched) void load();
  }, [load, launched]);
  // Nothing until the platform answered: most sessions are not launched from a platform.
  if (!launched || hidden || (members === null && errorCode === null)) return null;
  return (
    <section className="panel course-members" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {members?.course ? t('lti.members.headingOf', { course: members.course }) : t('lti.members.heading')}
      </h2>
      <ErrorAlert code={errorCode} />
      {members ? (
        members.members.length === 0 ? (
          <p>{t('lti.members.none')}</p>
        ) : (
          <ScrollTable name={t('lti.members.heading')}>
            <table className="course-members__table">
              <caption className="visually-hidden">{t('lti.members.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('lti.members.name')}</th>
                  <th scope="col">{t('lti.members.role')}</th>
                  <th scope="col">{t('lti.members.calls')}</th>
                  <th scope="col">{t('lti.members.grade')}</th>
                  <th scope="col">{t('lti.members.badges')}</th>
                </tr>
              </thead>
              <tbody>
                {members.members.map((m, index) => (
                  <tr key={`${m.name} ${index}`} className={m.active ? undefined : 'muted'}>
                    <th scope="row">
                      {joinParts(
                        t,
                        [
                          m.name,
                          m.pseudonym && t('lti.members.pseudonym'),
                          !m.active && t('lti.members.inactive'),
                        ],
                        'dot',
                      )}
                    </th>
                    <td>{t(`lti.members.role.${m.role}`)}</td>
                    <td>
                      {m.calls === 0
                        ? t('lti.members.notPlayed')
                        : t('lti.members.played', {
                            calls: t(`lti.members.calls.${pluralForm(lang, m.calls)}`, { count: m.calls }),
                            ended: t(`lti.members.ended.${pluralForm(lang, m.ended)}`, { count: m.ended }),
                          })}
                    </td>
                    <td>{m.scoreSent ? t('lti.members.gradeSent') : t('lti.members.gradeNone')}</td>
                    <td>
                      {m.badges.length === 0 ? t('lti.members.noBadge') : joinParts(t, m.badges, 'dot')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )
      ) : null}
      <button type="button" onClick={() => void load()}>
        {t('lti.members.refresh')}
      </button>
    </section>
  );
}
