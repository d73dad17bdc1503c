import { describe, expect, it } from '@jest/globals';
import { SpeechMatcher, UNDERSTOOD_THRESHOLD } from './matcher.js';
import { fold, tokenize } from './normalize.js';

const moves = {
  promettre: {
    label: "Lui promettre que tout s'arrangera",
    examples: ['Je vous promets que tout va bien se passer.', 'Je vous garantis que la mutuelle acceptera.'],
  },
  rassurer: {
    label: 'Rassurer sans promettre',
    examples: [
      'On va regarder ensemble ce qui est possible.',
      'Je ne peux pas vous promettre le résultat, mais on cherche ensemble.',
    ],
  },
  demander_lieu: {
    label: 'Demander où il est',
    examples: ['Où êtes-vous en ce moment ?', 'Quelle est votre adresse ?'],
  },
  reformuler: { label: 'Reformuler', examples: ['Si je comprends bien, vous devez envoyer des papiers.'] },
  valider_emotion: { label: "Valider l'émotion", examples: ['Vous avez peur, c’est normal.'] },
};
const offered = Object.keys(moves);

describe('French normalisation', () => {
  it('folds case and accents and splits elisions', () => {
    expect(fold('ÉLÈVE Noël ça')).toBe('eleve noel ca');
    expect(tokenize("J'ai compris l'adresse").map((t) => t.word)).toEqual(['compris', 'adresse']);
  });

  it('stems inflections to one feature (promettre, promets, promis)', () => {
    const feature = (w: string) => tokenize(w)[0]!.feature;
    expect(feature('promettre')).toBe(feature('promets'));
    expect(feature('garantis')).toBe(feature('promettre'));
  });

  it('marks the words under a negation', () => {
    const features = tokenize('Je ne peux pas vous promettre ça').map((t) => t.feature);
    expect(features).toContain('NEG');
    expect(features.some((f) => f.startsWith('!prom'))).toBe(true);
    expect(features.some((f) => f === tokenize('promettre')[0]!.feature)).toBe(false);
  });
});

describe('SpeechMatcher', () => {
  const matcher = new SpeechMatcher(moves);

  it('reads a paraphrase of an example as its move, with a runner-up', () => {
    const reading = matcher.match('Je vous jure que tout va bien se passer', offered);
    expect(reading.move).toBe('promettre');
    expect(reading.score).toBeGreaterThanOrEqual(UNDERSTOOD_THRESHOLD);
    expect(reading.runnerUp?.move).not.toBe('promettre');
  });

  it('does not read a negated promise as a promise', () => {
    const reading = matcher.match('Je ne peux pas vous promettre que la mutuelle dira oui', offered);
    expect(reading.move).toBe('rassurer');
  });

  it('uses synonyms: « inquiet » is read like « peur »', () => {
    expect(matcher.match('Vous êtes inquiet, je comprends', offered).move).toBe('valider_emotion');
  });

  it('repairs typos and missing accents', () => {
    expect(matcher.match('ou etes vous en ce momment ?', offered).move).toBe('demander_lieu');
  });

  it('only reads moves that are offered', () => {
    const reading = matcher.match('Je vous promets que tout ira bien', ['rassurer', 'reformuler']);
    expect(reading.move).not.toBe('promettre');
  });

  it('scores nothing it cannot relate (below the threshold)', () => {
    const reading = matcher.match('Les girafes mangent des acacias.', offered);
    expect(reading.score).toBeLessThan(UNDERSTOOD_THRESHOLD);
  });

  it('is deterministic: same sentence, same moves, same reading, whatever was matched before', () => {
    const first = new SpeechMatcher(moves).match('Si je comprends bien, vous avez peur', offered);
    matcher.match('Où êtes-vous ?', offered);
    expect(matcher.match('Si je comprends bien, vous avez peur', offered)).toEqual(first);
  });
});
