import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { compileScenario } from '../scenario/compile.js';
import { parseScenario } from '../scenario/parse.js';
import { testScenario } from '../testing/fixtures.js';
import { pathsToEndings } from './explore.js';

const tutorial = () => {
  const parsed = parseScenario(
    readFileSync(new URL('../../../../scenarios/appel-entrainement.yaml', import.meta.url), 'utf8'),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return compileScenario(parsed.scenario);
};

describe('pathsToEndings', () => {
  it('finds the shortest path to every ending of the tutorial call, timers included', () => {
    const result = pathsToEndings(tutorial());
    expect(result.unreached).toEqual([]);
    const byEnding = Object.fromEntries(result.paths.map((p) => [p.ending, p]));
    expect(
      byEnding['connectee']!.inputs.map((i: { input: { kind: string; move?: string } }) =>
        i.input.kind === 'move' ? i.input.move : i.input.kind,
      ),
    ).toEqual([
      'pickup',
      'se_presenter',
      'reformuler',
      'guider_pas_a_pas',
      'guider_pas_a_pas',
      'guider_pas_a_pas',
    ]);
    expect(byEnding['rappel']!.length).toBe(3);
    // Hanging up right after the pickup ends on the listener's own ending; the caller hangs up
    // herself after three hurried steps (pickup, introduction, three times « guider » too fast).
    expect(byEnding['raccroche_ecoutant']!.length).toBe(2);
    expect(byEnding['raccroche']!.length).toBe(5);
    expect(result).toMatchObject({ method: 'xstate-graph', complete: true });
  });

  it('falls back to an early-stopping search when the space exceeds the limit', () => {
    const result = pathsToEndings(tutorial(), { limit: 5 });
    expect(result.method).toBe('bfs');
    expect(result.unreached).toEqual([]);
    expect(result.paths.find((p) => p.ending === 'connectee')!.length).toBe(6);
  });

  it('reaches the fixture endings, including the machine reacting to a hang-up', () => {
    const result = pathsToEndings(compileScenario(testScenario()));
    expect(result.paths.map((p) => [p.ending, p.length])).toEqual(
      expect.arrayContaining([['raccroche_machine', 2]]),
    );
  });
});
