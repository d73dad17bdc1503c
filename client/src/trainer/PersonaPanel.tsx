import { useId } from 'react';
import type { PersonaView } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import type { MessageKey } from '../i18n/index.js';
import './personaPanel.css';
import { ScenarioText } from '../i18n/ScenarioText.js';

/**
 * Who the caller is, including the background the listener does not know: the trainer's panel,
 * and (with its own heading, the summary and secrets) the caller actor's cue card.
 */
export function PersonaPanel({
  persona,
  heading = 'trainer.persona.heading',
  backgroundLabel = 'trainer.persona.background',
  summary,
  className = 'panel persona',
}: {
  persona: PersonaView;
  heading?: MessageKey;
  backgroundLabel?: MessageKey;
  summary?: string;
  className?: string;
}) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section className={className} aria-labelledby={headingId}>
      <h2 id={headingId}>{t(heading)}</h2>
      {summary ? (
        <p>
          <ScenarioText>{summary}</ScenarioText>
        </p>
      ) : null}
      <dl className="persona__facts">
        <dt>{t('trainer.persona.name')}</dt>
        <dd>
          <ScenarioText>{persona.name}</ScenarioText>
        </dd>
        <dt>{t('trainer.persona.age')}</dt>
        <dd>{t('trainer.persona.ageValue', { age: persona.age })}</dd>
        <dt>{t('trainer.persona.place')}</dt>
        <dd>
          <ScenarioText>{persona.place}</ScenarioText>
        </dd>
        <dt>{t(backgroundLabel)}</dt>
        <dd className="persona__background">
          <ScenarioText>{persona.background}</ScenarioText>
        </dd>
      </dl>
    </section>
  );
}
