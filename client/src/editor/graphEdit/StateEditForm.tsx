// `studio.graph.editState`: its name and description, what happens on entering it, `studio.graph.rename`
// (a new id from words, every reference follows: under `studio.forms.advanced`, for who writes the YAML) and `studio.graph.delete` (the references that used it are listed first and
// go with it, once confirmed).
import { useEffect, useId, useMemo, useRef, useState, type Ref } from 'react';
import { pluralForm, useI18n } from '../../i18n/index.js';
import { AdvancedOptions } from '../forms/AdvancedOptions.js';
import { TextField } from '../forms/fields.js';
import { isPlain, textOf, type Plain, type YamlEdit } from '../forms/formTypes.js';
import { idFrom, removeAt, viewDocument } from '../yamlEdit/document.js';
import {
  addEntryAction,
  deleteState,
  readTransition,
  renameState,
  retargetTransition,
  stateDocPath,
  stateReferences,
  statesOf,
  transitionsFrom,
  type StateReference,
} from '../yamlEdit/machineEdit.js';
import { ActionPicker, actionWords } from './ActionPicker.js';
import { DeleteConfirmation } from './DeleteConfirmation.js';
import { unsetFlagWords } from './flagWords.js';
import { flagsLeftUnset, type UnsetFlag } from '../yamlEdit/flagReads.js';
import { triggerWords, WHOLE_CALL } from './choices.js';
import { guardWords } from './guardWords.js';
import type { GuardConfig } from '@ecoute/engine';
import type { YamlPath } from '../yamlEdit/document.js';
import type { StateChoice } from './GraphEditPanel.js';

