// On the organisation page (administrators): the LTI 1.3 dynamic registration URL to paste in
// the platform (Moodle 4: the tool URL field) with `link.copy` beside it, and the platforms already
// registered. Écoute registers only dynamically: that address is all a platform is given.
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { formatDate } from '../i18n/formatDate.js';
import { CopyButton } from '../ui/CopyButton.js';
import { ltiApi, type LtiRegistration } from './ltiApi.js';
import './lti.css';

export function LtiRegistrationPanel({ api = ltiApi }: { api?: typeof ltiApi }) {
  const { t } = useI18n();
  const [registration, setRegistration] = useState<LtiRegistration | null>(null);
  useEffect(() => {
    void api.registration().then((result) => {
      if (result.ok) setRegistration(result.data);
    });
  }, [api]);
  if (!registration) return null;
  return (
    <section className="panel" aria-labelledby="lti-heading">
      <h2 id="lti-heading">{t('lti.heading')}</h2>
      <p>{t('lti.hint')}</p>
      <div className="form-field">
        <label htmlFor="lti-registration-url">{t('lti.registrationUrl')}</label>
        <div className="lti-copy-field">
          {/* Focused, the whole address is selected: copied by hand at once when the clipboard is refused. */}
          <input
            id="lti-registration-url"
            type="text"
            readOnly
            value={registration.url}
            onFocus={(event) => event.currentTarget.select()}
          />
          <CopyButton
            text={registration.url}
            label={t('lti.copyUrl')}
            describedBy="lti-registration-url"
            copied={t('lti.copied')}
            failed={t('lti.copyFailed')}
          />
        </div>
      </div>
      <h3>{t('lti.platforms')}</h3>
      {registration.platforms.length === 0 ? <p>{t('lti.none')}</p> : null}
      <ul>
        {registration.platforms.map((p) => (
          <li key={`${p.issuer} ${p.clientId}`}>
            {t('lti.platform', { issuer: p.issuer, date: formatDate(t, p.createdAt) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
