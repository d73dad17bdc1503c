// `/badge/:awardId`, public: what a badge says and whether it holds (signature checked against
// the organisation's published key, not revoked). The machine-readable proofs are the
// credential itself and the documents it links to.
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import type { BadgeVerification } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';
import { formatDate } from '../i18n/formatDate.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { badgesApi } from './badgesApi.js';

export function BadgeVerifyPage({ api = badgesApi }: { api?: Pick<typeof badgesApi, 'verification'> }) {
  const { t } = useI18n();
  const { awardId = '' } = useParams();
  const [badge, setBadge] = useState<BadgeVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  useDocumentTitle(t('badges.verify.heading'));
  useEffect(() => {
    void api.verification(awardId).then((result) => {
      if (result.ok) setBadge(result.data);
      else setError(result.code);
    });
  }, [api, awardId]);
  const valid = badge !== null && badge.signatureValid && !badge.revoked;
  return (
    <div className="account badge-verify">
      <h1>{t('badges.verify.heading')}</h1>
      {/* A badge erased (or never issued) reads as not found (`badges.verify.notFound`), as the
          server answers: no detail of whom it named, nothing it cannot know. */}
      {error === 'badge/not_found' ? (
        <p role="alert" className="badge-invalid">
          {t('badges.verify.notFound')}
        </p>
      ) : (
        <ErrorAlert code={error} />
      )}
      {badge ? (
        <section className="panel" aria-labelledby="badge-verify-name">
          <h2 id="badge-verify-name">{badge.badgeName}</h2>
          <p role="status" className={valid ? 'badge-valid' : 'badge-invalid'}>
            {badge.revoked
              ? t('badges.verify.revoked', { reason: badge.revocationReason ?? '' })
              : badge.signatureValid
                ? t('badges.verify.valid')
                : t('badges.verify.badSignature')}
          </p>
          <dl>
            <dt>{t('badges.verify.learner')}</dt>
            <dd>{badge.learner}</dd>
            <dt>{t('badges.verify.issuer')}</dt>
            <dd>{badge.issuerName}</dd>
            <dt>{t('badges.verify.issuedOn')}</dt>
            <dd>{formatDate(t, badge.issuedAt)}</dd>
            <dt>{t('badges.verify.description')}</dt>
            <dd>{badge.description}</dd>
            <dt>{t('badges.verify.criteria')}</dt>
            <dd>{badge.criteria}</dd>
          </dl>
        </section>
      ) : null}
    </div>
  );
}
