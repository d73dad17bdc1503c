import { useId } from 'react';

/**
 * A labelled input of the account forms: the label above its field, the hint under it; both the
 * hint and the form's error message (`errorId`, while there is one) describe the field, so a
 * screen reader says why a submission failed on the field itself.
 */
export function Field({
  label,
  name,
  type = 'text',
  autoComplete,
  hint,
  errorId,
  value,
  onChange,
  required = true,
  minLength,
  min,
  max,
}: {
  label: string;
  name: string;
  type?: 'text' | 'email' | 'password' | 'number';
  autoComplete?: string;
  hint?: string;
  /** The id of the form's error region, given while it holds a message. */
  errorId?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  minLength?: number;
  /** A number's bounds (the browser refuses what is outside, before sending). */
  min?: number;
  max?: number;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, errorId ?? null].filter(Boolean).join(' ');
  return (
    <div className="account-field form-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required={required}
        minLength={minLength}
        min={min}
        max={max}
        value={value}
        aria-describedby={describedBy || undefined}
        aria-invalid={errorId ? true : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint ? (
        <span id={`${id}-hint`} className="form-field__hint muted">
          {hint}
        </span>
      ) : null}
    </div>
  );
}
