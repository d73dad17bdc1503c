// The rubric as a form: competencies, each with its criteria; a criterion is judged by the
// trainer or measured (a move made or never made, a state reached or never reached, an ending's
// outcome, a variable's floor and ceiling).
import { useId, useRef, useState } from 'react';
import { OUTCOMES } from '@ecoute/engine';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { addItem, idFrom, removeAt, setValue, type YamlPath } from '../yamlEdit/document.js';
import { NumberField, SelectField, TextField } from './fields.js';
import { isPlain, shortText, tableOf, textOf, type Plain, type YamlEdit } from './formTypes.js';

type CriterionKind = 'judged' | 'move' | 'notMove' | 'state' | 'notState' | 'ending' | 'variable';
/** The kinds whose criterion names one move or one state. */
type PickedKind = Extract<CriterionKind, 'move' | 'notMove' | 'state' | 'notState'>;
// « Ne pas… » criteria (`notMove`, `notState`) are the traps of a call (« ne se fait pas dicter le
// code »): without them here, a trainer wrote them as judged, and read a library call's as judged.
const KINDS: CriterionKind[] = ['judged', 'move', 'notMove', 'state', 'notState', 'ending', 'variable'];

function kindOf(criterion: Plain): CriterionKind {
  const auto = criterion['auto'];
  if (!isPlain(auto)) return 'judged';
  if ('move' in auto) return 'move';
  if ('notMove' in auto) return 'notMove';
  if ('state' in auto) return 'state';
  if ('notState' in auto) return 'notState';
  if ('ending' in auto) return 'ending';
  if ('variable' in auto) return 'variable';
  return 'judged';
}

function AddForm({ label, button, onAdd }: { label: string; button: string; onAdd(words: string): void }) {
  const [draft, setDraft] = useState('');
  const id = useId();
  return (
    <form
      className="studio-add"
      onSubmit={(e) => {
        e.preventDefault();
        if (!draft.trim()) return;
        onAdd(draft.trim());
        setDraft('');
      }}
    >
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={draft} onChange={(e) => setDraft(e.target.value)} />
      <button type="submit">{button}</button>
    </form>
  );
}

/**
 * A new competency asks for its first criterion too: one is required, and made silently from the
 * competency's name it showed in the debrief as a criterion the trainer had to judge, which the
 * author had not written.
 */
function AddCompetencyForm({ onAdd }: { onAdd(label: string, criterion: string): void }) {
  const { t } = useI18n();
  const [label, setLabel] = useState('');
  const [criterion, setCriterion] = useState('');
  const [missing, setMissing] = useState(false);
  const criterionRef = useRef<HTMLInputElement>(null);
  const id = useId();
  return (
    <form
      className="studio-add"
      onSubmit={(e) => {
        e.preventDefault();
        if (!label.trim()) return;
        if (!criterion.trim()) {
          setMissing(true);
          criterionRef.current?.focus();
          return;
        }
        onAdd(label.trim(), criterion.trim());
        setLabel('');
        setCriterion('');
        setMissing(false);
      }}
    >
      <label htmlFor={`${id}-label`}>{t('studio.forms.rubric.newCompetency')}</label>
      <input id={`${id}-label`} type="text" value={label} onChange={(e) => setLabel(e.target.value)} />
      <label htmlFor={`${id}-criterion`}>{t('studio.forms.rubric.firstCriterion')}</label>
      <p id={`${id}-hint`} className="muted studio-add__hint">
        {t('studio.forms.rubric.firstCriterionHint')}
      </p>
      <input
        id={`${id}-criterion`}
        ref={criterionRef}
        type="text"
        value={criterion}
        aria-invalid={missing || undefined}
        aria-describedby={missing ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(e) => {
          setCriterion(e.target.value);
          if (e.target.value.trim()) setMissing(false);
        }}
      />
      {missing ? (
        <p id={`${id}-error`} className="studio-field__error" role="alert">
          {t('studio.forms.rubric.firstCriterionRequired')}
        </p>
      ) : null}
      <button type="submit">{t('studio.forms.rubric.addCompetency')}</button>
    </form>
  );
}

/**
 * `substance.reached`: the states where the call gets to the heart of the matter. « Never made »
 * and « never reached » criteria count only once the call got there (or ended good or best):
 * before, they are « non évalué ». Only in the YAML before, a trap made on a path that missed the
 * blank template's `fin` left its criterion « non évalué » without the author knowing why.
 */
