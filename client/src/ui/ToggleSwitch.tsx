import { useId, type Ref } from 'react';
import { Kbd } from './Kbd.js';
import type { Shortcut } from './shortcuts.js';
import './toggleSwitch.css';

/** A labelled on/off switch (a checkbox with the switch role), with an optional shortcut and note. */
export function ToggleSwitch({
  label,
  checked,
  onChange,
  disabled = false,
  note,
  shortcut,
  className,
  inputRef,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  note?: string | null;
  shortcut?: Shortcut;
  className?: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const id = useId();
  const noteId = useId();
  return (
    <div className={`toggle-switch${className ? ` ${className}` : ''}`}>
      <input
        ref={inputRef}
        id={id}
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={note ? noteId : undefined}
        aria-keyshortcuts={shortcut?.aria}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {shortcut ? <Kbd shortcut={shortcut} /> : null}
      {note ? (
        <p id={noteId} className="hint">
          {note}
        </p>
      ) : null}
    </div>
  );
}
