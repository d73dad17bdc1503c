// One table of the call (variables, lines, moves, injects, endings) as a form: each entry a
// group of fields named by its own words, « Supprimer », and a form to add one. A new entry's id
// is made from its words (people never type an id).
import { useId, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/index.js';
import { addEntry, idFrom, removeAt } from '../yamlEdit/document.js';
import { tableOf, type Plain, type YamlEdit } from './formTypes.js';

export function TableForm({
  data,
  edit,
  table,
  heading,
  addLabel,
  addButton,
  newEntry,
  title,
  fields,
}: {
  data: Plain;
  edit: YamlEdit;
  table: string;
  heading: string;
  addLabel: string;
  addButton: string;
  newEntry(words: string): Plain;
  title(entry: Plain, id: string): string;
  fields(entry: Plain, path: [string, string]): ReactNode;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const inputId = useId();
  const headingId = useId();
  const entries = tableOf(data, table);
  return (
    <section className="studio-table" aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      {entries.length === 0 ? <p className="muted">{t('studio.forms.emptyTable')}</p> : null}
      {entries.map(([id, entry]) => {
        const name = title(entry, id) || t('studio.forms.untitled');
        return (
          <fieldset key={id} className="studio-entry">
            <legend>{name}</legend>
            {fields(entry, [table, id])}
            <button
              type="button"
              className="studio-entry__remove"
              onClick={() => edit((doc) => removeAt(doc, [table, id]))}
            >
              {t('studio.forms.remove', { name })}
            </button>
          </fieldset>
        );
      })}
      <form
        className="studio-add"
        onSubmit={(e) => {
          e.preventDefault();
          const words = draft.trim();
          if (!words) return;
          const id = idFrom(words, Object.keys(data[table] ?? {}), table.replace(/s$/, ''));
          edit((doc) => addEntry(doc, [table], id, newEntry(words)));
          setDraft('');
        }}
      >
        <label htmlFor={inputId}>{addLabel}</label>
        <input id={inputId} type="text" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit">{addButton}</button>
      </form>
    </section>
  );
}
