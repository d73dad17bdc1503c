import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { MAX_TEXT_LENGTH } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';

/** « Ce que je dis »: the listener's own words. Enter says them; Shift + Enter adds a line. */
export function SayForm({
  disabled,
  onSay,
}: {
  disabled: boolean;
  /** Resolves true when the words were accepted: the field is then cleared. */
  onSay: (text: string) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const fieldId = useId();
  const hintId = useId();
  const canSay = !disabled && text.trim().length > 0;

  async function say(): Promise<void> {
    if (!canSay) return;
    if (await onSay(text.trim())) setText('');
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    void say();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void say();
    }
  }

  return (
    <form className="panel say-form" onSubmit={onSubmit}>
      <label htmlFor={fieldId} className="say-form__label">
        {t('say.label')}
      </label>
      <textarea
        id={fieldId}
        aria-describedby={hintId}
        value={text}
        maxLength={MAX_TEXT_LENGTH}
        rows={2}
        disabled={disabled}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id={hintId} className="hint">
        {t('say.hint')}
      </p>
      <button type="submit" disabled={!canSay}>
        {t('say.submit')}
      </button>
    </form>
  );
}
