import type { Ref } from 'react';
import type { HintMode, SpeechExampleCount } from '@ecoute/engine';
import type { CreateSessionRequest } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';
import { ToggleSwitch } from '../ui/ToggleSwitch.js';
import { HintModePicker } from './HintModePicker.js';
import './home.css';

/** How a new session is played: who plays the caller, and the listener's hint mode. */
export interface SessionChoices {
  callerActor: boolean;
  hintMode: HintMode;
  askTrainer: boolean;
}

export const DEFAULT_SESSION_CHOICES: SessionChoices = {
  callerActor: false,
  hintMode: 'guided',
  askTrainer: false,
};

/** The session's request for `scenarioId` with these choices (the defaults left unsaid). */
export function sessionRequest(scenarioId: string, choices: SessionChoices): CreateSessionRequest {
  return {
    scenarioId,
    ...(choices.callerActor ? { callerActor: true } : {}),
    ...(choices.hintMode !== 'guided' ? { hintMode: choices.hintMode } : {}),
    ...(choices.hintMode === 'free_speech' && choices.askTrainer ? { askTrainer: true } : {}),
  };
}

/**
 * The choices of a new session, as the home page's « Nouvelle séance » and the studio's « Lancer
 * une séance » both offer them: « Un·e apprenant·e joue l'appelant·e » (`home.callerActor`), then
 * the hint mode (`HintModePicker`).
 */
export function SessionOptions({
  choices,
  onChange,
  speechExamples,
  firstRef,
}: {
  choices: SessionChoices;
  onChange: (choices: SessionChoices) => void;
  speechExamples?: SpeechExampleCount | undefined;
  /** The first control (the switch), for a form that takes the focus there on opening. */
  firstRef?: Ref<HTMLInputElement>;
}) {
  const { t } = useI18n();
  return (
    <>
      <ToggleSwitch
        className="home__caller-actor"
        label={t('home.callerActor')}
        note={t('home.callerActorHint')}
        checked={choices.callerActor}
        onChange={(callerActor) => onChange({ ...choices, callerActor })}
        {...(firstRef ? { inputRef: firstRef } : {})}
      />
      <HintModePicker
        mode={choices.hintMode}
        onMode={(hintMode) => onChange({ ...choices, hintMode })}
        askTrainer={choices.askTrainer}
        onAskTrainer={(askTrainer) => onChange({ ...choices, askTrainer })}
        speechExamples={speechExamples}
      />
    </>
  );
}
