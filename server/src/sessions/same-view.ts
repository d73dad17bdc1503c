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
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  for (const key of keysA) {
    if (!Object.hasOwn(b, key)) return false;
    if (!sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** The same view but for `t`. */
export function sameViewButTime(a: RoleView, b: RoleView): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  const [x, y] = [a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>];
  return keys.every((key) => key === 't' || (Object.hasOwn(y, key) && sameData(x[key], y[key])));
}
