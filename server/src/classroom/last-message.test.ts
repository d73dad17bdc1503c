// The trainer's last message sent again to a learner page that connects: only during the round it
// was sent in, and only while recent.
import { describe, expect, it } from '@jest/globals';
import { CLASS_MESSAGE_RECENT_MS } from '@ecoute/protocol';
import type { ClassMessage } from '@ecoute/protocol';
import { messageToReplay } from './last-message.js';

const sentAt = Date.parse('2026-12-07T14:30:00Z');
const message: ClassMessage = {
  text: 'On arrête dans 2 minutes.',
  at: new Date(sentAt).toISOString(),
  from: 'Dominique',
  round: 2,
};

describe('messageToReplay', () => {
  it('sends the last message again during its round while it is recent', () => {
    expect(messageToReplay(message, 2, sentAt + 60_000)).toBe(message);
    expect(messageToReplay(message, 2, sentAt + CLASS_MESSAGE_RECENT_MS)).toBe(message);
    // A process whose clock is a little behind the sender's.
    expect(messageToReplay(message, 2, sentAt - 500)).toBe(message);
  });

  it('not once it is old', () => {
    expect(messageToReplay(message, 2, sentAt + CLASS_MESSAGE_RECENT_MS + 1)).toBeNull();
  });

  it('not in another round than the one it was sent in, nor when there is none', () => {
    expect(messageToReplay(message, 3, sentAt + 1000)).toBeNull();
    expect(messageToReplay({ ...message, round: 0 }, 1, sentAt + 1000)).toBeNull();
    expect(messageToReplay(null, 2, sentAt)).toBeNull();
  });
});
