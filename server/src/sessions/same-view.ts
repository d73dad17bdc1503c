// Whether a role's view changed between two commits, its session time `t` aside: the runtime
// then leaves the view out of the update (most inputs, a sentence said, change no view).
import type { RoleView } from '@ecoute/engine';

/** Deep equality of plain data (what views are made of: objects, arrays, strings, numbers…). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  return sameFields(a as Record<string, unknown>, b as Record<string, unknown>, undefined);
}

/**
 * The same own fields with the same data, `skip` aside. Walked with `for…in` rather than
 * `Object.keys`: no array of keys per object compared (the runtime compares every role's view
 * after every input).
 */
function sameFields(
  x: Record<string, unknown>,
  y: Record<string, unknown>,
  skip: string | undefined,
): boolean {
  let count = 0;
  for (const key in x) {
    if (!Object.hasOwn(x, key)) continue;
    count++;
    if (!Object.hasOwn(y, key) || (key !== skip && !sameData(x[key], y[key]))) return false;
  }
  for (const key in y) if (Object.hasOwn(y, key)) count--;
  return count === 0;
}

/** The same view but for `t`. */
export function sameViewButTime(a: RoleView, b: RoleView): boolean {
  return sameFields(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>, 't');
}