function SubstanceField({
  data,
  edit,
  states,
}: {
  data: Plain;
  edit: YamlEdit;
  states: { value: string; label: string }[];
}) {
  const { t } = useI18n();
  const id = useId();
  const substance = isPlain(data['substance']) ? data['substance'] : {};
  const reached = Array.isArray(substance['reached']) ? substance['reached'].map(textOf) : [];
  const choose = (state: string, on: boolean) => {
    const next = states.map((s) => s.value).filter((s) => (s === state ? on : reached.includes(s)));
    edit((doc) => {
      if (next.length === 0) removeAt(doc, ['substance']);
      else setValue(doc, ['substance', 'reached'], doc.createNode(next, { flow: true }));
    });
  };
  return (
    <fieldset className="studio-checks studio-entry" aria-describedby={`${id}-hint`}>
      <legend>{t('studio.forms.rubric.substance')}</legend>
      <p id={`${id}-hint`} className="muted">
        {t('studio.forms.rubric.substanceHint')}
      </p>
      {states.map((state) => (
        <label key={state.value}>
          <input
            type="checkbox"
            checked={reached.includes(state.value)}
            onChange={(e) => choose(state.value, e.target.checked)}
          />{' '}
          {state.label}
        </label>
      ))}
    </fieldset>
  );
}

