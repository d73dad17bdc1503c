// A role link's token leaves the address bar once read (history, screen shares, a photo of the
// projector): it is kept for this tab only (sessionStorage, gone with the tab), under the
// page's path, so that a reload of the same page still connects.
import { readRoleToken } from './readRoleToken.js';

function storageKey(path: string): string {
  return `ecoute.token.${path}`;
}

/** The token this tab holds for the role page at `path`, if any. */
export function storedRoleToken(path: string): string | null {
  try {
    return globalThis.sessionStorage?.getItem(storageKey(path)) ?? null;
  } catch {
    return null; // storage refused (private browsing, sandboxed frame)
  }
}

/**
 * The token of the role page at `path`: the link's `#k=` (then kept for the tab and removed
 * from the address bar with `history.replaceState`), else the one kept earlier in this tab.
 */
export function takeRoleToken(path: string, hash: string): string | null {
  const fromLink = readRoleToken(hash);
  if (!fromLink) return storedRoleToken(path);
  try {
    globalThis.sessionStorage?.setItem(storageKey(path), fromLink);
  } catch {
    // Not kept: a reload will need the link again.
  }
  const { location, history } = globalThis;
  if (location?.pathname === path && location.hash !== '')
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  return fromLink;
}
