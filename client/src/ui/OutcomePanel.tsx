import type { EndingView } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import { endReasonText, outcomeText } from './describeEntry.js';
import './outcomePanel.css';

/** How the call ended: the outcome (its `outcome.*` word), its message, and why. */
export function OutcomePanel({ ending }: { ending: EndingView }) {
  const { t } = useI18n();
  return (
    <section
      className={`panel outcome outcome--${ending.outcome ?? 'none'}`}
      aria-labelledby="outcome-heading"
    >
      <h2 id="outcome-heading">{t('outcome.heading')}</h2>
      <dl>
        <dt>{t('outcome.label')}</dt>
        <dd className="outcome__value">{outcomeText(t, ending.outcome)}</dd>
      </dl>
      {/* A trainer's end has no author's message, only the engine's sentence saying so: the
          reason below says it, in the page's language (it was there twice). */}
      {ending.message && ending.reason !== 'trainer' ? (
        <p className="outcome__message">{ending.message}</p>
      ) : null}
      <p className="muted">{endReasonText(t, ending.reason)}</p>
    </section>
  );
}
