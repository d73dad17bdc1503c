import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@ecoute/protocol';
import { frenchTypographyProblems } from '@ecoute/engine';
import { errorMessageKey, placeholdersOf, translate } from './catalogue.js';
import { en } from './en.js';
import { fr, type MessageKey } from './fr.js';

describe('catalogues', () => {
  it('have the same keys in French and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it('have no empty text', () => {
    for (const [lang, catalogue] of Object.entries({ fr, en })) {
      for (const [key, text] of Object.entries(catalogue)) {
        expect({ lang, key, empty: text.trim() === '' }).toEqual({ lang, key, empty: false });
      }
    }
  });

  it('use the same placeholders in every language', () => {
    for (const key of Object.keys(fr) as MessageKey[]) {
      expect({ key, en: placeholdersOf(en[key]) }).toEqual({ key, en: placeholdersOf(fr[key]) });
    }
  });

  it('explain every error code of the protocol', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(errorMessageKey(code)).toBe(`error.${code}`);
    }
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('fr', 'link.copyLabel', { role: 'Écoutant·e' })).toBe('Copier le lien Écoutant·e');
    expect(translate('en', 'trainer.variables.value', { value: 3, max: 10 })).toBe('3 out of 10');
  });

  it('falls back to a generic message for an unknown error code', () => {
    expect(errorMessageKey('nope/never')).toBe('error.client/unknown');
    expect(errorMessageKey(undefined)).toBe('error.client/unknown');
  });
});

describe('English wording', () => {
  // A count out of a total reads « 2 of 5 steps done », not « 2 steps done of 5 ».
  it('puts « of {total} » right after the count', () => {
    const outOf = (Object.keys(en) as MessageKey[]).filter(
      (key) => en[key].includes('{count}') && en[key].includes('{total}'),
    );
    expect(outOf.length).toBeGreaterThan(0);
    expect(outOf.filter((key) => !en[key].includes('{count} of {total}'))).toEqual([]);
  });

  // A role has one name: the group session's sentence (« your role is … ») says the role page's.
  it('names each role in a sentence as its page does, in every language', () => {
    for (const catalogue of [fr, en]) {
      for (const role of ['listener', 'callerActor', 'observer'] as const) {
        expect(catalogue[`classroom.role.${role}`]).toBe(catalogue[`role.${role}`].toLowerCase());
      }
    }
  });

  // The glossary's English: the listener's acts are moves (« technique » is the French word).
  it('calls a listener’s act a move in the transcript', () => {
    expect(translate('en', 'entry.move', { label: 'Reformuler' })).toBe('Move: Reformuler');
  });

  // A learner's role in a round reads as a sentence: « you are the caller player », not « your role is caller player ».
  it('tells a learner their role with its article', () => {
    const role = en['classroom.role.callerActor'];
    expect(translate('en', 'classroom.join.heading.role', { round: 1, role })).toBe(
      'Round 1: you are the caller player',
    );
  });

  // English writes « 400% », French « 400 % »: no space before a percent sign in English.
  it('puts no space before a percent sign', () => {
    expect(
      Object.entries(en)
        .filter(([, text]) => /\s%/.test(text))
        .map(([key]) => key),
    ).toEqual([]);
  });

  // One English name per thing (shared/GLOSSARY.md and the role pages): the debrief, the caller player.
  it('says « debrief » and « caller player », never « debriefing » nor « caller actor »', () => {
    const strays = Object.entries(en).filter(([, text]) =>
      /debriefing|caller actor|\btechnique\b/i.test(text),
    );
    expect(strays.map(([key]) => key)).toEqual([]);
  });
});

describe('apostrophes', () => {
  // One apostrophe in every catalogue: the straight one ('), as most texts and the scenarios' texts
  // have it; a typographic one (U+2019) beside it reads as two spellings on the same page.
  it('use only the straight apostrophe, never the typographic one', () => {
    const curly = Object.entries({ fr, en }).flatMap(([lang, catalogue]) =>
      Object.entries(catalogue)
        .filter(([, text]) => text.includes('\u2019'))
        .map(([key]) => `${lang} ${key}`),
    );
    expect(curly).toEqual([]);
  });
});

describe('French typography', () => {
  // A non-breaking space before « : ; ? ! » and inside « » (the engine's rule, its lint's too).
  const problems = frenchTypographyProblems;

  it('puts a non-breaking space before : ; ? ! and inside « » in every French text', () => {
    const bad = Object.entries(fr).flatMap(([key, text]) =>
      problems(text).map((problem) => `${key}: ${problem}`),
    );
    expect(bad).toEqual([]);
  });

  it('catches a missing one', () => {
    expect(problems('Durée : 3 min')).toEqual(['espace ordinaire avant : ; ? ! »']);
    expect(problems('« Allô »')).toContain('espace ordinaire après «');
    expect(problems('Vraiment?')).toEqual(['; ? ! collé au mot']);
    expect(problems('Durée\u00a0: 3 min ; «\u00a0oui\u00a0»\u202f!')).toEqual([
      'espace ordinaire avant : ; ? ! »',
    ]);
    expect(problems('Durée\u00a0: 3 min\u202f; «\u00a0oui\u00a0»\u202f!')).toEqual([]);
  });
});
