// The display name a person gave when opening a role link, remembered per session and role so
// that a reload (or a second tab) joins again under the same name without asking.
import type { Role } from '@ecoute/engine';

function storageKey(sessionId: string, role: Role): string {
  return `ecoute.name.${sessionId}.${role}`;
}

export function readDisplayName(sessionId: string, role: Role): string | null {
  try {
    const value = globalThis.localStorage?.getItem(storageKey(sessionId, role));
    return value && value.trim() ? value.trim() : null;
  } catch {
    return null;
  }
}

export function saveDisplayName(sessionId: string, role: Role, name: string): void {
  try {
    globalThis.localStorage?.setItem(storageKey(sessionId, role), name);
  } catch {
    // Private browsing may refuse storage: the name then lasts for this page only.
  }
}
