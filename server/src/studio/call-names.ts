// What the library names a new call by itself: its id when the author gave none (trainers type a
// title, not an id: the id is made from it), and a copy's title. Pure: the service asks which of
// the candidates are free, in order, and takes the first.
import { SCENARIO_ID_PATTERN } from '@ecoute/engine';

/** The engine's rule for an id, and the library's 64 characters (`libraryCallIdSchema`). */
const MAX_ID_LENGTH = 64;
/** The id of a call whose title has no letter or digit. */
const FALLBACK_ID = 'appel';
/** What a copy's id adds to the id it comes from (« appel-caf-copie »). */
const COPY_ID_SUFFIX = 'copie';

function slug(words: string): string {
  return words
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function trimmed(id: string, room: number): string {
  return id.slice(0, Math.max(1, room)).replace(/-+$/, '');
}

/** `base`, then `base-2`, `base-3`…, each within the 64 characters. */
function* numbered(base: string): Generator<string> {
  yield base;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    yield `${trimmed(base, MAX_ID_LENGTH - suffix.length)}${suffix}`;
  }
}

/** The ids a new call titled `title` may take, in order (« Appel à la CAF » → « appel-a-la-caf »…). */
export function callIdCandidates(title: string): Generator<string> {
  return numbered(trimmed(slug(title), MAX_ID_LENGTH) || FALLBACK_ID);
}

/** The ids a copy of call `id` may take, in order: « <id>-copie », then « <id>-copie-2 »… */
export function copyIdCandidates(id: string): Generator<string> {
  const suffix = `-${COPY_ID_SUFFIX}`;
  return numbered(`${trimmed(id, MAX_ID_LENGTH - suffix.length - 3)}${suffix}`);
}

/** Whether `id` keeps to the rule (the candidates always do; held by the unit test). */
export function isCallId(id: string): boolean {
  return SCENARIO_ID_PATTERN.test(id) && id.length <= MAX_ID_LENGTH;
}

/** A title that already says it is a copy: « … (copie) », « … (copie 3) ». */
const COPY_MARK = /\s*\(copie(?: \d+)?\)$/;

/**
 * The titles a copy of a call titled `title` may take, in order, as a trainer expects to read
 * them in the library: « T (copie) », then « T (copie 2) », « T (copie 3) »… A copy of a copy is
 * numbered after the same call (« T (copie) » copied gives « T (copie 2) », not « T (copie) (copie) »).
 */
export function* copyTitleCandidates(title: string): Generator<string> {
  const base = title.replace(COPY_MARK, '') || title;
  yield `${base} (copie)`;
  for (let n = 2; ; n += 1) yield `${base} (copie ${n})`;
}

/** Two titles a trainer would read as the same one in the list. */
export function sameTitle(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('fr') === b.trim().toLocaleLowerCase('fr');
}
