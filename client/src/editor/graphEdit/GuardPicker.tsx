// A transition's condition from lists: none, a variable compared with a value, a flag raised, a
// state already visited or active now, a move made a number of times; and conditions combined —
// all of these conditions (all), at least one (any), not (not) — each part a picker of
// its own, nested down to `MAX_DEPTH`. Opened on an existing guard (`initial`), it shows it.
import { useEffect, useId, useState } from 'react';
import { COMPARISON_OPS, ID_PATTERN, type GuardConfig } from '@ecoute/engine';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { idFrom } from '../yamlEdit/document.js';
import { tableOf, textOf, type Plain } from '../forms/formTypes.js';
import { OP_KEYS } from './guardWords.js';

type Kind = 'none' | GuardConfig['type'];
const LEAVES: Kind[] = ['none', 'compare', 'flag', 'visited', 'in', 'moveCount'];
const COMBINED: Kind[] = ['all', 'any', 'not'];
/** How deep combinations nest: the top condition (0) and the parts of its parts (1) may combine. */
export const MAX_DEPTH = 2;

type Op = (typeof COMPARISON_OPS)[number];

interface Part {
  key: number;
  initial: GuardConfig | undefined;
  guard: GuardConfig | undefined;
}

let nextKey = 1;
const partOf = (initial: GuardConfig | undefined): Part => ({ key: nextKey++, initial, guard: initial });

function partsOf(initial: GuardConfig | undefined): Part[] {
  if (initial?.type === 'all' || initial?.type === 'any') return initial.params.of.map(partOf);
  if (initial?.type === 'not') return [partOf(initial.params.guard)];
  return [];
}

function refOf(guard: GuardConfig | undefined): string {
  if (!guard) return '';
  const params = guard.params as Record<string, unknown>;
  return textOf(params['variable'] ?? params['name'] ?? params['state'] ?? params['move']);
}

export function GuardPicker({
  data,
  states,
  initial,
  onChange,
  depth = 0,
  legend,
  onRemove,
  removeLabel,
}: {
  data: Plain;
  states: { id: string; label: string }[];
  /** The condition to show at first (an existing transition's). */
  initial?: GuardConfig | undefined;
  onChange(guard: GuardConfig | undefined): void;
  depth?: number;
  legend?: string;
  onRemove?: () => void;
  removeLabel?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<Kind>(initial?.type ?? (depth > 0 ? 'compare' : 'none'));
  const [ref, setRef] = useState(refOf(initial));
  const [op, setOp] = useState<Op>(
    initial?.type === 'compare' || initial?.type === 'moveCount' ? initial.params.op : '>=',
  );
  const [value, setValue] = useState(
    initial?.type === 'compare' || initial?.type === 'moveCount' ? String(initial.params.value) : '1',
  );
  const [parts, setParts] = useState<Part[]>(() => partsOf(initial));
  const variables = tableOf(data, 'variables').map(([key, v]) => ({
    value: key,
    label: textOf(v['label']) || key,
  }));
  const moves = tableOf(data, 'moves').map(([key, m]) => ({ value: key, label: textOf(m['label']) || key }));
  const stateOptions = states.map((s) => ({ value: s.id, label: s.label }));
  const options =
    kind === 'compare'
      ? variables
      : kind === 'visited' || kind === 'in'
        ? stateOptions
        : kind === 'moveCount'
          ? moves
          : [];
  const chosen = options.some((o) => o.value === ref) ? ref : (options[0]?.value ?? '');
  const number = Number(value.replace(',', '.'));
  const flagName = ID_PATTERN.test(ref.trim()) ? ref.trim() : idFrom(ref, [], 'repere');
  const partGuards = parts.map((p) => p.guard).filter((g): g is GuardConfig => g !== undefined);

  const guard: GuardConfig | undefined =
    kind === 'compare' && chosen && Number.isFinite(number)
      ? { type: 'compare', params: { variable: chosen, op, value: number } }
      : kind === 'flag' && ref.trim()
        ? { type: 'flag', params: { name: flagName } }
        : (kind === 'visited' || kind === 'in') && chosen
          ? { type: kind, params: { state: chosen } }
          : kind === 'moveCount' && chosen && Number.isInteger(number) && number >= 0
            ? { type: 'moveCount', params: { move: chosen, op, value: number } }
            : (kind === 'all' || kind === 'any') && partGuards.length > 0
              ? { type: kind, params: { of: partGuards } }
              : kind === 'not' && partGuards[0]
                ? { type: 'not', params: { guard: partGuards[0] } }
                : undefined;
  const key = JSON.stringify(guard ?? null);
  useEffect(() => {
    onChange(guard);
    // The guard is compared by its JSON, not its identity.
  }, [key]);

  const chooseKind = (next: Kind) => {
    setKind(next);
    // A combination starts with its parts: two for all / any, one for not.
    if ((next === 'all' || next === 'any') && parts.length === 0)
      setParts([partOf(undefined), partOf(undefined)]);
    if (next === 'not') setParts((list) => (list.length > 0 ? list.slice(0, 1) : [partOf(undefined)]));
  };
  const kinds = depth < MAX_DEPTH ? [...LEAVES, ...COMBINED] : LEAVES;
  const combined = kind === 'all' || kind === 'any' || kind === 'not';

  return (
    <fieldset className={depth > 0 ? 'studio-picker studio-picker--part' : 'studio-picker'}>
      <legend>{legend ?? t('studio.guard.legend')}</legend>
      <div className="studio-field">
        <label htmlFor={`${id}-kind`}>{t('studio.guard.kind')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => chooseKind(e.target.value as Kind)}>
          {kinds
            .filter((k) => depth === 0 || k !== 'none')
            .map((k) => (
              <option key={k} value={k}>
                {t(`studio.guard.kind.${k}` as MessageKey)}
              </option>
            ))}
        </select>
      </div>
      {kind === 'compare' || kind === 'visited' || kind === 'in' || kind === 'moveCount' ? (
        <div className="studio-field">
          <label htmlFor={`${id}-ref`}>
            {t(`studio.guard.ref.${kind === 'in' ? 'visited' : kind}` as MessageKey)}
          </label>
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
            <select id={`${id}-op`} value={op} onChange={(e) => setOp(e.target.value as Op)}>
              {COMPARISON_OPS.map((o) => (
                <option key={o} value={o}>
                  {t(OP_KEYS[o] ?? 'studio.guard.op.eq')}
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
      {combined
        ? parts.map((part, i) => (
            <GuardPicker
              key={part.key}
              data={data}
              states={states}
              initial={part.initial}
              depth={depth + 1}
              legend={t('studio.guard.part', { n: i + 1 })}
              removeLabel={
                kind !== 'not' && parts.length > 1 ? t('studio.guard.removePart', { n: i + 1 }) : undefined
              }
              onRemove={() => setParts((list) => list.filter((p) => p.key !== part.key))}
              onChange={(g) =>
                setParts((list) => list.map((p) => (p.key === part.key ? { ...p, guard: g } : p)))
              }
            />
          ))
        : null}
      {kind === 'all' || kind === 'any' ? (
        <button type="button" onClick={() => setParts((list) => [...list, partOf(undefined)])}>
          {t('studio.guard.addPart')}
        </button>
      ) : null}
      {onRemove && removeLabel ? (
        <button type="button" onClick={onRemove}>
          {removeLabel}
        </button>
      ) : null}
    </fieldset>
  );
}
