import { useId } from 'react';
import type { CallerActorView } from '@ecoute/engine';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { MessageWithScenario } from '../i18n/MessageWithScenario.js';
import { ScenarioText } from '../i18n/ScenarioText.js';
import '../trainer/personaPanel.css';

/**
 * « Votre personnage », written for the learner who plays the caller: who they are (name, age,
 * place), the voice the listener hears their lines in, then their story and secrets (the
 * persona's background). Not the call's summary: written for trainers, it pitches the exercise
 * (« Un appel court … pour découvrir la console »), which is no part of the character.
 */
export function PersonaCard({ persona, voice }: Pick<CallerActorView, 'persona' | 'voice'>) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section className="panel persona cue-card persona-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('actor.persona.heading')}</h2>
      <p className="persona-card__who">
        <MessageWithScenario
          k="actor.persona.who"
          params={{ age: persona.age }}
          scenario={{ name: persona.name, place: persona.place }}
        />
      </p>
      <p className="persona-card__voice">
        {t('actor.persona.voice', { pace: t(paceKey(voice.rate)), pitch: t(pitchKey(voice.pitch)) })}
      </p>
      <h3>{t('actor.persona.story')}</h3>
      <p className="hint">{t('actor.persona.storyHint')}</p>
      <p className="persona__background">
        <ScenarioText>{persona.background}</ScenarioText>
      </p>
    </section>
  );
}

/**
 * The speech synthesis's rate and pitch in words (1 is the voice's own): the author chose them for
 * the character (Lucien, short of breath, 0.8), and the listener hears the actor's lines so.
 */
export function paceKey(rate: number): MessageKey {
  return rate < 0.95
    ? 'actor.persona.pace.slow'
    : rate > 1.05
      ? 'actor.persona.pace.fast'
      : 'actor.persona.pace.normal';
}

export function pitchKey(pitch: number): MessageKey {
  return pitch < 0.95
    ? 'actor.persona.pitch.low'
    : pitch > 1.05
      ? 'actor.persona.pitch.high'
      : 'actor.persona.pitch.medium';
}
