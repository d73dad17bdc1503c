// The call's tables as forms: variables (with their gauge colours), lines (with variants), moves
// (with example phrases), injects, endings (with the debrief's list of criteria). Each is a
// `TableForm` with its fields.
import { MOVE_CATEGORIES, OUTCOMES, speechExampleCount } from '@ecoute/engine';
import { cueChoices } from '../graphEdit/choices.js';
import { pluralForm, useI18n, type MessageKey } from '../../i18n/index.js';
import { ListField, NumberField, SelectField, TextField } from './fields.js';
import { shortText, tableOf, textOf, type Plain, type YamlEdit } from './formTypes.js';
import { EndingFeedbackFields } from './EndingFeedbackFields.js';
import { TableForm } from './TableForm.js';
import { ThresholdsFields } from './ThresholdsFields.js';

interface TableProps {
  data: Plain;
  edit: YamlEdit;
  /** The states by their labels: where a line, a move or an inject is cited. */
  states?: { id: string; label: string }[] | undefined;
}

export function VariablesForm({ data, edit }: TableProps) {
  const { t } = useI18n();
  return (
    <TableForm
      data={data}
      edit={edit}
      table="variables"
      heading={t('studio.forms.variables')}
      addLabel={t('studio.forms.variables.new')}
      addButton={t('studio.forms.variables.add')}
      newEntry={(label) => ({ label, min: 0, max: 10, initial: 5 })}
      title={(v) => shortText(v['label'])}
      fields={(v, path) => (
        <>
          <TextField
            label={t('studio.forms.label')}
            path={[...path, 'label']}
            value={v['label']}
            edit={edit}
          />
          <NumberField
            label={t('studio.forms.variables.min')}
            path={[...path, 'min']}
            value={v['min']}
            edit={edit}
          />
          <NumberField
            label={t('studio.forms.variables.max')}
            path={[...path, 'max']}
            value={v['max']}
            edit={edit}
          />
          <NumberField
            label={t('studio.forms.variables.initial')}
            path={[...path, 'initial']}
            value={v['initial']}
            edit={edit}
          />
          <ThresholdsFields variable={v} path={path} edit={edit} />
        </>
      )}
    />
  );
}

export function LinesForm({ data, edit, states = [] }: TableProps) {
  const { t } = useI18n();
  const cues = cueChoices(t);
  return (
    <TableForm
      data={data}
      edit={edit}
      table="lines"
      heading={t('studio.forms.lines')}
      addLabel={t('studio.forms.lines.new')}
      addButton={t('studio.forms.lines.add')}
      newEntry={(text) => ({ text })}
      cited={{
        table: 'lines',
        states,
        renameLabel: t('studio.forms.lines.rename'),
        renameButton: t('studio.forms.lines.renameButton'),
      }}
      title={(line) => shortText(line['text'])}
      fields={(line, path) => (
        <>
          <TextField
            label={t('studio.forms.lines.text')}
            path={[...path, 'text']}
            value={line['text']}
            edit={edit}
            multiline
          />
          <ListField
            label={t('studio.forms.lines.variants')}
            itemLabel={(n) => t('studio.forms.lines.variant', { n })}
            addLabel={t('studio.forms.lines.newVariant')}
            path={[...path, 'variants']}
            value={line['variants']}
            edit={edit}
          />
          <SelectField
            label={t('studio.forms.lines.cue')}
            path={[...path, 'cue']}
            value={line['cue']}
            edit={edit}
            options={cues}
            optional
          />
          <TextField
            label={t('studio.forms.lines.direction')}
            path={[...path, 'direction']}
            value={line['direction']}
            edit={edit}
            optional
          />
        </>
      )}
    />
  );
}

/**
 * How many moves have no example phrases, said above the table: free speech (a hint mode the
 * trainer may pick for any call) reads a move without any only from a sentence repeating its name.
 */
function ExamplesNotice({ data }: { data: Plain }) {
  const { t, lang } = useI18n();
  const moves = Object.fromEntries(
    tableOf(data, 'moves').map(([id, move]) => [
      id,
      { examples: Array.isArray(move['examples']) ? move['examples'].map(textOf) : [] },
    ]),
  );
  const { moves: count, withExamples } = speechExampleCount(moves);
  const missing = count - withExamples;
  if (missing === 0) return null;
  return (
    <p className="studio-table__notice">
      {withExamples === 0
        ? t('studio.forms.moves.examplesNone')
        : t(`studio.forms.moves.examplesMissing.${pluralForm(lang, missing)}`, { missing, count })}
    </p>
  );
}

