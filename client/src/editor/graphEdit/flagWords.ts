// The flags a deletion would leave unset, in words for the delete dialogs: the flag by its label
// (or its name made readable, never its id as written) and each place that still reads it.
import type { MessageKey } from '../../i18n/index.js';
import type { Plain } from '../forms/formTypes.js';
import type { UnsetFlag } from '../yamlEdit/flagReads.js';
import { triggerWords } from './choices.js';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface UnsetFlagWords {
  /** « Attention : plus rien ne poserait le drapeau « Besoin compris », que lisent encore : » */
  warning: string;
  reads: string[];
}

export function unsetFlagWords(
  data: Plain,
  unset: readonly UnsetFlag[],
  t: Translate,
  stateLabel: (state: string) => string,
): UnsetFlagWords[] {
  return unset.map(({ flag, label, reads }) => ({
    warning: t('studio.forms.flagUnset', { flag: label ?? flag.replace(/_/g, ' ') }),
    reads: reads.map((read) =>
      read.kind === 'guard'
        ? t('studio.forms.flagRead.guard', {
            trigger: triggerWords(data, read.trigger, t),
            from: stateLabel(read.state),
          })
        : t('studio.forms.flagRead.criterion', { criterion: read.label }),
    ),
  }));
}
