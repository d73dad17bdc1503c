// The group debrief's « Quand » column: what made a call take a transition, as a trainer says it
// to the group. The engine gives an edge's text as a message (`graph.guarded`: the trigger and its
// condition, which the graph's arrows write « trigger [condition] » with symbols); here the same
// message is worded from `classroom.debrief.when.*`: « Guider pas à pas, à partir de la 3ᵉ fois »,
// « Reformuler, une fois « besoin compris » », « …, si Détresse à 8 ou plus ». A part this page has
// no words of its own for (a state reached, a total of moves) keeps the engine's words
// (`engineText`), as everywhere else.
import type { EngineMessage, MessageParam } from '@ecoute/engine';
import { engineText } from '../i18n/engineText.js';
import { translate, type Lang } from '../i18n/catalogue.js';
import { pluralForm } from '../i18n/plural.js';

type Op = 'lt' | 'le' | 'gt' | 'ge' | 'eq' | 'ne';
// The engine writes a comparison's operator as its sign (`condition.compare`'s `op`).
const OPS: Record<string, Op> = { '<': 'lt', '≤': 'le', '>': 'gt', '≥': 'ge', '=': 'eq', '≠': 'ne' };

const isMessage = (param: MessageParam | undefined): param is EngineMessage =>
  typeof param === 'object' && 'code' in param;
const text = (param: MessageParam | undefined): string =>
  param === undefined ? '' : typeof param === 'object' ? ('code' in param ? '' : param.fr) : String(param);

const ordinalRules = new Map<Lang, Intl.PluralRules>();
/** « 3ᵉ », “3rd”: the catalogue's form of the number's ordinal category (CLDR). */
function ordinal(lang: Lang, n: number): string {
  let rule = ordinalRules.get(lang);
  if (!rule) {
    rule = new Intl.PluralRules(lang, { type: 'ordinal' });
    ordinalRules.set(lang, rule);
  }
  const category = rule.select(n);
  const form = category === 'one' || category === 'two' || category === 'few' ? category : 'other';
  return translate(lang, `classroom.debrief.when.nth.${form}`, { n });
}

/**
 * A count of the move that triggers the transition, as the time it is made: « à partir de la
 * 3ᵉ fois » (`≥ 3`: the count includes the move being made). Null for another comparison.
 */
function nthTime(lang: Lang, op: Op, value: number): string | null {
  if (!Number.isInteger(value)) return null;
  // « > 2 » is « from the 3rd time », « ≤ 3 » « up to the 3rd », « < 3 » « before the 3rd ».
  const n = op === 'gt' ? value + 1 : value;
  if (n < 1) return null;
  return translate(lang, `classroom.debrief.when.time.${op}`, { nth: ordinal(lang, n) });
}

/** A condition as the part of a sentence after « si » / “if” (its parts worded the same way). */
function conditionWords(lang: Lang, condition: EngineMessage, move: string | null): string {
  const params = condition.params ?? {};
  const op = OPS[text(params.op)];
  const { code } = condition;
  if (code === 'condition.flag')
    return translate(lang, 'classroom.debrief.when.flag', { label: text(params.label) });
  if (code === 'condition.compare' && op)
    return translate(lang, `classroom.debrief.when.compare.${op}`, {
      label: text(params.label),
      value: text(params.value),
    });
  if (code === 'condition.moveCount' && op) {
    const value = Number(text(params.value));
    const label = text(params.label);
    const nth = label === move ? nthTime(lang, op, value) : null;
    return (
      nth ??
      translate(lang, `classroom.debrief.when.count.${op}`, {
        label,
        times: translate(lang, `classroom.debrief.when.times.${pluralForm(lang, value)}`, { count: value }),
      })
    );
  }
  if (
    (code === 'condition.and' || code === 'condition.or') &&
    isMessage(params.left) &&
    isMessage(params.right)
  )
    return translate(
      lang,
      code === 'condition.and' ? 'classroom.debrief.when.and' : 'classroom.debrief.when.or',
      {
        left: conditionWords(lang, params.left, move),
        right: conditionWords(lang, params.right, move),
      },
    );
  if ((code === 'condition.group' || code === 'condition.not') && isMessage(params.condition))
    return translate(
      lang,
      code === 'condition.group' ? 'classroom.debrief.when.group' : 'classroom.debrief.when.not',
      {
        condition: conditionWords(lang, params.condition, move),
      },
    );
  // A state reached or current, a total of moves: the engine's words.
  return engineText(lang, condition);
}

/**
 * What makes a call take an edge, in `lang`: the trigger as the engine words it, then its
 * condition in a trainer's words — which time of the move it is (« à partir de la 3ᵉ fois »),
 * « une fois » a flag set, else « si » the condition. An edge without one reads as the engine's.
 */
export function edgeWhenWords(lang: Lang, message: EngineMessage): string {
  const { trigger, guard } = message.params ?? {};
  if (message.code !== 'graph.guarded' || !isMessage(trigger) || !isMessage(guard))
    return engineText(lang, message);
  // The move that triggers the edge: a count of that same move says which time it is.
  const move = trigger.code === 'graph.move' ? text(trigger.params?.label) : null;
  const condition = conditionWords(lang, guard, move);
  const op = OPS[text(guard.params?.op)];
  const saysWhichTime =
    guard.code === 'condition.moveCount' &&
    move !== null &&
    text(guard.params?.label) === move &&
    op !== undefined &&
    nthTime(lang, op, Number(text(guard.params?.value))) !== null;
  const key = saysWhichTime
    ? 'classroom.debrief.when.guardedTime'
    : guard.code === 'condition.flag'
      ? 'classroom.debrief.when.guardedOnce'
      : 'classroom.debrief.when.guarded';
  return translate(lang, key, {
    trigger: engineText(lang, trigger),
    condition,
  });
}
