// `studio.graph.addTransition`: from a state, on an event (the call's moves and injects, the
// listener's words, the hang-up, a delay, at once), to a state or staying, with a condition
// and actions chosen from lists. Drawing an edge on the graph opens it with both states chosen.
// `studio.graph.editTransitionButton` on a transition of `studio.graph.editState` opens it on that transition (`editing`),
// pre-filled; saving writes it back in its place (`updateTransition`). A delay may repeat
// (`studio.graph.repeat`): the state itself as target with `reenter: true`, so that its timer starts
// again each time (what it does on entering too: said before it is written). A delay that is no
// number, longer than a call, or a repeat under 1 s, is said on its field and nothing is written.
import { useEffect, useId, useRef, useState } from 'react';
import { MAX_DELAY_MS, type ActionConfig, type GuardConfig } from '@ecoute/engine';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import type { YamlPath } from '../yamlEdit/document.js';
import {
  addTransition,
  removeTransitionAt,
  statesOf,
  unguardedTransition,
  updateTransition,
  withAction,
  type Trigger,
  type WrittenTransition,
} from '../yamlEdit/machineEdit.js';
import { isPlain, type Plain, type YamlEdit } from '../forms/formTypes.js';
import { ActionPicker, actionWords } from './ActionPicker.js';
import { AFTER, ALWAYS, triggerChoices, WHOLE_CALL } from './choices.js';
import { GuardPicker } from './GuardPicker.js';
import { guardWords } from './guardWords.js';
import type { StateChoice } from './GraphEditPanel.js';

export interface TransitionDraft {
  source: string;
  target: string;
  /** Changes on every drawing, so the same two states drawn again still open the form. */
  n: number;
}

/** A written transition opened for editing: where it is, and what it says. */
export interface TransitionEditing {
  source: string;
  path: YamlPath;
  written: WrittenTransition;
  /** Changes on every opening, so the same transition opened again is read again. */
  n: number;
}

const triggerValue = (trigger: Trigger): string =>
  trigger.kind === 'event' ? trigger.event : trigger.kind === 'after' ? AFTER : ALWAYS;

const STAY = ':stay';

