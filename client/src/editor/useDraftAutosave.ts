// The draft saves itself: a moment after the last change (a form's edit at once, typing once it
// pauses), and when the author goes to another of the app's pages; closing or reloading the tab
// with a change not yet saved makes the browser ask first. An author who forgot « Enregistrer le
// brouillon » lost every edit on leaving the studio.
import { useCallback, useEffect, useRef } from 'react';

/** How long after the last change the draft is saved (ms). */
export const AUTOSAVE_MS = 1_500;

export interface DraftAutosave {
  /** The text the server now holds (loaded, or saved by hand): no need to save it again. */
  markSaved(text: string): void;
}

export function useDraftAutosave({
  enabled,
  text,
  currentText,
  save,
}: {
  /** Off for a read-only call, or a person who may not write it. */
  enabled: boolean;
  /** The page's text: it follows the editor once typing pauses, and every form's edit. */
  text: string;
  /** The editor's text now (the last keystrokes included). */
  currentText: () => string;
  /** Saves `text` as the draft; resolves whether the server took it. */
  save: (text: string) => Promise<boolean>;
}): DraftAutosave {
  const saved = useRef<string | null>(null);
  // Saves one after another, in the order of the changes.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const latest = useRef({ enabled, currentText, save });
  latest.current = { enabled, currentText, save };

  const saveNow = useCallback((next: string) => {
    const before = saved.current;
    if (before === null || next === before) return;
    saved.current = next;
    const { save: write } = latest.current;
    queue.current = queue.current.then(async () => {
      // Refused or lost: the next change (or leaving) tries again.
      if (!(await write(next)) && saved.current === next) saved.current = before;
    });
  }, []);

  useEffect(() => {
    if (!enabled || saved.current === null || text === saved.current) return;
    const timer = setTimeout(() => saveNow(latest.current.currentText()), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [enabled, text, saveNow]);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const { enabled: on, currentText: now } = latest.current;
      if (on && saved.current !== null && now() !== saved.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      // Leaving for another page of the app: what is not saved yet is saved now.
      if (latest.current.enabled) saveNow(latest.current.currentText());
    };
  }, [saveNow]);

  return useRef<DraftAutosave>({ markSaved: (next) => (saved.current = next) }).current;
}
