// `/accessibilite`: `a11y.heading`, as French public services publish it (RGAA
// 4.1): the level reached, what is not yet accessible, how it was assessed, whom to contact,
// and the recourse (Défenseur des droits). Its words are in the catalogue (`a11y.*`).
import { Link } from 'react-router';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';

const GAPS: readonly MessageKey[] = ['a11y.gaps.drawings', 'a11y.gaps.consoles', 'a11y.gaps.audit'];
const CHECKS: readonly MessageKey[] = [
  'a11y.method.axe',
  'a11y.method.keyboard',
  'a11y.method.reflow',
  'a11y.method.spacing',
  'a11y.method.forced',
  'a11y.method.tree',
];
const RECOURSE: readonly { text: MessageKey; href?: string }[] = [
  { text: 'a11y.recourse.form', href: 'https://formulaire.defenseurdesdroits.fr/' },
  { text: 'a11y.recourse.delegate', href: 'https://www.defenseurdesdroits.fr/saisir/delegues' },
  { text: 'a11y.recourse.mail' },
];

export function AccessibilityStatementPage() {
  const { t } = useI18n();
  useDocumentTitle(t('a11y.heading'));
  return (
    <div className="account accessibility-statement">
      <h1>{t('a11y.heading')}</h1>
      <p>
        <Link to="/">{t('nav.back.home')}</Link>
      </p>
      <p>{t('a11y.intro')}</p>
      <section className="panel" aria-labelledby="a11y-status">
        <h2 id="a11y-status">{t('a11y.status.heading')}</h2>
        <p>
          <strong>{t('a11y.status.level')}</strong>
        </p>
        <p>{t('a11y.status.text')}</p>
      </section>
      <section className="panel" aria-labelledby="a11y-gaps">
        <h2 id="a11y-gaps">{t('a11y.gaps.heading')}</h2>
        <ul>
          {GAPS.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="a11y-method">
        <h2 id="a11y-method">{t('a11y.method.heading')}</h2>
        <p>{t('a11y.method.date')}</p>
        <p>{t('a11y.method.technologies')}</p>
        <ul>
          {CHECKS.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="a11y-contact">
        <h2 id="a11y-contact">{t('a11y.contact.heading')}</h2>
        <p>{t('a11y.contact.text')}</p>
      </section>
      <section className="panel" aria-labelledby="a11y-recourse">
        <h2 id="a11y-recourse">{t('a11y.recourse.heading')}</h2>
        <p>{t('a11y.recourse.text')}</p>
        <ul>
          {RECOURSE.map(({ text, href }) => (
            <li key={text}>{href ? <a href={href}>{t(text)}</a> : t(text)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
