import { useEffect, useState } from 'react';
import type { ClassMessage } from '@ecoute/protocol';
import { savedPlace } from '../classroom/learnerPlace.js';
import { connectClassroom } from '../socket/classroomSocket.js';
import { classOfCall } from './classReturn.js';

/**
 * On a call page opened from a group session page (`classOfCall`): the trainer's last message to
 * the class. The page holds the learner's class connection (her place kept in this browser, for
 * that class) as her group session page does, so that a message sent while she is in her call
 * reaches her there; on connecting, the server sends the round's last message again if it is
 * recent. Nothing on any other call page (a role link opened elsewhere, the trainer's listening).
 * The connection says nothing else here: her role and the refusals are the group page's business.
 */
export function useClassMessage(sessionId: string | undefined): ClassMessage | null {
  const [message, setMessage] = useState<ClassMessage | null>(null);
  const classId = sessionId ? classOfCall(sessionId) : null;
  useEffect(() => {
    const place = savedPlace();
    if (!classId || place?.classId !== classId) return;
    const connection = connectClassroom(
      { classId, learnerToken: place.token },
      {
        message: (m) =>
          // The same one again (a reconnection's): kept as it is, not shown anew.
          setMessage((held) => (held && held.at === m.at && held.text === m.text ? held : m)),
        status: (s) => {
          // A token that opens nothing any more (her place taken back or freed): no retrying.
          if (typeof s === 'object') connection.close();
        },
      },
    );
    return () => connection.close();
  }, [classId]);
  return message;
}

/** Whether the call `sessionId` is one of a group session opened from its page (its messages may come). */
export function isClassCall(sessionId: string | undefined): boolean {
  return sessionId ? classOfCall(sessionId) !== null : false;
}
