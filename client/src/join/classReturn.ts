// Where a call page of a group session was opened from: the learner's group session page
// (`/classe`), where the next round's role and the trainer's messages arrive. The call link
// (classroom.join.open) leaves that page in the same tab; at the end of the call, the call page
// links back to it (`ClassReturnLink`), and all along it shows the trainer's messages to the class
// (`ClassMessageNotice`, through the class it remembers here). Kept in this browser per session,
// as the display name is.
import { roleLinkOf } from '@ecoute/protocol';

const keyOf = (sessionId: string) => `ecoute.classReturn.${sessionId}`;

/** What a group session's call remembers of the group session page it was opened from. */
interface ClassReturn {
  /** The page's path (`/classe?code=…`). */
  back: string;
  /** Its class (null when remembered by an earlier version, which kept the path alone). */
  classId: string | null;
}

/** Remembers that the call of `link` was opened from the page at `back` of the class `classId`. */
export function rememberClassReturn(link: string, back: string, classId: string): void {
  const sessionId = roleLinkOf(link)?.sessionId;
  if (!sessionId) return;
  try {
    localStorage.setItem(keyOf(sessionId), JSON.stringify({ back, classId }));
  } catch {
    // A browser that keeps nothing: the call page will simply not link back.
  }
}

/**
 * The stored text, or null where the page may not read the storage at all: a call page in a
 * platform's iframe (an LTI launch) whose browser blocks a third party's storage throws on any
 * access, and every call page asks this from its first render.
 */
function storedReturn(sessionId: string): string | null {
  try {
    return localStorage.getItem(keyOf(sessionId));
  } catch {
    return null;
  }
}

function remembered(sessionId: string): ClassReturn | null {
  const stored = storedReturn(sessionId);
  if (stored === null) return null;
  let found: ClassReturn;
  try {
    const read = JSON.parse(stored) as Partial<ClassReturn> | null;
    found = {
      back: String(read?.back ?? ''),
      classId: typeof read?.classId === 'string' ? read.classId : null,
    };
  } catch {
    found = { back: stored, classId: null };
  }
  // Only a path of this site (never a link elsewhere written in the store).
  return found.back.startsWith('/classe') ? found : null;
}

/** The group session page the call `sessionId` was opened from, if it was. */
export function classReturnOf(sessionId: string): string | null {
  return remembered(sessionId)?.back ?? null;
}

/** The class whose group session page the call `sessionId` was opened from, if it was. */
export function classOfCall(sessionId: string): string | null {
  return remembered(sessionId)?.classId ?? null;
}
