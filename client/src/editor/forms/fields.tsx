// The fields of the studio's forms, each bound to one place of the YAML: a change is written at
// once (the text in the editor follows), an emptied optional field removes its key.
import { useEffect, useId, useState } from 'react';
import type { Document } from 'yaml';
import { useI18n } from '../../i18n/index.js';
import { addItem, removeAt, setValue, type YamlPath } from '../yamlEdit/document.js';
import { textOf, type YamlEdit } from './formTypes.js';

interface FieldProps {
  label: string;
  path: YamlPath;
  value: unknown;
  edit: YamlEdit;
  optional?: boolean;
  hint?: string | undefined;
  /** What is wrong with the value written (said under the field, which is marked invalid). */
  error?: string | undefined;
}

/** The ids a field is described by (its hint, its error) and their paragraphs. */
function describedBy(id: string, hint: string | undefined, error: string | undefined) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return {
    field: { 'aria-describedby': ids || undefined, 'aria-invalid': error ? true : undefined },
    notes: (
      <>
        {hint ? (
          <span id={`${id}-hint`} className="muted">
            {hint}
          </span>
        ) : null}
        {error ? (
          <p id={`${id}-error`} className="studio-field__error" role="alert">
            {error}
          </p>
        ) : null}
      </>
    ),
  };
}

export function TextField({
  label,
  path,
  value,
  edit,
  optional = false,
  multiline = false,
  hint,
  error,
}: FieldProps & { multiline?: boolean }) {
  const id = useId();
  const onChange = (next: string) => edit((doc) => setValue(doc, path, next, optional));
  const described = describedBy(id, hint, error);
  return (
    <div className="studio-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          rows={3}
          value={textOf(value)}
          onChange={(e) => onChange(e.target.value)}
          {...described.field}
        />
      ) : (
        <input
          id={id}
          type="text"
          value={textOf(value)}
          onChange={(e) => onChange(e.target.value)}
          {...described.field}
        />
      )}
      {described.notes}
    </div>
  );
}

/**
 * A number: written only once what is typed reads as one (a lone minus sign waits). `write`, when
 * given, writes it instead of `setValue` at `path` (undefined: an optional field emptied).
 */
export function NumberField({
  label,
  path,
  value,
  edit,
  optional = false,
  hint,
  error,
  write,
}: FieldProps & { write?: (doc: Document, value: number | undefined) => void }) {
  const id = useId();
  const described = describedBy(id, hint, error);
  const written = (number: number | undefined) =>
    edit((doc) => (write ? write(doc, number) : setValue(doc, path, number, optional)));
  const [draft, setDraft] = useState(textOf(value));
  useEffect(() => {
    setDraft((current) => (Number(current) === value && current.trim() !== '' ? current : textOf(value)));
  }, [value]);
  return (
    <div className="studio-field studio-field--number">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={draft}
        onChange={(e) => {
          const next = e.target.value;
          setDraft(next);
          const number = Number(next.replace(',', '.'));
          if (next.trim() === '' && optional) written(undefined);
          else if (next.trim() !== '' && Number.isFinite(number)) written(number);
        }}
        {...described.field}
      />
      {described.notes}
    </div>
  );
}

export function SelectField({
  label,
  path,
  value,
  edit,
  options,
  optional = false,
}: FieldProps & { options: { value: string; label: string }[] }) {
  const id = useId();
  const { t } = useI18n();
  return (
    <div className="studio-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={textOf(value)}
        onChange={(e) => edit((doc) => setValue(doc, path, e.target.value, optional))}
      >
        {optional || !options.some((o) => o.value === textOf(value)) ? (
          <option value="">{t('studio.forms.none')}</option>
        ) : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A list of sentences (a line's variants, a move's example phrases): each editable, removable. */
export function ListField({
  label,
  itemLabel,
  addLabel,
  path,
  value,
  edit,
  empty,
}: FieldProps & {
  itemLabel: (n: number) => string;
  addLabel: string;
  /** What an empty list means, when more than “nothing yet” (a move's example phrases). */
  empty?: string;
}) {
  const { t } = useI18n();
  const items = Array.isArray(value) ? value.map(textOf) : [];
  const [draft, setDraft] = useState('');
  const id = useId();
  return (
    <fieldset className="studio-list">
      <legend>{label}</legend>
      {items.length === 0 ? <p className="muted">{empty ?? t('studio.forms.emptyList')}</p> : null}
      <ol>
        {items.map((item, i) => (
          <li key={i}>
            <TextField label={itemLabel(i + 1)} path={[...path, i]} value={item} edit={edit} />
            <button type="button" onClick={() => edit((doc) => removeAt(doc, [...path, i], true))}>
              {t('studio.forms.removeItem', { item: itemLabel(i + 1) })}
            </button>
          </li>
        ))}
      </ol>
      <form
        className="studio-add"
        onSubmit={(e) => {
          e.preventDefault();
          if (!draft.trim()) return;
          edit((doc) => addItem(doc, path, draft.trim()));
          setDraft('');
        }}
      >
        <label htmlFor={id}>{addLabel}</label>
        <input id={id} type="text" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit">{t('studio.forms.add')}</button>
      </form>
    </fieldset>
  );
}