export function MovesForm({ data, edit, states = [] }: TableProps) {
  const { t } = useI18n();
  const categories = MOVE_CATEGORIES.map((c) => ({
    value: c,
    label: t(`moves.category.${c}` as MessageKey),
  }));
  return (
    <TableForm
      notice={<ExamplesNotice data={data} />}
      data={data}
      edit={edit}
      table="moves"
      heading={t('studio.forms.moves')}
      addLabel={t('studio.forms.moves.new')}
      addButton={t('studio.forms.moves.add')}
      // Its help asked with its name: the listener reads it in guided mode (never the name again).
      newEntry={(label, help) => ({ label, category: 'listening', help })}
      detail={{
        label: t('studio.forms.moves.newHelp'),
        hint: t('studio.forms.moves.helpHint'),
        missing: t('studio.forms.moves.newHelpMissing'),
      }}
      cited={{
        table: 'moves',
        states,
        renameLabel: t('studio.forms.moves.rename'),
        renameButton: t('studio.forms.moves.renameButton'),
        labelKey: 'label',
      }}
      title={(move) => shortText(move['label'])}
      fields={(move, path) => (
        <>
          <TextField
            label={t('studio.forms.label')}
            path={[...path, 'label']}
            value={move['label']}
            edit={edit}
            hint={t('studio.forms.labelHint')}
          />
          <SelectField
            label={t('studio.forms.moves.category')}
            path={[...path, 'category']}
            value={move['category']}
            edit={edit}
            options={categories}
          />
          <TextField
            label={t('studio.forms.help')}
            path={[...path, 'help']}
            value={move['help']}
            edit={edit}
            multiline
            hint={t('studio.forms.moves.helpHint')}
          />
          <ListField
            label={t('studio.forms.moves.examples')}
            itemLabel={(n) => t('studio.forms.moves.example', { n })}
            addLabel={t('studio.forms.moves.newExample')}
            path={[...path, 'examples']}
            value={move['examples']}
            edit={edit}
            empty={t('studio.forms.moves.noExamples')}
          />
        </>
      )}
    />
  );
}

export function InjectsForm({ data, edit, states = [] }: TableProps) {
  const { t } = useI18n();
  return (
    <TableForm
      data={data}
      edit={edit}
      table="injects"
      heading={t('studio.forms.injects')}
      addLabel={t('studio.forms.injects.new')}
      addButton={t('studio.forms.injects.add')}
      // Its help asked with its name: the trainer reads it under the inject's button.
      newEntry={(label, help) => ({ label, help })}
      detail={{
        label: t('studio.forms.injects.newHelp'),
        hint: t('studio.forms.injects.helpHint'),
        missing: t('studio.forms.injects.newHelpMissing'),
      }}
      cited={{
        table: 'injects',
        states,
        renameLabel: t('studio.forms.injects.rename'),
        renameButton: t('studio.forms.injects.renameButton'),
        labelKey: 'label',
      }}
      title={(inject) => shortText(inject['label'])}
      fields={(inject, path) => (
        <>
          <TextField
            label={t('studio.forms.label')}
            path={[...path, 'label']}
            value={inject['label']}
            edit={edit}
            hint={t('studio.forms.labelHint')}
          />
          <TextField
            label={t('studio.forms.help')}
            path={[...path, 'help']}
            value={inject['help']}
            edit={edit}
            multiline
            hint={t('studio.forms.injects.helpHint')}
          />
        </>
      )}
    />
  );
}

export function EndingsForm({ data, edit }: TableProps) {
  const { t } = useI18n();
  const outcomes = OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}` as MessageKey) }));
  // `hangupEnding`: the ending when the listener hangs up and the machine does not end the call.
  const endings = tableOf(data, 'endings').map(([id, ending]) => ({
    value: id,
    label: shortText(ending['message']) || id,
  }));
  return (
    <TableForm
      notice={
        <SelectField
          label={t('studio.forms.endings.hangup')}
          path={['hangupEnding']}
          value={data['hangupEnding']}
          edit={edit}
          options={endings}
        />
      }
      data={data}
      edit={edit}
      table="endings"
      heading={t('studio.forms.endings')}
      addLabel={t('studio.forms.endings.new')}
      addButton={t('studio.forms.endings.add')}
      newEntry={(message) => ({ outcome: 'good', message })}
      title={(ending) => shortText(ending['message'])}
      fields={(ending, path) => (
        <>
          <SelectField
            label={t('studio.forms.endings.outcome')}
            path={[...path, 'outcome']}
            value={ending['outcome']}
            edit={edit}
            options={outcomes}
          />
          <TextField
            label={t('studio.forms.endings.message')}
            path={[...path, 'message']}
            value={ending['message']}
            edit={edit}
            multiline
          />
          <EndingFeedbackFields data={data} ending={ending} path={path} edit={edit} />
        </>
      )}
    />
  );
}
