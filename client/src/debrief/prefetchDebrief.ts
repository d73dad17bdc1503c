// The debrief's answer asked as soon as the app starts on a debrief link, while the page's own
// code (a lazy chunk) is still on its way: the request and the chunk travel together instead of
// one after the other. Small and free of React: the app's entry imports it, and so does the
// debrief link's first script (`prefetchEntry.ts`), which starts it earlier still.
import { readRoleToken } from '../app/readRoleToken.js';
import { requestJson, type ApiResult } from '../ui/requestJson.js';

const DEBRIEF_PATH = /^\/debrief\/([^/]+)\/?$/;

let pending: {
  path: string;
  token: string;
  answer: Promise<ApiResult<unknown>>;
  /** The answer once it arrived: the page then shows it in its first render, with no wait. */
  settled?: ApiResult<unknown>;
} | null = null;

export function debriefPath(sessionId: string): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}/debrief`;
}

/** The answer the page reads: the timeline in columns (`DebriefCompact`), not one object per entry. */
export function compactDebriefPath(sessionId: string): string {
  return `${debriefPath(sessionId)}?timeline=columns`;
}

/**
 * Starts loading the debrief when the location is a debrief link with its token. Called twice on
 * a debrief link (its page's first script, `prefetchEntry.ts`, then the app's entry): the second
 * call finds the answer on its way and asks nothing more.
 */
export function prefetchDebrief(location: { pathname: string; hash: string }): void {
  const match = DEBRIEF_PATH.exec(location.pathname);
  const token = readRoleToken(location.hash);
  if (!match?.[1] || !token) return;
  const path = compactDebriefPath(decodeURIComponent(match[1]));
  if (pending?.path === path && pending.token === token) return;
  const started: NonNullable<typeof pending> = { path, token, answer: requestJson(path, token) };
  pending = started;
  void started.answer.then((result) => {
    started.settled = result;
  });
}

/** The answer started by `prefetchDebrief` for this path and token, once; null otherwise. */
export function takePrefetched<T>(path: string, token: string): Promise<ApiResult<T>> | null {
  const found = pending;
  if (!found || found.path !== path || found.token !== token) return null;
  pending = null;
  return found.answer as Promise<ApiResult<T>>;
}

/**
 * The answer started by `prefetchDebrief` for this path and token if it has already arrived,
 * taken once (as `takePrefetched` would); null while it is on its way, or for another page.
 */
export function takeArrived<T>(path: string, token: string): ApiResult<T> | null {
  const found = pending;
  if (!found?.settled || found.path !== path || found.token !== token) return null;
  pending = null;
  return found.settled as ApiResult<T>;
}
