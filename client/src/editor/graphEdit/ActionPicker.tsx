// Builds one of the engine's actions from lists: say a line, change or set a variable, raise a
// flag, a non-verbal cue, a note for the trainer, end the call with an ending.
import { useId, useState } from 'react';
import type { CUES } from '@ecoute/engine';
import { ACTION_TYPES, type ActionConfig } from '@ecoute/engine';

type ActionType = (typeof ACTION_TYPES)[number];
import { cueChoices } from './choices.js';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { idFrom } from '../yamlEdit/document.js';
import { shortText, tableOf, textOf, type Plain } from '../forms/formTypes.js';

/** An action in words (`studio.action.type.*` and its kin): what is said, a variable's change, an ending. */
export function actionWords(
  data: Plain,
  action: unknown,
  t: (key: MessageKey, p?: Record<string, string | number>) => string,
): string {
  if (typeof action !== 'object' || action === null) return '';
  const { type, params = {} } = action as { type?: string; params?: Record<string, unknown> };
  const entry = (table: string, id: unknown) => tableOf(data, table).find(([key]) => key === id)?.[1] ?? {};
  switch (type ?? '') {
    case 'say':
      return t('studio.action.words.say', {
        line: shortText(entry('lines', params['line'])['text'], 50) || textOf(params['line']),
      });
    case 'adjust':
      return t('studio.action.words.adjust', {
        variable: textOf(entry('variables', params['variable'])['label']) || textOf(params['variable']),
        by: textOf(params['by']),
      });
    case 'set':
      return t('studio.action.words.set', {
        variable: textOf(entry('variables', params['variable'])['label']) || textOf(params['variable']),
        value: textOf(params['value']),
      });
    case 'flag':
      return t('studio.action.words.flag', { name: textOf(params['name']) });
    case 'cue':
      return t('studio.action.words.cue', { cue: t(`cue.${textOf(params['cue'])}` as MessageKey) });
    case 'note':
      return t('studio.action.words.note', { text: shortText(params['text'], 50) });
    case 'end':
      return t('studio.action.words.end', {
        ending: shortText(entry('endings', params['ending'])['message'], 50) || textOf(params['ending']),
      });
    default:
      return textOf(type);
  }
}

export function ActionPicker({
  data,
  onAdd,
  legend,
}: {
  data: Plain;
  onAdd(action: ActionConfig): void;
  legend: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [type, setType] = useState<ActionType>('say');
  const [ref, setRef] = useState('');
  const [amount, setAmount] = useState('1');
  const [words, setWords] = useState('');
  const lines = tableOf(data, 'lines').map(([key, l]) => ({
    value: key,
    label: shortText(l['text']) || key,
  }));
  const variables = tableOf(data, 'variables').map(([key, v]) => ({
    value: key,
    label: textOf(v['label']) || key,
  }));
  const endings = tableOf(data, 'endings').map(([key, e]) => ({
    value: key,
    label: shortText(e['message']) || key,
  }));
  const cues = cueChoices(t);
  const options =
    type === 'say'
      ? lines
      : type === 'adjust' || type === 'set'
        ? variables
        : type === 'end'
          ? endings
          : type === 'cue'
            ? cues
            : [];
  const chosen = options.some((o) => o.value === ref) ? ref : (options[0]?.value ?? '');
  const number = Number(amount.replace(',', '.'));

  const build = (): ActionConfig | null => {
    switch (type) {
      case 'say':
        return chosen ? { type, params: { line: chosen } } : null;
      case 'adjust':
        return chosen && Number.isFinite(number) ? { type, params: { variable: chosen, by: number } } : null;
      case 'set':
        return chosen && Number.isFinite(number)
          ? { type, params: { variable: chosen, value: number } }
          : null;
      case 'flag':
        return words.trim() ? { type, params: { name: idFrom(words, [], 'repere') } } : null;
      case 'cue':
        return chosen ? { type, params: { cue: chosen as (typeof CUES)[number] } } : null;
      case 'note':
        return words.trim() ? { type, params: { text: words.trim() } } : null;
      case 'end':
        return chosen ? { type, params: { ending: chosen } } : null;
      default:
        return null;
    }
  };
  const action = build();
  return (
    <fieldset className="studio-picker">
      <legend>{legend}</legend>
      <div className="studio-field">
        <label htmlFor={`${id}-type`}>{t('studio.action.type')}</label>
        <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as ActionType)}>
          {ACTION_TYPES.map((a) => (
            <option key={a} value={a}>
              {t(`studio.action.type.${a}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      {options.length > 0 || ['say', 'adjust', 'set', 'end', 'cue'].includes(type) ? (
        <div className="studio-field">
          <label htmlFor={`${id}-ref`}>{t(`studio.action.ref.${type}` as MessageKey)}</label>
          <select id={`${id}-ref`} value={chosen} onChange={(e) => setRef(e.target.value)}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {type === 'adjust' || type === 'set' ? (
        <div className="studio-field studio-field--number">
          <label htmlFor={`${id}-amount`}>
            {t(type === 'adjust' ? 'studio.action.by' : 'studio.action.value')}
          </label>
          <input
            id={`${id}-amount`}
            type="text"
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
        </div>
      ) : null}
      {type === 'flag' || type === 'note' ? (
        <div className="studio-field">
          <label htmlFor={`${id}-words`}>
            {t(type === 'flag' ? 'studio.action.flagName' : 'studio.action.noteText')}
          </label>
          <input id={`${id}-words`} type="text" value={words} onChange={(e) => setWords(e.target.value)} />
        </div>
      ) : null}
      <button type="button" disabled={!action} onClick={() => action && onAdd(action)}>
        {t('studio.action.add')}
      </button>
    </fieldset>
  );
}
