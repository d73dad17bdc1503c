import type { PersonaView } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';

/** Who the caller is, including the background the listener does not know. */
export function PersonaPanel({ persona }: { persona: PersonaView }) {
  const { t } = useI18n();
  return (
    <section className="panel persona" aria-labelledby="persona-heading">
      <h2 id="persona-heading">{t('trainer.persona.heading')}</h2>
      <dl className="persona__facts">
        <dt>{t('trainer.persona.name')}</dt>
        <dd>{persona.name}</dd>
        <dt>{t('trainer.persona.age')}</dt>
        <dd>{t('trainer.persona.ageValue', { age: persona.age })}</dd>
        <dt>{t('trainer.persona.place')}</dt>
        <dd>{persona.place}</dd>
        <dt>{t('trainer.persona.background')}</dt>
        <dd className="persona__background">{persona.background}</dd>
      </dl>
    </section>
  );
}
