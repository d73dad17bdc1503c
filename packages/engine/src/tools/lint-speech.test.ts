import { describe, it, expect } from '@jest/globals';
import { stringify } from 'yaml';
import { testScenario } from '../testing/fixtures.js';
import { lintScenario } from './lint.js';
import { SpeechLintCode } from './lint-speech.js';

const missing = (edit: Parameters<typeof testScenario>[0]) =>
  lintScenario('s.yaml', stringify(testScenario(edit))).issues.filter(
    (i) => i.code === SpeechLintCode.MissingExamples,
  );
const phrases = ['Je vous écoute.', 'Prenez votre temps.'];

describe('free-speech lint', () => {
  it('warns once for a call whose moves have no example phrases, and says where to add them', () => {
    const issues = missing(() => {});
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'warning', line: expect.any(Number) });
    expect(issues[0]!.message).toMatch(/^aucune action n'a de phrases exemples/);
    expect(issues[0]!.message).toContain("seules les phrases qui reprennent le nom d'une action");
    expect(issues[0]!.message).toContain('Phrases exemples (parole libre)');
  });

  it('counts them when most moves have none', () => {
    const issues = missing((s) => (s.moves['ecouter']!.examples = phrases));
    expect(issues.map((i) => i.message.split('\u00a0:')[0])).toEqual([
      "3 actions sur 4 n'ont pas de phrases exemples",
    ]);
  });

  it('names each move without them when most have some, at its place in the text', () => {
    const issues = missing((s) => {
      s.moves['ecouter']!.examples = phrases;
      s.moves['informer']!.examples = phrases;
      s.moves['agir']!.examples = ['   '];
    });
    expect(issues.map((i) => i.message.split('\u00a0:')[0])).toEqual([
      "action «\u00a0Agir\u00a0» sans phrases exemples",
      "action «\u00a0Jamais\u00a0» sans phrases exemples",
    ]);
    expect(new Set(issues.map((i) => i.line)).size).toBe(2);
  });

  it('says nothing when every move has some', () => {
    expect(
      missing((s) => {
        for (const move of Object.values(s.moves)) move.examples = phrases;
      }),
    ).toEqual([]);
  });
});
