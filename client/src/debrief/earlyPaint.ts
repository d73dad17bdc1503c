// On a debrief link, the lanes painted before React: once the debrief's answer (asked by the
// page's first script, `prefetchDebrief`) and the page's catalogue are in, `earlyLanes.ts` (a chunk
// of its own, loaded meanwhile) draws the page's first screen in the empty `#root`. The debrief's
// entry mounts React once that frame was presented (`paintLanesEarly` settles then), so React's
// evaluation and first render come after the lanes are on screen, not before.
import type { DebriefCompact } from '@ecoute/protocol';
import { loadCatalogue } from '../i18n/loadCatalogue.js';
import { storedLang } from '../i18n/storedLang.js';
import { peekPrefetched } from './prefetchDebrief.js';

let started: Promise<boolean> | null = null;

/** Two frames: the second starts once the first, which holds what was drawn, was presented. */
function framePresented(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

async function paint(rootOf: () => HTMLElement | null): Promise<boolean> {
  const answer = peekPrefetched<DebriefCompact>();
  if (!answer) return false;
  const lang = storedLang();
  const [result, early] = await Promise.all([answer, import('./earlyLanes.js'), loadCatalogue(lang)]);
  // A failed answer is the page's to tell; a page already there (React came first) stays.
  const root = rootOf();
  if (!result.ok || !root || root.childNodes.length > 0) return false;
  if (!early.paintEarlyLanes(root, result.data, lang)) return false;
  await framePresented();
  return true;
}

/**
 * Paints the lanes into the page's `#root` once (the second call gets the first's promise): true
 * once they were presented, false when nothing was painted (no answer asked, a failure, a page
 * already there). The page's first script calls it before the document is parsed: the root is
 * looked for once the answer is in.
 */
export function paintLanesEarly(
  rootOf: () => HTMLElement | null = () => document.getElementById('root'),
): Promise<boolean> {
  started ??= paint(rootOf).catch(() => false);
  return started;
}
