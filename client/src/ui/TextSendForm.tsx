import { useId, useState, type FormEvent, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { MAX_TEXT_LENGTH } from '@ecoute/protocol';
import { Kbd } from './Kbd.js';
import type { Shortcut } from './shortcuts.js';
import './textSendForm.css';

/**
 * A short text to send: Enter sends it, Shift + Enter adds a line; the field is cleared once
 * the text was accepted, kept when refused. `say.label`, notes, whispers, ad-lib lines…
 */
export function TextSendForm({
  label,
  hint,
  submitLabel,
  disabled,
  onSend,
  fieldRef,
  shortcut,
  className,
  children,
  maxLength = MAX_TEXT_LENGTH,
  allowEmpty = false,
  framed = true,
}: {
  label: string;
  hint?: string;
  submitLabel: string;
  disabled: boolean;
  /** Resolves true when the text was accepted. */
  onSend: (text: string) => Promise<boolean>;
  fieldRef?: Ref<HTMLTextAreaElement>;
  shortcut?: Shortcut;
  className?: string;
  /** Extra controls between the field and the button (e.g. a sharing switch). */
  children?: ReactNode;
  maxLength?: number;
  allowEmpty?: boolean;
  /** In a panel of its own (default), or inside another panel. */
  framed?: boolean;
}) {
  const [text, setText] = useState('');
  const fieldId = useId();
  const hintId = useId();
  const canSend = !disabled && (allowEmpty || text.trim().length > 0);

  async function send(): Promise<void> {
    if (!canSend) return;
    if (await onSend(text.trim())) setText('');
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    void send();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  }

  return (
    <form
      className={`${framed ? 'panel ' : ''}text-form${className ? ` ${className}` : ''}`}
      onSubmit={onSubmit}
    >
      <p className="text-form__head">
        <label htmlFor={fieldId} className="text-form__label">
          {label}
        </label>
        {shortcut ? (
          <>
            {' '}
            <Kbd shortcut={shortcut} />
          </>
        ) : null}
      </p>
      <textarea
        ref={fieldRef}
        id={fieldId}
        aria-describedby={hint ? hintId : undefined}
        aria-keyshortcuts={shortcut?.aria}
        value={text}
        maxLength={maxLength}
        rows={2}
        disabled={disabled}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {children}
      <button type="submit" disabled={!canSend}>
        {submitLabel}
      </button>
    </form>
  );
}
