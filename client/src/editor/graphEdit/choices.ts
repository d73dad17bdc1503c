// What the graph's forms offer in their lists: the events a transition may wait for (the call's
// moves and injects, the listener's words, the hang-up, a delay, « aussitôt »), and a state's
// words for people.
import { CUES } from '@ecoute/engine';
import type { MessageKey } from '../../i18n/index.js';
import { tableOf, textOf, type Plain } from '../forms/formTypes.js';

/**
 * The non-verbal signals as a picker's options, capitalised like every other option (the
 * catalogue's `cue.*` are lowercase: they are also read inside a sentence).
 */
export function cueChoices(t: Translate): TriggerChoice[] {
  return CUES.map((cue) => {
    const words = t(`cue.${cue}` as MessageKey);
    return { value: cue, label: words.charAt(0).toLocaleUpperCase() + words.slice(1) };
  });
}

export type TriggerChoice = { value: string; label: string };

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * « À tout moment de l'appel » in the graph's forms: the machine's own transitions (its root's
 * `on`, `after`), which every state takes unless it reacts to the same event itself — an inject
 * the trainer may send whatever the state, a move always offered.
 */
export const WHOLE_CALL = ':call';

export const AFTER = ':after';
export const ALWAYS = ':always';

export function triggerChoices(data: Plain, t: Translate): { group: string; items: TriggerChoice[] }[] {
  const moves = tableOf(data, 'moves').map(([id, m]) => ({ value: id, label: textOf(m['label']) || id }));
  const injects = tableOf(data, 'injects').map(([id, i]) => ({ value: id, label: textOf(i['label']) || id }));
  return [
    { group: t('studio.graph.trigger.moves'), items: moves },
    { group: t('studio.graph.trigger.injects'), items: injects },
    {
      group: t('studio.graph.trigger.other'),
      items: [
        { value: 'say', label: t('studio.graph.trigger.say') },
        { value: 'hangup', label: t('studio.graph.trigger.hangup') },
        { value: 'acted', label: t('studio.graph.trigger.acted') },
        { value: AFTER, label: t('studio.graph.trigger.after') },
        { value: ALWAYS, label: t('studio.graph.trigger.always') },
      ],
    },
  ];
}

/** A trigger as `allStateReferences` names it (`reformuler`, `after 20000`, `always`), in words. */
export function triggerWords(data: Plain, trigger: string, t: Translate): string {
  if (trigger === 'always') return t('studio.graph.trigger.always');
  if (trigger.startsWith('after '))
    return t('studio.graph.trigger.afterN', { seconds: Number(trigger.slice(6)) / 1000 });
  for (const choice of triggerChoices(data, t).flatMap((g) => g.items))
    if (choice.value === trigger) return choice.label;
  return trigger;
}
