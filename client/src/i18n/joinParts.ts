// Pieces of one line of text joined by the catalogue's separator (« — » between a thing and what
// is said of it, « · » between facts of equal weight, « : » between a label and its value), so that no component writes punctuation of
// its own: a language may set them differently. Empty pieces are left out.
import type { I18n } from './I18nContext.js';

export type Separator = 'dash' | 'dot' | 'colon';

export function joinParts(
  t: I18n['t'],
  parts: readonly (string | false | null | undefined)[],
  separator: Separator,
): string {
  return parts
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join(t(`ui.separator.${separator}`));
}
