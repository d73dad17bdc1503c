// « Lancer une séance (version N) » in the studio: the same choices as the home page's « Nouvelle
// séance » (`home/SessionOptions`: who plays the caller, the hint mode), in a form under the
// studio's actions. It takes the focus to its first choice on opening; Escape or « Annuler »
// closes it and the page gives the focus back to the button that opened it.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { SpeechExampleCount } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { DEFAULT_SESSION_CHOICES, SessionOptions, type SessionChoices } from '../home/SessionOptions.js';

export function LaunchSessionForm({
  version,
  speechExamples,
  onLaunch,
  onClose,
}: {
  version: number;
  speechExamples?: SpeechExampleCount | undefined;
  /** Creates the session (and leaves for its links); a refusal's code, said by the form's buttons. */
  onLaunch: (choices: SessionChoices) => Promise<string | null>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const first = useRef<HTMLInputElement>(null);
  const [choices, setChoices] = useState<SessionChoices>(DEFAULT_SESSION_CHOICES);
  const [creating, setCreating] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (creating) return;
    setCreating(true);
    setRefused(null);
    const code = await onLaunch(choices);
    if (code) {
      setRefused(code);
      setCreating(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onClose();
  };
  return (
    <form
      className="studio__launch panel"
      aria-labelledby={headingId}
      onSubmit={(event) => void submit(event)}
      onKeyDown={onKeyDown}
    >
      <h2 id={headingId}>{t('editor.launch.heading', { version })}</h2>
      <SessionOptions
        choices={choices}
        onChange={setChoices}
        speechExamples={speechExamples}
        firstRef={first}
      />
      <ErrorAlert code={refused} />
      <div className="studio__launch-buttons">
        <button type="submit" aria-disabled={creating}>
          {creating ? t('home.creating') : t('home.create')}
        </button>
        {/* Outlined, as ConfirmAction's « Annuler »: apart from the action that creates. */}
        <button type="button" className="button--secondary" onClick={onClose}>
          {t('editor.launch.cancel')}
        </button>
      </div>
    </form>
  );
}