export function AddTransitionForm({
  data,
  edit,
  states,
  drawn,
  editing = null,
  onEditDone,
  onAdded,
}: {
  data: Plain;
  edit: YamlEdit;
  states: StateChoice[];
  drawn: TransitionDraft | null;
  editing?: TransitionEditing | null;
  onEditDone?: () => void;
  onAdded(message: string): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const triggerRef = useRef<HTMLSelectElement>(null);
  const [source, setSource] = useState('');
  const [target, setTarget] = useState('');
  const [trigger, setTrigger] = useState('');
  const [seconds, setSeconds] = useState('20');
  // « Recommencer à chaque délai »: the timer's state re-entered (`reenter: true`) each time.
  const [repeat, setRepeat] = useState(false);
  // The delay's problem is said once the author typed in it or tried to add the transition.
  const [delayChecked, setDelayChecked] = useState(false);
  const delayRef = useRef<HTMLInputElement>(null);
  // The form's first choices are defaults, not the author's: no warning about them until the
  // author picks the state or the trigger (or draws, or edits, a transition).
  const [touched, setTouched] = useState(false);
  const [guard, setGuard] = useState<GuardConfig | undefined>(undefined);
  const [actions, setActions] = useState<ActionConfig[]>([]);
  // The condition picker starts again (empty, or on the edited transition's guard) at each opening.
  const [guardStart, setGuardStart] = useState<{ n: number; guard: GuardConfig | undefined }>({
    n: 0,
    guard: undefined,
  });
  const groups = triggerChoices(data, t);
  const allTriggers = groups.flatMap((g) => g.items);
  const chosenTrigger = allTriggers.some((c) => c.value === trigger)
    ? trigger
    : (allTriggers[0]?.value ?? '');
  // A final state ends the call on entering: nothing leaves it, so it is no « Depuis » to offer
  // (one drawn on the graph, or a transition already written there, stays shown).
  const sources = states.filter((s) => s.type !== 'final' || s.id === source);
  const chosenSource =
    source === WHOLE_CALL || sources.some((s) => s.id === source) ? source : (sources[0]?.id ?? '');
  /** The source as the document names it: '' for the machine itself (`WHOLE_CALL`). */
  const sourcePath = chosenSource === WHOLE_CALL ? '' : chosenSource;
  const chosenTarget =
    target === STAY || states.some((s) => s.id === target) ? target : (states[0]?.id ?? STAY);
  const delay = seconds.trim() === '' ? Number.NaN : Number(seconds.replace(',', '.'));
  // A repeat from the whole call would re-enter the machine itself, i.e. start the call over.
  const repeating = repeat && chosenTrigger === AFTER && chosenSource !== WHOLE_CALL;
  const delayProblem: MessageKey | null =
    chosenTrigger !== AFTER
      ? null
      : !Number.isFinite(delay) || delay < 0
        ? 'studio.graph.delayInvalid'
        : Math.round(delay * 1000) > MAX_DELAY_MS
          ? 'studio.graph.delayTooLong'
          : repeating && delay < 1
            ? 'studio.graph.repeatTooShort'
            : null;

  useEffect(() => {
    if (!drawn) return;
    setSource(drawn.source);
    setTarget(drawn.target);
    setTouched(true);
    triggerRef.current?.focus();
  }, [drawn]);

  useEffect(() => {
    if (!editing) return;
    const { written } = editing;
    setSource(editing.source || WHOLE_CALL);
    setTrigger(triggerValue(written.trigger));
    setTouched(true);
    if (written.trigger.kind === 'after') setSeconds(String(written.trigger.ms / 1000));
    setRepeat(written.trigger.kind === 'after' && written.reenter && written.target === editing.source);
    setDelayChecked(false);
    setTarget(written.target ?? STAY);
    setActions(written.actions as unknown as ActionConfig[]);
    setGuard(written.guard as GuardConfig | undefined);
    setGuardStart((g) => ({ n: g.n + 1, guard: written.guard as GuardConfig | undefined }));
    triggerRef.current?.focus();
  }, [editing]);

  const stopEditing = () => {
    setActions([]);
    setRepeat(false);
    setGuard(undefined);
    setGuardStart((g) => ({ n: g.n + 1, guard: undefined }));
    onEditDone?.();
  };

  const label = (state: string) =>
    state === WHOLE_CALL || state === ''
      ? t('studio.graph.wholeCall')
      : (states.find((s) => s.id === state)?.label ?? state);
  const parsed: Trigger | null = !chosenTrigger
    ? null
    : chosenTrigger === AFTER
      ? delayProblem === null
        ? { kind: 'after', ms: Math.round(delay * 1000) }
        : null
      : chosenTrigger === ALWAYS
        ? { kind: 'always' }
        : { kind: 'event', event: chosenTrigger };
  // An unguarded candidate on the same trigger always wins: a new one without a condition after
  // it would never fire, so the form offers to replace it instead.
  const existing =
    parsed && chosenSource
      ? unguardedTransition(isPlain(data['machine']) ? data['machine'] : {}, sourcePath, parsed)
      : null;
  // Edited on its own trigger and state, the transition keeps its place: nothing to warn about.
  const inPlace =
    editing !== null &&
    parsed !== null &&
    editing.source === sourcePath &&
    triggerValue(editing.written.trigger) === chosenTrigger &&
    (parsed.kind !== 'after' ||
      editing.written.trigger.kind !== 'after' ||
      Math.round(parsed.ms) === Math.round(editing.written.trigger.ms));
  const blocked = existing !== null && !guard && !inPlace;
  const triggerName = allTriggers.find((c) => c.value === chosenTrigger)?.label ?? chosenTrigger;
  // The transition edited was a repeating timer: unchecked, its `reenter` goes too.
  const wasRepeat =
    editing !== null &&
    editing.written.trigger.kind === 'after' &&
    editing.written.reenter &&
    editing.written.target === editing.source;
  const submit = (replace: boolean) => {
    if (!chosenSource || !parsed) return;
    const next = {
      source: sourcePath,
      trigger: parsed,
      target: repeating ? sourcePath : chosenTarget === STAY ? null : chosenTarget,
      guard,
      actions,
      replace,
      reenter: repeating ? true : wasRepeat ? false : undefined,
    };
    // Said in the status: the whole call by its short words (the choice's explains « in every state »).
    const said = (state: string) => (state === WHOLE_CALL ? t('studio.graph.wholeCallShort') : label(state));
    const words = {
      from: said(chosenSource),
      to: chosenTarget === STAY || repeating ? said(chosenSource) : said(chosenTarget),
    };
    if (editing) {
      edit((doc) => {
        if (!doc.hasIn(editing.path)) return;
        if (editing.source === next.source) updateTransition(doc, editing.path, next);
        else {
          removeTransitionAt(doc, editing.path);
          addTransition(doc, next);
        }
      });
      stopEditing();
      onAdded(t('studio.graph.transitionUpdated', words));
      return;
    }
    edit((doc) => addTransition(doc, next));
    setActions([]);
    setRepeat(false);
    onAdded(t(replace ? 'studio.graph.transitionReplaced' : 'studio.graph.transitionAdded', words));
  };
  const heading = editing ? t('studio.graph.editTransition') : t('studio.graph.addTransition');
  return (
    <form
      className="studio-graph-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        if (delayProblem) {
          setDelayChecked(true);
          delayRef.current?.focus();
          return;
        }
        // Submitted on the defaults into a shadowed trigger: show why before writing anything.
        if (blocked && !touched) {
          setTouched(true);
          return;
        }
        submit(blocked);
      }}
    >
      <h4 id={`${id}-h`}>{heading}</h4>
      <div className="studio-field">
        <label htmlFor={`${id}-from`}>{t('studio.graph.from')}</label>
        <select
          id={`${id}-from`}
          value={chosenSource}
          onChange={(e) => {
            setSource(e.target.value);
            setTouched(true);
          }}
        >
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
          <option value={WHOLE_CALL}>{t('studio.graph.wholeCall')}</option>
        </select>
      </div>
      <div className="studio-field">
        <label htmlFor={`${id}-trigger`}>{t('studio.graph.trigger')}</label>
        <select
          id={`${id}-trigger`}
          ref={triggerRef}
          value={chosenTrigger}
          onChange={(e) => {
            setTrigger(e.target.value);
            setTouched(true);
          }}
        >
          {groups
            .filter((g) => g.items.length > 0)
            .map((g) => (
              <optgroup key={g.group} label={g.group}>
                {g.items.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </optgroup>
            ))}
        </select>
      </div>
      {chosenTrigger === AFTER ? (
        <div className="studio-field studio-field--number">
          <label htmlFor={`${id}-delay`}>{t('studio.graph.delay')}</label>
          <input
            id={`${id}-delay`}
            ref={delayRef}
            type="text"
            inputMode="decimal"
            value={seconds}
            aria-invalid={delayChecked && delayProblem ? true : undefined}
            aria-describedby={delayChecked && delayProblem ? `${id}-delay-error` : undefined}
            onChange={(e) => {
              setSeconds(e.target.value);
              setDelayChecked(true);
            }}
          />
          {delayChecked && delayProblem ? (
            <p id={`${id}-delay-error`} className="studio-field__error" role="alert">
              {t(delayProblem, { max: MAX_DELAY_MS / 1000 })}
            </p>
          ) : null}
        </div>
      ) : null}
      {chosenTrigger === AFTER && chosenSource !== WHOLE_CALL ? (
        <RepeatChoice
          id={id}
          data={data}
          state={sourcePath}
          stateLabel={label(chosenSource)}
          seconds={delayProblem === null ? delay : null}
          checked={repeat}
          onChange={setRepeat}
        />
      ) : null}
      {repeating ? null : (
        <div className="studio-field">
          <label htmlFor={`${id}-to`}>{t('studio.graph.to')}</label>
          <select id={`${id}-to`} value={chosenTarget} onChange={(e) => setTarget(e.target.value)}>
            {states.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
            <option value={STAY}>{t('studio.graph.stay')}</option>
          </select>
        </div>
      )}
      <GuardPicker
        key={guardStart.n}
        data={data}
        states={states}
        initial={guardStart.guard}
        onChange={setGuard}
      />
      <p className="studio-guard-words" id={`${id}-guard-words`}>
        {t('studio.guard.readBack', { condition: guardWords(data, guard, t, label) })}
      </p>
      <ActionPicker
        data={data}
        legend={t('studio.graph.transitionActions')}
        onAdd={(a) => setActions((list) => withAction(list, a))}
      />
      {actions.length > 0 ? (
        <ol className="studio-actions" aria-label={t('studio.graph.transitionActions')}>
          {actions.map((a, i) => (
            <li key={i}>
              {actionWords(data, a, t)}{' '}
              <button type="button" onClick={() => setActions((list) => list.filter((_, k) => k !== i))}>
                {t('studio.forms.remove', { name: actionWords(data, a, t) })}
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      {blocked && touched ? (
        <>
          <p id={`${id}-shadow`} className="studio-warning" role="status">
            {t('studio.graph.shadowWarning', {
              from: label(chosenSource),
              to:
                existing.targets.length === 0 ? label(chosenSource) : existing.targets.map(label).join(', '),
              trigger: triggerName,
            })}
          </p>
          <button type="submit" aria-describedby={`${id}-shadow`}>
            {t('studio.graph.replaceExisting')}
          </button>
        </>
      ) : (
        <button type="submit">
          {editing ? t('studio.graph.saveTransition') : t('studio.graph.addTransition')}
        </button>
      )}
      {editing ? (
        <>
          {' '}
          <button type="button" onClick={stopEditing}>
            {t('studio.graph.cancelEdit')}
          </button>
        </>
      ) : null}
    </form>
  );
}

/**
 * `studio.graph.repeat`: the delay starts again each time, as long as the call stays in `state`.
 * Said under it: every how many seconds, and what re-entering the state does again (its entry
 * actions, its first inner state) — a line said on entering would be said at each repeat.
 */
function RepeatChoice({
  id,
  data,
  state,
  stateLabel,
  seconds,
  checked,
  onChange,
}: {
  id: string;
  data: Plain;
  state: string;
  stateLabel: string;
  seconds: number | null;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  const { t } = useI18n();
  const machine = isPlain(data['machine']) ? data['machine'] : {};
  const node = statesOf(machine).get(state) ?? {};
  const entry =
    node['entry'] === undefined ? [] : Array.isArray(node['entry']) ? node['entry'] : [node['entry']];
  const inner = isPlain(node['states']) && Object.keys(node['states']).length > 0;
  return (
    <>
      <label className="studio-check">
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={checked ? `${id}-repeat-hint` : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />{' '}
        {t('studio.graph.repeat')}
      </label>
      {checked ? (
        <div id={`${id}-repeat-hint`} className="studio-repeat">
          {seconds !== null ? (
            <p className="muted">{t('studio.graph.repeatHint', { seconds, state: stateLabel })}</p>
          ) : null}
          {entry.length > 0 ? (
            <p className="studio-warning">
              {t('studio.graph.repeatEntry', {
                state: stateLabel,
                actions: entry
                  .map((action) => actionWords(data, action, t))
                  .join(t('studio.guard.words.separator')),
              })}
            </p>
          ) : null}
          {inner ? (
            <p className="studio-warning">{t('studio.graph.repeatChildren', { state: stateLabel })}</p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
