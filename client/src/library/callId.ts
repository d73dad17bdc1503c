// A new call's identifier, made from words: a trainer types a title, not an id. The server's
// rule (the engine's SCENARIO_ID_PATTERN, 64 characters at most): lowercase letters without
// accents, digits, single dashes between them.

const MAX_LENGTH = 64;
/** What a copy's id adds to the id it comes from (« appel-caf-copie »). */
const COPY_SUFFIX = 'copie';

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

/** `base`, or `base-2`, `base-3`… — the first one no call of the library has yet. */
function free(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${trimmed(base, MAX_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The id a new call titled `title` gets (« Appel à la CAF, retraité » → « appel-a-la-caf-retraite »). */
export function callIdFrom(title: string, taken: Iterable<string>): string {
  const base = trimmed(slug(title), MAX_LENGTH);
  return base ? free(base, new Set(taken)) : '';
}

/** The id of a copy of call `id`: « <id>-copie », then « <id>-copie-2 »… when copied again. */
export function copyIdOf(id: string, taken: Iterable<string>): string {
  const suffix = `-${COPY_SUFFIX}`;
  return free(`${trimmed(id, MAX_LENGTH - suffix.length - 3)}${suffix}`, new Set(taken));
}
