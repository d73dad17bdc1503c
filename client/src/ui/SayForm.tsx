import type { Ref } from 'react';
import { useI18n } from '../i18n/index.js';
import type { Shortcut } from './shortcuts.js';
import { TextSendForm } from './TextSendForm.js';

/** `say.label`: the listener's own words. Enter says them; Shift + Enter adds a line. */
export function SayForm({
  disabled,
  onSay,
  fieldRef,
  shortcut,
  freeSpeech = false,
}: {
  disabled: boolean;
  /** `speech.mode.free_speech`: the words are the answer (read as a move by the server). */
  freeSpeech?: boolean;
  /** Resolves true when the words were accepted: the field is then cleared. */
  onSay: (text: string) => Promise<boolean>;
  fieldRef?: Ref<HTMLTextAreaElement>;
  shortcut?: Shortcut;
}) {
  const { t } = useI18n();
  return (
    <TextSendForm
      label={t('say.label')}
      hint={t(freeSpeech ? 'speech.say.hint' : 'say.hint')}
      submitLabel={t('say.submit')}
      disabled={disabled}
      onSend={onSay}
      {...(fieldRef ? { fieldRef } : {})}
      {...(shortcut ? { shortcut } : {})}
    />
  );
}
