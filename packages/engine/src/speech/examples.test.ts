import { describe, expect, it } from '@jest/globals';
import { fewSpeechExamples, speechExampleCount } from './examples.js';
import { SpeechMatcher } from './matcher.js';

describe('example phrases for free speech', () => {
  it('counts the moves with a phrase that is not blank', () => {
    expect(
      speechExampleCount({
        a: { examples: ['Si je comprends bien…'] },
        b: { examples: ['  '] },
        c: { examples: [] },
        d: {},
      }),
    ).toEqual({ moves: 4, withExamples: 1 });
    expect(speechExampleCount({})).toEqual({ moves: 0, withExamples: 0 });
  });

  it('calls a call short of them when more than half of its moves have none', () => {
    expect(fewSpeechExamples({ moves: 8, withExamples: 0 })).toBe(true);
    expect(fewSpeechExamples({ moves: 8, withExamples: 3 })).toBe(true);
    expect(fewSpeechExamples({ moves: 8, withExamples: 4 })).toBe(false);
    expect(fewSpeechExamples({ moves: 8, withExamples: 8 })).toBe(false);
    expect(fewSpeechExamples({ moves: 0, withExamples: 0 })).toBe(false);
  });

  // What the session form and the lint tell the trainer, held against the matcher itself.
  it('is why a move without them is read only from a sentence that repeats its label', () => {
    const bare = { reformuler: { label: 'Reformuler' }, ecran: { label: "Demander ce qu'elle voit" } };
    const offered = Object.keys(bare);
    const matcher = new SpeechMatcher(bare);
    expect(matcher.match('Si je comprends bien, vous ne pouvez plus vous connecter ?', offered).move).toBe(
      null,
    );
    expect(matcher.match('Je vais reformuler', offered).move).toBe('reformuler');
    const taught = new SpeechMatcher({
      ...bare,
      reformuler: { label: 'Reformuler', examples: ['Si je comprends bien, vous êtes bloquée.'] },
    });
    expect(taught.match('Si je comprends bien, vous ne pouvez plus vous connecter ?', offered).move).toBe(
      'reformuler',
    );
  });
});
