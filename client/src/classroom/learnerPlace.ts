// The learner's place in a group session, kept in this browser: what `POST /api/class-join`
// answered (the class, the pseudonym, the learner token). The group session page connects with it;
// so does a call page of the class's calls opened from that page (the trainer's messages reach
// it there: `join/useClassMessage`).
import type { ClassJoined } from '@ecoute/protocol';

const STORE_KEY = 'ecoute.class';

/** The place this browser holds, if any. */
export function savedPlace(): ClassJoined | null {
  try {
    return JSON.parse(localStorage.getItem(STORE_KEY) ?? 'null') as ClassJoined | null;
  } catch {
    return null;
  }
}

/** Kept for the next visit where the browser allows it (a refusal: the place lasts for this page). */
export function keepPlace(joined: ClassJoined): void {
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify(joined));
  } catch {
    // Storage refused (private browsing, a blocked iframe): nothing kept, nothing broken.
  }
}

export function forgetPlace(): void {
  try {
    localStorage.removeItem(STORE_KEY);
  } catch {
    // Nothing was kept where nothing may be.
  }
}
