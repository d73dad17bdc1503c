// Why a move or inject is not available, in the reader's language: the engine gives a code and
// its parameters (labels, values), the catalogue gives the words.
import type { ComparisonOp, Condition, UnavailableReason } from '@ecoute/engine';
import type { MessageKey } from '../i18n/index.js';
import type { MessageParams } from '../i18n/catalogue.js';

type Translate = (key: MessageKey, params?: MessageParams) => string;

const OP_KEYS: Record<ComparisonOp, MessageKey> = {
  '<': 'condition.op.lt',
  '<=': 'condition.op.le',
  '>': 'condition.op.gt',
  '>=': 'condition.op.ge',
  '==': 'condition.op.eq',
  '!=': 'condition.op.ne',
};

export function describeCondition(t: Translate, condition: Condition): string {
  const now = (n: number | undefined) => (n === undefined ? '' : t('condition.now', { value: n }));
  switch (condition.kind) {
    case 'compare':
      return t('condition.compare', {
        label: condition.label,
        op: t(OP_KEYS[condition.op]),
        value: condition.value,
        now: now(condition.now),
      });
    case 'flag':
      return t('condition.flag', { label: condition.label });
    case 'visited':
      return t('condition.visited', { label: condition.label });
    case 'in':
      return t('condition.inState', { label: condition.label });
    case 'moveCount':
      return condition.label === null
        ? t('condition.movesTotal', {
            op: t(OP_KEYS[condition.op]),
            value: condition.value,
            now: now(condition.now),
          })
        : t('condition.moveCount', {
            label: condition.label,
            op: t(OP_KEYS[condition.op]),
            value: condition.value,
            now: now(condition.now),
          });
    case 'all':
    case 'any': {
      const parts = condition.of.map((c) =>
        c.kind === 'all' || c.kind === 'any' ? `(${describeCondition(t, c)})` : describeCondition(t, c),
      );
      return parts.join(t(condition.kind === 'all' ? 'condition.and' : 'condition.or'));
    }
    case 'not':
      return t('condition.not', { condition: describeCondition(t, condition.condition) });
  }
}

export function describeReason(t: Translate, reason: UnavailableReason): string {
  switch (reason.code) {
    case 'ringing':
      return t('reason.ringing');
    case 'paused':
      return t('reason.paused');
    case 'ended':
      return t('reason.ended');
    case 'not_here':
      return t('reason.notHere', { states: reason.states.join(', ') });
    case 'guard':
      return t('reason.guard', {
        conditions: reason.conditions.map((c) => describeCondition(t, c)).join(t('condition.orElse')),
      });
  }
}
