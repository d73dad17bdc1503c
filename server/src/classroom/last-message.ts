// Which of the trainer's messages a learner page that connects is sent again: the class's last
// message, if it was sent during the round under way and recently (`CLASS_MESSAGE_RECENT_MS`). A
// learner who opens her call page a minute after « on arrête dans 2 minutes » reads it there; a
// message from before this round (about the last one, or the break) or from long ago is not
// news any more.
import { CLASS_MESSAGE_RECENT_MS } from '@ecoute/protocol';
import type { ClassMessage } from '@ecoute/protocol';

/** `last` if it belongs to `round` (the class's round under way) and is recent at `now` (ms), else null. */
export function messageToReplay(last: ClassMessage | null, round: number, now: number): ClassMessage | null {
  if (!last || last.round !== round) return null;
  const age = now - Date.parse(last.at);
  // A message dated ahead of this clock (another process's, a little ahead) is still news.
  return Number.isNaN(age) || age > CLASS_MESSAGE_RECENT_MS ? null : last;
}
