// One table of the call (variables, lines, moves, injects, endings) as a form: each entry a
// group of fields named by its own words, a delete button, and a form to add one. A new entry's id
// is made from its words (people never type an id, nor read one outside the YAML). Lines, moves and
// injects (`cited`) are named elsewhere in the call: under `studio.forms.advanced`, for who writes
// the YAML, renaming gives a new id made from words and every reference follows
// (`renameTableEntry`); deleting first lists in words what cites the entry and goes with it.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Document } from 'yaml';
import { pluralForm, useI18n } from '../../i18n/index.js';
import { triggerWords } from '../graphEdit/choices.js';
import { DeleteConfirmation } from '../graphEdit/DeleteConfirmation.js';
import { unsetFlagWords } from '../graphEdit/flagWords.js';
import { addEntry, idFrom, removeAt } from '../yamlEdit/document.js';
import { AdvancedOptions } from './AdvancedOptions.js';
import {
  deleteTableEntry,
  renameTableEntry,
  tableReferences,
  type CitedTable,
  type TableReference,
} from '../yamlEdit/tableEdit.js';
import { flagsLeftUnset, type UnsetFlag } from '../yamlEdit/flagReads.js';
import { tableOf, type Plain, type YamlEdit } from './formTypes.js';

export interface CitedEntries {
  table: CitedTable;
  /** The states by their labels, to say where a reference sits. */
  states: { id: string; label: string }[];
  renameLabel: string;
  renameButton: string;
  /** The key that holds the entry's words (a move's `label`): the new name is written there too. */
  labelKey?: string | undefined;
}

