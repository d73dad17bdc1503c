// A variable's gauge colours (`thresholds`): where the trainer's console says « à surveiller »,
// then « danger » (`trainer/VariableGauges`, the engine's `gaugeLevel`), and which way is the
// worry (`direction: down`: a low value, trust or a battery). Each field writes its key at once,
// in the schema's order; what the schema would refuse (a threshold outside the bounds, danger
// before « à surveiller » in the worry's direction) is said under the field that holds it.
import { useId } from 'react';
import { useI18n } from '../../i18n/index.js';
import { setKeyInOrder } from '../yamlEdit/document.js';
import { NumberField } from './fields.js';
import { isPlain, type Plain, type YamlEdit } from './formTypes.js';

const ORDER = ['direction', 'warning', 'danger'] as const;

type Translate = ReturnType<typeof useI18n>['t'];

const numberOf = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/** What is wrong with each threshold of `variable`, in words (none: valid). */
export function thresholdProblems(
  variable: Plain,
  t: Translate,
): { warning?: string | undefined; danger?: string | undefined } {
  const th = isPlain(variable['thresholds']) ? variable['thresholds'] : {};
  const min = numberOf(variable['min']);
  const max = numberOf(variable['max']);
  const warning = numberOf(th['warning']);
  const danger = numberOf(th['danger']);
  const outside = (x: number | undefined) =>
    x !== undefined && min !== undefined && max !== undefined && (x < min || x > max)
      ? t('studio.forms.variables.outOfBounds', { min, max })
      : undefined;
  const down = th['direction'] === 'down';
  const misordered =
    warning !== undefined && danger !== undefined && (down ? danger > warning : danger < warning)
      ? t(down ? 'studio.forms.variables.orderDown' : 'studio.forms.variables.orderUp', { warning })
      : undefined;
  return { warning: outside(warning), danger: outside(danger) ?? misordered };
}

export function ThresholdsFields({
  variable,
  path,
  edit,
}: {
  variable: Plain;
  /** The variable's place: `['variables', id]`. */
  path: [string, string];
  edit: YamlEdit;
}) {
  const { t } = useI18n();
  const id = useId();
  const th = isPlain(variable['thresholds']) ? variable['thresholds'] : {};
  const at = [...path, 'thresholds'];
  const set = (key: (typeof ORDER)[number], value: unknown) =>
    edit((doc) => setKeyInOrder(doc, at, key, value, ORDER));
  const problems = thresholdProblems(variable, t);
  return (
    <fieldset className="studio-list studio-thresholds" aria-describedby={`${id}-hint`}>
      <legend>{t('studio.forms.variables.thresholds')}</legend>
      <p id={`${id}-hint`} className="muted studio-thresholds__hint">
        {t('studio.forms.variables.thresholdsHint')}
      </p>
      <div className="studio-field">
        <label htmlFor={`${id}-direction`}>{t('studio.forms.variables.direction')}</label>
        <select
          id={`${id}-direction`}
          value={th['direction'] === 'down' ? 'down' : 'up'}
          // `up` is the schema's default: not written.
          onChange={(e) => set('direction', e.target.value === 'down' ? 'down' : undefined)}
        >
          <option value="up">{t('studio.forms.variables.direction.up')}</option>
          <option value="down">{t('studio.forms.variables.direction.down')}</option>
        </select>
      </div>
      <NumberField
        label={t('studio.forms.variables.warning')}
        path={[...at, 'warning']}
        value={th['warning']}
        edit={edit}
        optional
        error={problems.warning}
        write={(doc, value) => setKeyInOrder(doc, at, 'warning', value, ORDER)}
      />
      <NumberField
        label={t('studio.forms.variables.danger')}
        path={[...at, 'danger']}
        value={th['danger']}
        edit={edit}
        optional
        error={problems.danger}
        write={(doc, value) => setKeyInOrder(doc, at, 'danger', value, ORDER)}
      />
    </fieldset>
  );
}
