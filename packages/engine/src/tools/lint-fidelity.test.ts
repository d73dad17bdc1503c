import { describe, it, expect } from '@jest/globals';
import { stringify } from 'yaml';
import { testScenario } from '../testing/fixtures.js';
import { lintScenario } from './lint.js';
import { FidelityLintCode } from './lint-fidelity.js';

const lint = (edit: Parameters<typeof testScenario>[0]) =>
  lintScenario('s.yaml', stringify(testScenario(edit))).issues;
const codes = (edit: Parameters<typeof testScenario>[0]) => lint(edit).map((i) => i.code);

describe('fidelity lint', () => {
  it('refuses a stage direction in spoken text, in a line or a variant, and points at it', () => {
    const issues = lint((s) => {
      const [first] = Object.values(s.lines);
      first!.text = '(souffle) Allô ?';
      first!.variants = ['Allô ?', 'Vous êtes là ? [il tousse]'];
    }).filter((i) => i.code === FidelityLintCode.SpokenDirection);
    expect(issues).toHaveLength(2);
    expect(issues.every((i) => i.severity === 'error' && i.line !== undefined)).toBe(true);
    expect(issues[0]!.message).toContain('« (souffle) »');
    expect(issues[0]!.message).toContain('direction');
  });

  it('accepts the direction in its own field', () => {
    expect(
      codes((s) => {
        const [first] = Object.values(s.lines);
        first!.direction = 'il souffle';
      }),
    ).not.toContain(FidelityLintCode.SpokenDirection);
  });

  it('checks the states the substance names, and asks for one when the rubric has « did not » criteria', () => {
    const rubric = [
      { id: 'c', label: 'C', criteria: [{ id: 'x', label: 'X', auto: { notMove: 'ecouter' } }] },
    ];
    expect(codes((s) => (s.rubric = rubric))).toContain(FidelityLintCode.MissingSubstance);
    const unknown = lint((s) => {
      s.rubric = rubric;
      s.substance = { reached: ['nulle_part'] };
    });
    expect(unknown.map((i) => i.code)).toContain(FidelityLintCode.SubstanceState);
    expect(unknown.map((i) => i.code)).not.toContain(FidelityLintCode.MissingSubstance);
    expect(
      codes((s) => {
        s.rubric = rubric;
        s.substance = { reached: ['milieu'] };
      }).filter((c) => c === FidelityLintCode.SubstanceState || c === FidelityLintCode.MissingSubstance),
    ).toEqual([]);
  });
});
