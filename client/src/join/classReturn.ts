// Where a call page of a group session was opened from: the learner's group session page
// (`/classe`), where the next round's role and the trainer's messages arrive. The call link
// (classroom.join.open) leaves that page in the same tab; at the end of the call, the call page
// links back to it (`ClassReturnLink`). Kept in this browser per session, as the display name is.

const keyOf = (sessionId: string) => `ecoute.classReturn.${sessionId}`;

/** The session id of a role link (`/listener/<id>#k=…`), or null. */
export function sessionIdOfLink(link: string): string | null {
  const [, role, sessionId] = link.split('#')[0]!.split('/');
  return role && sessionId ? sessionId : null;
}

/** Remembers that the call of `link` was opened from the group session page at `back`. */
export function rememberClassReturn(link: string, back: string): void {
  const sessionId = sessionIdOfLink(link);
  if (sessionId) localStorage.setItem(keyOf(sessionId), back);
}

/** The group session page the call `sessionId` was opened from, if it was. */
export function classReturnOf(sessionId: string): string | null {
  const back = localStorage.getItem(keyOf(sessionId));
  // Only a path of this site (never a link elsewhere written in the store).
  return back?.startsWith('/classe') ? back : null;
}
