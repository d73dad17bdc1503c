import { describe, expect, it } from '@jest/globals';
import { entryFor, type TimelineEntry } from '../timeline.js';

const reading: TimelineEntry = {
  seq: 4,
  t: 1_000,
  at: '2026-12-06T10:00:00.000Z',
  source: 'listener',
  kind: 'input',
  input: {
    kind: 'interpret',
    n: 0,
    text: 'Bonjour, je suis Louise.',
    move: 'se_presenter',
    score: 0.8,
    runnerUp: null,
    understood: true,
    offered: ['se_presenter', 'question_ouverte'],
  },
};

describe('entryFor', () => {
  it('keeps a reading’s moves offered for the trainer, and takes them out for every other role', () => {
    expect(entryFor('trainer', reading)).toBe(reading);
    const listener = entryFor('listener', reading);
    expect(listener).not.toHaveProperty('input.offered');
    expect(listener).toEqual({
      ...reading,
      input: { ...(reading as { input: object }).input, offered: undefined },
    });
    expect(JSON.stringify(listener)).not.toContain('question_ouverte');
    // One copy for all of them: roles that see the same entries still share one update.
    expect(entryFor('observer', reading)).toBe(listener);
    expect(entryFor('callerActor', reading)).toBe(listener);
    // The recorded entry itself is left as it was.
    expect(
      reading.kind === 'input' && reading.input.kind === 'interpret' && reading.input.offered,
    ).toHaveLength(2);
  });

  it('gives every other entry as it is', () => {
    const said: TimelineEntry = { ...reading, input: { kind: 'say', text: 'Bonjour.' } };
    expect(entryFor('listener', said)).toBe(said);
  });
});