function EntryRename({
  cited,
  data,
  edit,
  id,
  name,
  onDone,
}: {
  cited: CitedEntries;
  data: Plain;
  edit: YamlEdit;
  id: string;
  name: string;
  onDone(message: string): void;
}) {
  const { t } = useI18n();
  const inputId = useId();
  const [words, setWords] = useState('');
  return (
    <form
      className="studio-add"
      onSubmit={(e) => {
        e.preventDefault();
        const chosen = words.trim();
        if (!chosen) return;
        const taken = Object.keys((data[cited.table] as Plain | undefined) ?? {}).filter((k) => k !== id);
        const next = idFrom(chosen, taken, cited.table.replace(/s$/, ''));
        edit((doc) => {
          if (next !== id) renameTableEntry(doc, cited.table, id, next);
          if (cited.labelKey) doc.setIn([cited.table, next, cited.labelKey], chosen);
        });
        setWords('');
        // The id is what transitions and conditions cite: say it when it changed.
        onDone(
          next !== id
            ? t('studio.forms.renamedId', { from: name, to: chosen, id: next })
            : t('studio.forms.renamed', { from: name, to: chosen }),
        );
      }}
    >
      <label htmlFor={inputId}>{cited.renameLabel}</label>
      <p id={`${inputId}-hint`} className="muted studio-add__hint">
        {t('studio.forms.renameHint', { id })}
      </p>
      <input
        id={inputId}
        type="text"
        value={words}
        aria-describedby={`${inputId}-hint`}
        onChange={(e) => setWords(e.target.value)}
      />
      <button type="submit">{cited.renameButton}</button>
    </form>
  );
}

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
  cited,
  notice,
  detail,
}: {
  data: Plain;
  edit: YamlEdit;
  table: string;
  heading: string;
  addLabel: string;
  addButton: string;
  /** The new entry, from its words (and `detail`'s text, when the form asks one). */
  newEntry(words: string, detail: string): Plain;
  title(entry: Plain, id: string): string;
  fields(entry: Plain, path: [string, string]): ReactNode;
  cited?: CitedEntries | undefined;
  /** Said under the heading about the table as a whole (the moves' example phrases). */
  notice?: ReactNode;
  /**
   * A text the format requires of a new entry besides its words (a move's or an inject's help),
   * asked with them: left empty, the entry is not added and `missing` says why (a help made of the
   * label repeated was read by listeners in guided mode as if it helped).
   */
  detail?: { label: string; hint: string; missing: string } | undefined;
}) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState('');
  const [detailDraft, setDetailDraft] = useState('');
  const [detailMissing, setDetailMissing] = useState(false);
  const detailField = useRef<HTMLTextAreaElement>(null);
  const [said, setSaid] = useState('');
  const [pending, setPending] = useState<{ id: string; refs: TableReference[]; unset: UnsetFlag[] } | null>(
    null,
  );
  const [refocus, setRefocus] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const removeRefs = useRef(new Map<string, HTMLButtonElement>());
  const inputId = useId();
  const headingId = useId();
  const entries = tableOf(data, table);

  useEffect(() => {
    if (pending) confirmRef.current?.focus();
  }, [pending]);
  // Cancelling a deletion: focus back on the entry's delete button, once it is drawn again.
  useEffect(() => {
    if (refocus === null) return;
    removeRefs.current.get(refocus)?.focus();
    setRefocus(null);
  }, [refocus]);

  const stateLabel = (state: string) =>
    state ? (cited?.states.find((s) => s.id === state)?.label ?? state) : t('studio.coverage.anywhere');
  const referenceWords = (ref: TableReference): string => {
    switch (ref.kind) {
      case 'say':
        return ref.where === 'transition'
          ? t('studio.forms.ref.sayTransition', {
              trigger: triggerWords(data, ref.trigger ?? '', t),
              from: stateLabel(ref.state),
            })
          : t(ref.where === 'entry' ? 'studio.forms.ref.sayEntry' : 'studio.forms.ref.sayExit', {
              state: stateLabel(ref.state),
            });
      case 'event':
        return t('studio.graph.ref.target', {
          trigger: triggerWords(data, ref.trigger, t),
          from: stateLabel(ref.state),
        });
      case 'guard':
        return t('studio.graph.ref.guard', {
          trigger: triggerWords(data, ref.trigger, t),
          from: stateLabel(ref.state),
        });
      case 'criterion':
        return t('studio.graph.ref.criterion', { criterion: ref.label });
    }
  };

  return (
    <section className="studio-table" aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      {notice}
      <p role="status" className="studio__status">
        {said}
      </p>
      {entries.length === 0 ? <p className="muted">{t('studio.forms.emptyTable')}</p> : null}
      {entries.map(([id, entry]) => {
        const name = title(entry, id) || t('studio.forms.untitled');
        const confirming = pending?.id === id ? pending : null;
        return (
          // `data-entry`: where `editor.issues.goForm` brings the focus (the entry's first field).
          <fieldset key={id} className="studio-entry" data-entry={`${table}:${id}`}>
            <legend>{name}</legend>
            {fields(entry, [table, id])}
            {cited ? (
              <AdvancedOptions>
                <EntryRename cited={cited} data={data} edit={edit} id={id} name={name} onDone={setSaid} />
              </AdvancedOptions>
            ) : null}
            {confirming && cited ? (
              <DeleteConfirmation
                labelId={`${headingId}-${id}-confirm`}
                question={
                  confirming.refs.length === 0
                    ? t('studio.forms.deleteNoRefs', { name })
                    : t(`studio.forms.deleteRefs.${pluralForm(lang, confirming.refs.length)}`, {
                        name,
                        count: confirming.refs.length,
                      })
                }
                references={confirming.refs.map(referenceWords)}
                unsetFlags={unsetFlagWords(data, confirming.unset, t, stateLabel)}
                confirmRef={confirmRef}
                onConfirm={() => {
                  edit((doc) => void deleteTableEntry(doc, cited.table, id));
                  setPending(null);
                  setSaid(t('studio.forms.deleted', { name }));
                }}
                onCancel={() => {
                  setPending(null);
                  setRefocus(id);
                }}
              />
            ) : (
              <button
                type="button"
                className="studio-entry__remove"
                ref={(el) => {
                  if (el) removeRefs.current.set(id, el);
                  else removeRefs.current.delete(id);
                }}
                onClick={() => {
                  if (!cited) {
                    edit((doc) => removeAt(doc, [table, id]));
                    return;
                  }
                  const doc = new Document(data);
                  setPending({
                    id,
                    refs: tableReferences(doc, cited.table, id),
                    // Deleting a move or an inject takes the transitions on it and their `flag` actions.
                    unset: flagsLeftUnset(doc, (copy) => void deleteTableEntry(copy, cited.table, id)),
                  });
                }}
              >
                {t('studio.forms.remove', { name })}
              </button>
            )}
          </fieldset>
        );
      })}
      <form
        className="studio-add"
        onSubmit={(e) => {
          e.preventDefault();
          const words = draft.trim();
          if (!words) return;
          const more = detailDraft.trim();
          if (detail && !more) {
            setDetailMissing(true);
            detailField.current?.focus();
            return;
          }
          const id = idFrom(words, Object.keys(data[table] ?? {}), table.replace(/s$/, ''));
          edit((doc) => addEntry(doc, [table], id, newEntry(words, more)));
          setDraft('');
          setDetailDraft('');
          setDetailMissing(false);
        }}
      >
        <label htmlFor={inputId}>{addLabel}</label>
        <input id={inputId} type="text" value={draft} onChange={(e) => setDraft(e.target.value)} />
        {detail ? (
          <div className="studio-field studio-add__detail">
            <label htmlFor={`${inputId}-detail`}>{detail.label}</label>
            <p id={`${inputId}-detail-hint`} className="muted studio-add__hint">
              {detail.hint}
            </p>
            <textarea
              ref={detailField}
              id={`${inputId}-detail`}
              rows={2}
              value={detailDraft}
              aria-describedby={`${inputId}-detail-hint${detailMissing ? ` ${inputId}-detail-missing` : ''}`}
              aria-invalid={detailMissing ? true : undefined}
              onChange={(e) => {
                setDetailDraft(e.target.value);
                if (e.target.value.trim()) setDetailMissing(false);
              }}
            />
            {detailMissing ? (
              <p id={`${inputId}-detail-missing`} className="studio-field__error" role="alert">
                {detail.missing}
              </p>
            ) : null}
          </div>
        ) : null}
        <button type="submit">{addButton}</button>
      </form>
    </section>
  );
}