export function StateEditForm({
  data,
  text,
  edit,
  states,
  selected,
  onSelect,
  selectRef,
  onDone,
  onEditTransition,
}: {
  data: Plain;
  text: string;
  edit: YamlEdit;
  states: StateChoice[];
  selected: string;
  onSelect(state: string): void;
  selectRef?: Ref<HTMLSelectElement> | undefined;
  onDone(message: string): void;
  /** `studio.graph.editTransitionButton` on one of its transitions: opens the transition form on it. */
  onEditTransition?: (
    source: string,
    path: YamlPath,
    written: NonNullable<ReturnType<typeof readTransition>>,
  ) => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const [newName, setNewName] = useState('');
  const [pending, setPending] = useState<{ refs: StateReference[]; unset: UnsetFlag[] } | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  // The whole call (`WHOLE_CALL`): the machine's own transitions, '' as a state path; it has
  // no name, entry actions nor deletion of its own here.
  const whole = selected === WHOLE_CALL;
  const state = whole ? '' : states.some((s) => s.id === selected) ? selected : (states[0]?.id ?? '');
  const machine = isPlain(data['machine']) ? data['machine'] : {};
  const node = statesOf(machine).get(state) ?? {};
  const entry =
    node['entry'] === undefined ? [] : Array.isArray(node['entry']) ? node['entry'] : [node['entry']];
  const path = stateDocPath(state);
  const label = (s: string) =>
    s === '' ? t('studio.graph.wholeCall') : (states.find((x) => x.id === s)?.label ?? s);
  const outgoing = useMemo(() => {
    try {
      if (!state && !whole) return [];
      const doc = viewDocument(text);
      return transitionsFrom(doc, state).map((transition) => ({
        ...transition,
        written: readTransition(doc, state, transition.path),
      }));
    } catch {
      return [];
    }
  }, [text, state, whole]);

  useEffect(() => setPending(null), [state]);
  useEffect(() => {
    if (pending) confirmRef.current?.focus();
  }, [pending]);

  const referenceWords = (ref: StateReference): string => {
    switch (ref.kind) {
      case 'target':
        return t('studio.graph.ref.target', {
          trigger: triggerWords(data, ref.trigger, t),
          from: ref.source ? label(ref.source) : t('studio.coverage.anywhere'),
        });
      case 'guard':
        return t('studio.graph.ref.guard', {
          trigger: triggerWords(data, ref.trigger, t),
          from: ref.source ? label(ref.source) : t('studio.coverage.anywhere'),
        });
      case 'initial':
        return ref.parent
          ? t('studio.graph.ref.initial', { parent: label(ref.parent) })
          : t('studio.graph.ref.initialCall');
      case 'criterion':
        return t('studio.graph.ref.criterion', { criterion: ref.label });
      case 'substance':
        return t('studio.graph.ref.substance');
    }
  };

  if (!state && !whole) return null;
  return (
    <div className="studio-graph-form" role="group" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{t('studio.graph.editState')}</h4>
      <div className="studio-field">
        <label htmlFor={`${id}-state`}>{t('studio.graph.state')}</label>
        <select
          ref={selectRef}
          id={`${id}-state`}
          value={whole ? WHOLE_CALL : state}
          onChange={(e) => onSelect(e.target.value)}
        >
          {states.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
          <option value={WHOLE_CALL}>{t('studio.graph.wholeCall')}</option>
        </select>
      </div>
      {whole ? <p className="muted">{t('studio.graph.wholeCallHint')}</p> : null}
      {whole ? null : (
        <>
          <TextField
            label={t('studio.graph.stateName')}
            path={[...path, 'label']}
            value={node['label']}
            edit={edit}
            optional
          />
          <TextField
            label={t('studio.graph.description')}
            path={[...path, 'description']}
            value={node['description']}
            edit={edit}
            optional
            multiline
          />
          <h5>{t('studio.graph.entry')}</h5>
          {entry.length === 0 ? <p className="muted">{t('studio.forms.emptyList')}</p> : null}
          <ol className="studio-actions">
            {entry.map((action, i) => (
              <li key={i}>
                {actionWords(data, action, t)}{' '}
                <button
                  type="button"
                  onClick={() =>
                    edit((doc) =>
                      removeAt(
                        doc,
                        Array.isArray(node['entry']) ? [...path, 'entry', i] : [...path, 'entry'],
                        true,
                      ),
                    )
                  }
                >
                  {t('studio.forms.remove', { name: actionWords(data, action, t) })}
                </button>
              </li>
            ))}
          </ol>
          <ActionPicker
            data={data}
            legend={t('studio.graph.addEntry')}
            // Before « Terminer l'appel » when the state ends the call: nothing after it would run.
            onAdd={(action) => edit((doc) => addEntryAction(doc, state, action as unknown as Plain))}
          />
        </>
      )}
      <h5>{t('studio.graph.outgoing')}</h5>
      {outgoing.length === 0 ? <p className="muted">{t('studio.forms.emptyList')}</p> : null}
      <ul className="studio-actions">
        {outgoing.map((transition, i) => {
          // A timer back to its own state, re-entered: it repeats (`studio.graph.repeat`).
          const repeats =
            transition.trigger.startsWith('after ') &&
            transition.written?.reenter === true &&
            transition.targets.length === 1 &&
            transition.targets[0] === state;
          const plainWords = repeats
            ? t('studio.graph.outgoingRepeat', { seconds: Number(transition.trigger.slice(6)) / 1000 })
            : transition.targets.length === 0
              ? t('studio.graph.outgoingStay', { trigger: triggerWords(data, transition.trigger, t) })
              : t('studio.graph.outgoingItem', {
                  trigger: triggerWords(data, transition.trigger, t),
                  to: transition.targets.map(label).join(', '),
                });
          const condition = transition.written?.guard as GuardConfig | undefined;
          const words = condition
            ? t('studio.graph.outgoingIf', {
                transition: plainWords,
                condition: guardWords(data, condition, t, label),
              })
            : plainWords;
          const named = t('studio.graph.removeTransitionNamed', { name: words });
          return (
            <li key={i} className="studio-transition">
              <span className="studio-transition__words">{words}</span>{' '}
              {/* What it does, in words: a transition read back without its lines and variables'
                  changes could not be told from its neighbour on the same state. */}
              {transition.written && transition.written.actions.length > 0 ? (
                <span className="studio-transition__does muted">
                  {t('studio.graph.outgoingDoes', {
                    actions: transition.written.actions.map((a) => actionWords(data, a, t)).join(' ; '),
                  })}
                </span>
              ) : null}{' '}
              {transition.targets.length <= 1 ? (
                <label>
                  {t('studio.graph.changeTarget')}{' '}
                  <select
                    aria-label={t('studio.graph.changeTargetNamed', { name: words })}
                    value={transition.targets[0] ?? ''}
                    onChange={(e) => {
                      const to = e.target.value;
                      if (to) edit((doc) => retargetTransition(doc, state, transition.path, to));
                    }}
                  >
                    {transition.targets.length === 0 ? (
                      <option value="">{t('studio.graph.stay')}</option>
                    ) : null}
                    {states.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.label}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}{' '}
              {onEditTransition && transition.written && transition.targets.length <= 1 ? (
                <>
                  <button
                    type="button"
                    className="studio-transition__edit"
                    aria-label={t('studio.graph.editTransitionNamed', { name: words })}
                    onClick={() => {
                      if (transition.written) onEditTransition(state, transition.path, transition.written);
                    }}
                  >
                    {t('studio.graph.editTransitionButton')}
                  </button>{' '}
                </>
              ) : null}
              <button
                type="button"
                aria-label={named}
                onClick={() => {
                  edit((doc) => removeAt(doc, transition.path, true));
                  onDone(t('studio.graph.transitionRemoved', { name: words }));
                }}
              >
                {t('studio.graph.removeTransition')}
              </button>
            </li>
          );
        })}
      </ul>
      {whole ? null : (
        <>
          {/* The state's name people read is its label, above; a new id is for who writes the YAML. */}
          <AdvancedOptions>
            <form
              className="studio-add"
              onSubmit={(e) => {
                e.preventDefault();
                const words = newName.trim();
                if (!words) return;
                const parent = state.split('.').slice(0, -1).join('.');
                const siblings = [...statesOf(machine).keys()].filter(
                  (p) => p.split('.').slice(0, -1).join('.') === parent && p !== '',
                );
                const name = idFrom(
                  words,
                  siblings.map((p) => p.split('.').at(-1) ?? ''),
                  'etat',
                );
                let renamed = state;
                edit((doc) => {
                  renamed = renameState(doc, state, name);
                  doc.setIn([...stateDocPath(renamed), 'label'], words);
                });
                onSelect(renamed);
                setNewName('');
                onDone(t('studio.graph.renamed', { from: label(state), to: words }));
              }}
            >
              <label htmlFor={`${id}-rename`}>{t('studio.graph.newName')}</label>
              <p id={`${id}-rename-hint`} className="muted studio-add__hint">
                {t('studio.graph.renameHint', { id: state.split('.').at(-1) ?? state })}
              </p>
              <input
                id={`${id}-rename`}
                type="text"
                value={newName}
                aria-describedby={`${id}-rename-hint`}
                onChange={(e) => setNewName(e.target.value)}
              />
              <button type="submit">{t('studio.graph.rename')}</button>
            </form>
          </AdvancedOptions>
          {pending ? (
            <DeleteConfirmation
              labelId={`${id}-confirm`}
              question={
                pending.refs.length === 0
                  ? t('studio.graph.deleteNoRefs', { state: label(state) })
                  : t(`studio.graph.deleteRefs.${pluralForm(lang, pending.refs.length)}`, {
                      state: label(state),
                      count: pending.refs.length,
                    })
              }
              references={pending.refs.map(referenceWords)}
              unsetFlags={unsetFlagWords(data, pending.unset, t, label)}
              confirmRef={confirmRef}
              onConfirm={() => {
                const gone = label(state);
                edit((doc) => void deleteState(doc, state));
                setPending(null);
                onDone(t('studio.graph.deleted', { state: gone }));
              }}
              onCancel={() => {
                setPending(null);
                deleteRef.current?.focus();
              }}
            />
          ) : (
            <button
              type="button"
              ref={deleteRef}
              onClick={() => {
                const doc = viewDocument(text);
                // The state's transitions and actions go with it, their `flag` actions too.
                setPending({
                  refs: stateReferences(doc, state),
                  unset: flagsLeftUnset(doc, (copy) => void deleteState(copy, state)),
                });
              }}
            >
              {t('studio.graph.delete', { state: label(state) })}
            </button>
          )}
          <p className="muted">{textOf(node['type']) === 'final' ? t('studio.graph.isFinal') : ''}</p>
        </>
      )}
    </div>
  );
}
