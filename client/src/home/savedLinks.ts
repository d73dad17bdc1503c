// The role links of a session created on this device, kept so that the trainer's console can
// show them (with QR codes) after the home page is gone. Only in this browser's storage: for the
// tab (sessionStorage) and, for other tabs of the trainer, in localStorage for LINKS_KEPT_MS
// only, not forever (the links hold the tokens).
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

/** How long localStorage keeps a session's links. */
export const LINKS_KEPT_MS = 12 * 60 * 60 * 1000;

interface Kept {
  links: SessionLinks;
  /** Epoch ms after which the entry is ignored and removed. */
  expiresAt: number;
}

export function saveSessionLinks(links: SessionLinks, now = Date.now()): void {
  const kept: Kept = { links, expiresAt: now + LINKS_KEPT_MS };
  const text = JSON.stringify(kept);
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

export function readSessionLinks(sessionId: string, now = Date.now()): SessionLinks | null {
  for (const store of stores()) {
    try {
      const text = store.getItem(storageKey(sessionId));
      if (!text) continue;
      const parsed = JSON.parse(text) as Partial<Kept> | null;
      // Expired, or kept by an older version without expiry: gone.
      if (typeof parsed?.expiresAt !== 'number' || parsed.expiresAt <= now) {
        store.removeItem(storageKey(sessionId));
        continue;
      }
      if (isLinks(parsed.links, sessionId)) return parsed.links;
    } catch {
      // Unreadable: try the next store.
    }
  }
  return null;
}
