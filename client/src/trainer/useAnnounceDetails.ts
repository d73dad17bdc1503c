// The trainer's choice of what the call's log announces: lines, words, moves and injects
// (default), or also hidden variables, states and readings. Kept in this browser.
import { useState } from 'react';

const STORAGE_KEY = 'ecoute.trainer.announceDetails';

export function useAnnounceDetails(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    try {
      return window.localStorage.getItem(STORAGE_KEY) === 'on';
    } catch {
      return false;
    }
  });
  return [
    on,
    (next) => {
      setOn(next);
      try {
        window.localStorage.setItem(STORAGE_KEY, next ? 'on' : 'off');
      } catch {
        // Storage refused: the choice holds for this page.
      }
    },
  ];
}
