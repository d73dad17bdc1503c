import { useId } from 'react';

/** A labelled input of the account forms (the label is always visible, the hint tied to it). */
export function Field({
  label,
  name,
  type = 'text',
  autoComplete,
  hint,
  value,
  onChange,
  required = true,
  minLength,
}: {
  label: string;
  name: string;
  type?: 'text' | 'email' | 'password' | 'number';
  autoComplete?: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  minLength?: number;
}) {
  const id = useId();
  return (
    <p className="account-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required={required}
        minLength={minLength}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint ? (
        <span id={`${id}-hint`} className="muted">
          {hint}
        </span>
      ) : null}
    </p>
  );
}
