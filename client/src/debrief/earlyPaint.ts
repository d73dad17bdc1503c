// On a debrief link, the lanes painted before React: once the debrief's answer (asked by the
// page's first script, `prefetchDebrief`) and the page's catalogue are in, `earlyLanes.ts` (a chunk
// of its own, loaded meanwhile) draws the page's first screen in the empty `#root`. The debrief's
// entry mounts React once that frame was presented (`paintLanesEarly` settles then), so React's
// evaluation and first render come after the lanes are on screen, not before.
import type { DebriefCompact } from '@ecoute/protocol';
import { loadCatalogue } from '../i18n/loadCatalogue.js';
import { storedLang } from '../i18n/storedLang.js';
import type { ApiResult } from '../ui/requestJson.js';
import type { LanesContext } from './lanesPaint.js';
import { peekPrefetched } from './prefetchDebrief.js';

let started: Promise<boolean> | null = null;

/** Two frames: the second starts once the first, which holds what was drawn, was presented. */
function framePresented(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/**
 * Paints the lanes of `answer` into the root once it arrived: true once that frame was
 * presented; false, painting nothing, for a failed answer (the page tells it) or a root already
 * filled (React came first).
 */
export async function paintWhenArrived(
  answer: Promise<ApiResult<DebriefCompact>>,
  rootOf: () => HTMLElement | null,
  canvas2d?: (canvas: HTMLCanvasElement) => LanesContext | null,
): Promise<boolean> {
  const lang = storedLang();
  const [result, early] = await Promise.all([answer, import('./earlyLanes.js'), loadCatalogue(lang)]);
  const root = rootOf();
  if (!result.ok || !root || root.childNodes.length > 0) return false;
  if (!early.paintEarlyLanes(root, result.data, lang, canvas2d)) return false;
  await framePresented();
  return true;
}

/**
 * Paints the lanes of the answer `prefetchDebrief` started into the page's `#root`, once (the
 * second call gets the first's promise); false at once when no answer was started. The page's
 * first script calls it before the document is parsed: the root is looked for once the answer
 * is in.
 */
export function paintLanesEarly(): Promise<boolean> {
  const answer = peekPrefetched<DebriefCompact>();
  if (!answer) return Promise.resolve(false);
  started ??= paintWhenArrived(answer, () => document.getElementById('root')).catch(() => false);
  return started;
}
