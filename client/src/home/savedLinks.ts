// The role links of a session created on this device, kept so that the trainer's console can
// show them (with QR codes) after the home page is gone. Only in this browser's storage.
import type { SessionLinks } from '@ecoute/protocol';

function storageKey(sessionId: string): string {
  return `ecoute.links.${sessionId}`;
}

function stores(): Storage[] {
  const out: Storage[] = [];
  try {
    if (globalThis.sessionStorage) out.push(globalThis.sessionStorage);
  } catch {
    // Storage refused (private browsing, sandboxed frame).
  }
  try {
    if (globalThis.localStorage) out.push(globalThis.localStorage);
  } catch {
    // Storage refused.
  }
  return out;
}

export function saveSessionLinks(links: SessionLinks): void {
  const text = JSON.stringify(links);
  for (const store of stores()) {
    try {
      store.setItem(storageKey(links.sessionId), text);
    } catch {
      // Full or refused: the links stay on the home page.
    }
  }
}

function isLinks(value: unknown, sessionId: string): value is SessionLinks {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { sessionId?: unknown; links?: unknown };
  if (candidate.sessionId !== sessionId || typeof candidate.links !== 'object' || candidate.links === null)
    return false;
  return Object.values(candidate.links).every((link) => typeof link === 'string' && link.startsWith('/'));
}

export function readSessionLinks(sessionId: string): SessionLinks | null {
  for (const store of stores()) {
    try {
      const text = store.getItem(storageKey(sessionId));
      if (!text) continue;
      const parsed: unknown = JSON.parse(text);
      if (isLinks(parsed, sessionId)) return parsed;
    } catch {
      // Unreadable: try the next store.
    }
  }
  return null;
}
