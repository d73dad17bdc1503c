// On a learner's debrief (the listener's link): the badges they earned in the organisation,
// to download (baked images, the credential) — GET /api/sessions/:id/badges with their token.
import { useEffect, useState } from 'react';
import type { AwardedBadge } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';
import { formatDate } from '../i18n/formatDate.js';
import { BadgeDownloads } from './BadgeDownloads.js';
import { badgesApi } from './badgesApi.js';
import { joinParts } from '../i18n/joinParts.js';

export function LearnerBadges({
  sessionId,
  token,
  api = badgesApi,
}: {
  sessionId: string;
  token: string;
  api?: Pick<typeof badgesApi, 'learnerBadges'>;
}) {
  const { t } = useI18n();
  const [awards, setAwards] = useState<AwardedBadge[]>([]);
  useEffect(() => {
    void api.learnerBadges(sessionId, token).then((result) => {
      if (result.ok) setAwards(result.data.awards);
    });
  }, [api, sessionId, token]);
  if (awards.length === 0) return null;
  return (
    <section className="panel learner-badges" aria-labelledby="learner-badges-heading">
      <h2 id="learner-badges-heading">{t('badges.learner.heading')}</h2>
      <ul>
        {awards.map((award) => (
          <li key={award.id}>
            <h3>{award.badgeName}</h3>
            <p>
              {joinParts(
                t,
                [
                  t('badges.issuedOn', { date: formatDate(t, award.issuedAt) }),
                  award.revoked && t('badges.revoked'),
                ],
                'dash',
              )}
            </p>
            {award.revoked ? null : <BadgeDownloads award={award} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
