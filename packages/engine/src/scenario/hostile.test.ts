// Hostile scenario text, as the issue lists it: each refused with a coded error, in bounded time,
// and nothing here ever throws (the server parses author text with these functions).
import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { testScenarioInput } from '../testing/fixtures.js';
import { lintFiles } from '../tools/lint.js';
import { parsePlayThroughs } from '../tools/play-throughs.js';
import { parseScenario } from './parse.js';

/** A guard against an expanded or exponential input (minutes, or the process's memory), not a speed
 * limit: generous enough for a busy machine. */
const GUARD_MS = 15_000;

/** Runs `fn` and checks it took less than `ms`. */
function bounded<T>(ms: number, fn: () => T): T {
  const started = performance.now();
  const value = fn();
  expect(performance.now() - started).toBeLessThan(ms);
  return value;
}

const codes = (text: string) => {
  const result = parseScenario(text);
  return result.ok ? [] : result.errors.map((e) => e.code);
};

describe('hostile scenario text', () => {
  it('a 50 MB file is refused by its size before parsing', () => {
    const text = `id: x\nsummary: "${'a'.repeat(50 * 1024 * 1024)}"\n`;
    expect(bounded(GUARD_MS, () => codes(text))).toEqual(['scenario/too_large']);
    const tests = bounded(GUARD_MS, () => parsePlayThroughs(text));
    expect(tests.ok ? [] : tests.errors.map((e) => e.code)).toEqual(['scenario/too_large']);
  });

  it('a YAML alias bomb is refused', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghijkl';
    for (let i = 1; i < names.length; i++)
      lines.push(
        `${names[i]}: &${names[i]} [${Array(10)
          .fill(`*${names[i - 1]}`)
          .join(',')}]`,
      );
    expect(bounded(GUARD_MS, () => codes(lines.join('\n')))).toEqual(['scenario/aliases']);
  });

  it('10,000 nested arrays are refused (flow and block styles)', () => {
    const flow = `machine: ${'['.repeat(10_000)}1${']'.repeat(10_000)}\n`;
    expect(bounded(GUARD_MS, () => codes(flow))).toEqual(['scenario/too_deep']);
    const block = `machine:\n  ${'- '.repeat(10_000)}1\n`;
    expect(bounded(GUARD_MS, () => codes(block))).toEqual(['scenario/too_deep']);
    // Indented block nesting grows quadratically: 1,000 levels already weigh 500 kB.
    let indented = 'machine:\n';
    for (let i = 1; i <= 1000; i++) indented += `${' '.repeat(i)}- x:\n`;
    expect(bounded(GUARD_MS, () => codes(indented))).toEqual(['scenario/too_deep']);
  });

  it('an unknown action name is refused with its name and place', () => {
    const input = testScenarioInput();
    (input.machine.states['debut']!.entry as unknown[]).push({
      type: 'executer',
      params: { code: 'rm -rf /' },
    });
    const result = bounded(GUARD_MS, () => parseScenario(stringify(input)));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]).toMatchObject({ code: 'scenario/schema', line: expect.any(Number) });
      expect(result.errors[0]!.message).toContain('« executer »');
    }
  });

  it('an `always` cycle is refused', () => {
    const input = testScenarioInput();
    input.machine.states['debut']!.always = { target: 'fin_ok' };
    input.machine.states['debut']!.always = { target: 'milieu' };
    input.machine.states['milieu']!.always = { target: 'debut' };
    expect(bounded(GUARD_MS, () => codes(stringify(input)))).toEqual(['scenario/cycle']);
  });

  it('parseScenario and parsePlayThroughs never throw on random text (fast-check)', () => {
    const yamlish = fc
      .array(
        fc.constantFrom(
          ' ',
          '\n',
          ':',
          '- ',
          '[',
          ']',
          '{',
          '}',
          '&a ',
          '*a',
          '!!',
          '|',
          '>',
          "'",
          '"',
          '#',
          '%',
          '@',
          '`',
          ',',
          '?',
          'id',
          'machine',
          'states',
          'on',
          'after',
          'type',
          'params',
          'say',
          'end',
          'final',
          '1e309',
          '-0',
          'null',
          '~',
          '\t',
          '\u0000',
          '\uFEFF',
          'é',
          '…',
          '---',
          '...',
        ),
        { maxLength: 120 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), yamlish),
        (text) => {
          const scenario = parseScenario(text, 'x.yaml');
          const tests = parsePlayThroughs(text, 'x.tests.yaml');
          expect(typeof scenario.ok).toBe('boolean');
          expect(typeof tests.ok).toBe('boolean');
          if (!scenario.ok) expect(scenario.errors.length).toBeGreaterThan(0);
          expect(() =>
            lintFiles([
              { path: 'x.yaml', text },
              { path: 'x.tests.yaml', text },
            ]),
          ).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });
});
