// A condition read back in words, nested as it is written: « toutes ces conditions (Confiance au
// moins 5 ; pas (repère « Pressée » noté)) ». People never read the guard's syntax.
import type { GuardConfig } from '@ecoute/engine';
import type { MessageKey } from '../../i18n/index.js';
import { tableOf, textOf, type Plain } from '../forms/formTypes.js';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export const OP_KEYS: Record<string, MessageKey> = {
  '<': 'studio.guard.op.lt',
  '<=': 'studio.guard.op.le',
  '>': 'studio.guard.op.gt',
  '>=': 'studio.guard.op.ge',
  '==': 'studio.guard.op.eq',
  '!=': 'studio.guard.op.ne',
};

export function guardWords(
  data: Plain,
  guard: GuardConfig | undefined,
  t: Translate,
  stateLabel: (state: string) => string,
): string {
  if (!guard) return t('studio.guard.kind.none');
  const label = (table: string, id: string | undefined, key: string) =>
    id === undefined
      ? ''
      : textOf(tableOf(data, table).find(([entry]) => entry === id)?.[1][key]) || id.replace(/_/g, ' ');
  const list = (of: GuardConfig[]) =>
    of.map((g) => guardWords(data, g, t, stateLabel)).join(t('studio.guard.words.separator'));
  switch (guard.type) {
    case 'compare':
      return t('studio.guard.words.compare', {
        variable: label('variables', guard.params.variable, 'label'),
        op: t(OP_KEYS[guard.params.op] ?? 'studio.guard.op.eq'),
        value: guard.params.value,
      });
    case 'flag':
      return t('studio.guard.words.flag', { name: label('flags', guard.params.name, 'label') });
    case 'visited':
      return t('studio.guard.words.visited', { state: stateLabel(guard.params.state) });
    case 'in':
      return t('studio.guard.words.in', { state: stateLabel(guard.params.state) });
    case 'moveCount':
      return guard.params.move === undefined
        ? t('studio.guard.words.anyMoveCount', {
            op: t(OP_KEYS[guard.params.op] ?? 'studio.guard.op.eq'),
            value: guard.params.value,
          })
        : t('studio.guard.words.moveCount', {
            move: label('moves', guard.params.move, 'label'),
            op: t(OP_KEYS[guard.params.op] ?? 'studio.guard.op.eq'),
            value: guard.params.value,
          });
    case 'all':
      return t('studio.guard.words.all', { list: list(guard.params.of) });
    case 'any':
      return t('studio.guard.words.any', { list: list(guard.params.of) });
    case 'not':
      return t('studio.guard.words.not', {
        condition: guardWords(data, guard.params.guard, t, stateLabel),
      });
  }
}
