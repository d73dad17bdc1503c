// React on a debrief link's page: the debrief link's small app (`DebriefApp`) mounted in `#root`.
// Loaded by the debrief's entry once the lanes were painted without it (`debriefEntry.ts`):
// React's evaluation and first render come after the lanes are on screen, and its chunks do not
// share the connections with the debrief's answer and the early paint's few files.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DebriefApp } from './DebriefApp.js';

/** Mounts the page in `root`; React's first commit replaces the early paint there, whole. */
export function mountDebrief(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <DebriefApp />
    </StrictMode>,
  );
}