export function RubricForm({
  data,
  edit,
  states,
}: {
  data: Plain;
  edit: YamlEdit;
  states: { id: string; label: string }[];
}) {
  const { t } = useI18n();
  const headingId = useId();
  const rubric = Array.isArray(data['rubric']) ? data['rubric'].filter(isPlain) : [];
  const moves = tableOf(data, 'moves').map(([id, m]) => ({ value: id, label: textOf(m['label']) || id }));
  const variables = tableOf(data, 'variables').map(([id, v]) => ({
    value: id,
    label: textOf(v['label']) || id,
  }));
  const stateOptions = states.map((s) => ({ value: s.id, label: s.label }));
  // The criteria that name one move or one state: the field that picks it, per kind.
  const pickedBy: Record<PickedKind, { label: MessageKey; options: typeof moves }> = {
    move: { label: 'studio.forms.rubric.move', options: moves },
    notMove: { label: 'studio.forms.rubric.move', options: moves },
    state: { label: 'studio.forms.rubric.state', options: stateOptions },
    notState: { label: 'studio.forms.rubric.state', options: stateOptions },
  };
  const allIds = rubric.flatMap((c) => [
    textOf(c['id']),
    ...(Array.isArray(c['criteria']) ? c['criteria'].filter(isPlain).map((k) => textOf(k['id'])) : []),
  ]);

  const setKind = (path: YamlPath, kind: CriterionKind) =>
    edit((doc) => {
      if (doc.hasIn([...path, 'judged'])) doc.deleteIn([...path, 'judged']);
      if (doc.hasIn([...path, 'auto'])) doc.deleteIn([...path, 'auto']);
      const auto =
        kind === 'move'
          ? { move: moves[0]?.value ?? '' }
          : kind === 'notMove'
            ? { notMove: moves[0]?.value ?? '' }
            : kind === 'state'
              ? { state: stateOptions[0]?.value ?? '' }
              : kind === 'notState'
                ? { notState: stateOptions[0]?.value ?? '' }
                : kind === 'ending'
                  ? { ending: ['best', 'good'] }
                  : kind === 'variable'
                    ? { variable: variables[0]?.value ?? '', min: 0 }
                    : null;
      if (auto) doc.setIn([...path, 'auto'], doc.createNode(auto, { flow: true }));
      else doc.setIn([...path, 'judged'], true);
    });

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t('studio.forms.rubric')}</h3>
      {rubric.length === 0 ? <p className="muted">{t('studio.forms.emptyTable')}</p> : null}
      {rubric.map((competency, c) => {
        const name = shortText(competency['label']) || t('studio.forms.untitled');
        const criteria = Array.isArray(competency['criteria']) ? competency['criteria'].filter(isPlain) : [];
        return (
          <fieldset key={c} className="studio-entry">
            <legend>{name}</legend>
            <TextField
              label={t('studio.forms.rubric.competency')}
              path={['rubric', c, 'label']}
              value={competency['label']}
              edit={edit}
            />
            {criteria.map((criterion, k) => {
              const path: YamlPath = ['rubric', c, 'criteria', k];
              const kind = kindOf(criterion);
              const auto = isPlain(criterion['auto']) ? criterion['auto'] : {};
              const kindId = `${headingId}-${c}-${k}`;
              const criterionName = shortText(criterion['label']) || t('studio.forms.untitled');
              return (
                <fieldset key={k} className="studio-entry studio-entry--inner">
                  <legend>{criterionName}</legend>
                  <TextField
                    label={t('studio.forms.rubric.criterion')}
                    path={[...path, 'label']}
                    value={criterion['label']}
                    edit={edit}
                  />
                  <div className="studio-field">
                    <label htmlFor={kindId}>{t('studio.forms.rubric.kind')}</label>
                    <select
                      id={kindId}
                      value={kind}
                      onChange={(e) => setKind(path, e.target.value as CriterionKind)}
                    >
                      {KINDS.map((k2) => (
                        <option key={k2} value={k2}>
                          {t(`studio.forms.rubric.kind.${k2}` as MessageKey)}
                        </option>
                      ))}
                    </select>
                  </div>
                  {kind in pickedBy ? (
                    <SelectField
                      label={t(pickedBy[kind as PickedKind].label)}
                      path={[...path, 'auto', kind]}
                      value={auto[kind]}
                      edit={edit}
                      options={pickedBy[kind as PickedKind].options}
                    />
                  ) : null}
                  {kind === 'ending' ? (
                    <fieldset className="studio-checks">
                      <legend>{t('studio.forms.rubric.outcomes')}</legend>
                      {OUTCOMES.map((outcome) => {
                        const chosen = Array.isArray(auto['ending'])
                          ? (auto['ending'] as unknown[]).map(textOf)
                          : [];
                        return (
                          <label key={outcome}>
                            <input
                              type="checkbox"
                              checked={chosen.includes(outcome)}
                              onChange={(e) => {
                                const next = e.target.checked
                                  ? [...chosen, outcome]
                                  : chosen.filter((o) => o !== outcome);
                                edit((doc) =>
                                  setValue(
                                    doc,
                                    [...path, 'auto', 'ending'],
                                    doc.createNode(
                                      OUTCOMES.filter((o) => next.includes(o)),
                                      { flow: true },
                                    ),
                                  ),
                                );
                              }}
                            />{' '}
                            {t(`outcome.${outcome}` as MessageKey)}
                          </label>
                        );
                      })}
                    </fieldset>
                  ) : null}
                  {kind === 'variable' ? (
                    <>
                      {/* Not « at the end »: the engine holds the bounds over the whole call. */}
                      <p className="muted">{t('studio.forms.rubric.variableHint')}</p>
                      <SelectField
                        label={t('studio.forms.rubric.variable')}
                        path={[...path, 'auto', 'variable']}
                        value={auto['variable']}
                        edit={edit}
                        options={variables}
                      />
                      <NumberField
                        label={t('studio.forms.rubric.min')}
                        path={[...path, 'auto', 'min']}
                        value={auto['min']}
                        edit={edit}
                        optional
                      />
                      <NumberField
                        label={t('studio.forms.rubric.max')}
                        path={[...path, 'auto', 'max']}
                        value={auto['max']}
                        edit={edit}
                        optional
                      />
                    </>
                  ) : null}
                  <button type="button" onClick={() => edit((doc) => removeAt(doc, path, true))}>
                    {t('studio.forms.remove', { name: criterionName })}
                  </button>
                </fieldset>
              );
            })}
            <AddForm
              label={t('studio.forms.rubric.newCriterion', { competency: name })}
              button={t('studio.forms.rubric.addCriterion')}
              onAdd={(label) =>
                edit((doc) =>
                  addItem(doc, ['rubric', c, 'criteria'], {
                    id: idFrom(label, allIds, 'critere'),
                    label,
                    judged: true,
                  }),
                )
              }
            />
            <button type="button" onClick={() => edit((doc) => removeAt(doc, ['rubric', c], true))}>
              {t('studio.forms.remove', { name })}
            </button>
          </fieldset>
        );
      })}
      <SubstanceField data={data} edit={edit} states={stateOptions} />
      <AddCompetencyForm
        onAdd={(label, criterion) =>
          edit((doc) =>
            addItem(doc, ['rubric'], {
              id: idFrom(label, allIds, 'competence'),
              label,
              criteria: [{ id: idFrom(criterion, allIds, 'critere'), label: criterion, judged: true }],
            }),
          )
        }
      />
    </section>
  );
}
