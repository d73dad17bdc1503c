import { useId } from 'react';
import type { TrainerPersonaView } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import './personaPanel.css';
import { ScenarioText } from '../i18n/ScenarioText.js';

/**
 * Who the caller is, including the background the listener does not know, then the notes the
 * author wrote for the trainer (`trainer.persona.trainerNotes`), when the call has some: the
 * trainer's panel. (The caller actor's card, written for the one who plays, is
 * `callerActor/PersonaCard`: the engine gives it no trainer's notes.)
 */
export function PersonaPanel({ persona }: { persona: TrainerPersonaView }) {
  const { t } = useI18n();
  const headingId = useId();
  const notesId = useId();
  return (
    <section className="panel persona" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('trainer.persona.heading')}</h2>
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
        <dt>{t('trainer.persona.background')}</dt>
        <dd className="persona__background">
          <ScenarioText>{persona.background}</ScenarioText>
        </dd>
      </dl>
      {persona.trainerNotes !== null && (
        <section className="persona__notes" aria-labelledby={notesId}>
          <h3 id={notesId}>{t('trainer.persona.trainerNotes')}</h3>
          <p className="persona__background">
            <ScenarioText>{persona.trainerNotes}</ScenarioText>
          </p>
        </section>
      )}
    </section>
  );
}
