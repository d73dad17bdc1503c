// A transition's condition from lists: none, a variable compared with a value, a flag raised, a
// state already visited, a move made a number of times.
import { useEffect, useId, useState } from 'react';
import { COMPARISON_OPS, type GuardConfig } from '@ecoute/engine';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { idFrom } from '../yamlEdit/document.js';
import { tableOf, textOf, type Plain } from '../forms/formTypes.js';

type Kind = 'none' | 'compare' | 'flag' | 'visited' | 'moveCount';
const KINDS: Kind[] = ['none', 'compare', 'flag', 'visited', 'moveCount'];
const OP_KEYS: Record<(typeof COMPARISON_OPS)[number], MessageKey> = {
  '<': 'studio.guard.op.lt',
  '<=': 'studio.guard.op.le',
  '>': 'studio.guard.op.gt',
  '>=': 'studio.guard.op.ge',
  '==': 'studio.guard.op.eq',
  '!=': 'studio.guard.op.ne',
};

export function GuardPicker({
  data,
  states,
  onChange,
}: {
  data: Plain;
  states: { id: string; label: string }[];
  onChange(guard: GuardConfig | undefined): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<Kind>('none');
  const [ref, setRef] = useState('');
  const [op, setOp] = useState<(typeof COMPARISON_OPS)[number]>('>=');
  const [value, setValue] = useState('1');
  const variables = tableOf(data, 'variables').map(([key, v]) => ({
    value: key,
    label: textOf(v['label']) || key,
  }));
  const moves = tableOf(data, 'moves').map(([key, m]) => ({ value: key, label: textOf(m['label']) || key }));
  const stateOptions = states.map((s) => ({ value: s.id, label: s.label }));
  const options =
    kind === 'compare' ? variables : kind === 'visited' ? stateOptions : kind === 'moveCount' ? moves : [];
  const chosen = options.some((o) => o.value === ref) ? ref : (options[0]?.value ?? '');
  const number = Number(value.replace(',', '.'));

  const guard: GuardConfig | undefined =
    kind === 'compare' && chosen && Number.isFinite(number)
      ? { type: 'compare', params: { variable: chosen, op, value: number } }
      : kind === 'flag' && ref.trim()
        ? { type: 'flag', params: { name: idFrom(ref, [], 'repere') } }
        : kind === 'visited' && chosen
          ? { type: 'visited', params: { state: chosen } }
          : kind === 'moveCount' && chosen && Number.isInteger(number) && number >= 0
            ? { type: 'moveCount', params: { move: chosen, op, value: number } }
            : undefined;
  const key = JSON.stringify(guard ?? null);
  useEffect(() => {
    onChange(guard);
    // The guard is compared by its JSON, not its identity.
  }, [key]);

  return (
    <fieldset className="studio-picker">
      <legend>{t('studio.guard.legend')}</legend>
      <div className="studio-field">
        <label htmlFor={`${id}-kind`}>{t('studio.guard.kind')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`studio.guard.kind.${k}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      {kind === 'compare' || kind === 'visited' || kind === 'moveCount' ? (
        <div className="studio-field">
          <label htmlFor={`${id}-ref`}>{t(`studio.guard.ref.${kind}` as MessageKey)}</label>
          <select id={`${id}-ref`} value={chosen} onChange={(e) => setRef(e.target.value)}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {kind === 'flag' ? (
        <div className="studio-field">
          <label htmlFor={`${id}-flag`}>{t('studio.action.flagName')}</label>
          <input id={`${id}-flag`} type="text" value={ref} onChange={(e) => setRef(e.target.value)} />
        </div>
      ) : null}
      {kind === 'compare' || kind === 'moveCount' ? (
        <>
          <div className="studio-field">
            <label htmlFor={`${id}-op`}>{t('studio.guard.op')}</label>
            <select id={`${id}-op`} value={op} onChange={(e) => setOp(e.target.value as typeof op)}>
              {COMPARISON_OPS.map((o) => (
                <option key={o} value={o}>
                  {t(OP_KEYS[o])}
                </option>
              ))}
            </select>
          </div>
          <div className="studio-field studio-field--number">
            <label htmlFor={`${id}-value`}>{t('studio.guard.value')}</label>
            <input
              id={`${id}-value`}
              type="text"
              inputMode="decimal"
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          </div>
        </>
      ) : null}
    </fieldset>
  );
}
