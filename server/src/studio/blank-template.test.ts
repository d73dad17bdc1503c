import { describe, expect, it } from '@jest/globals';
import { frenchTypographyProblems, lintScenario } from '@ecoute/engine';
import { blankScenarioYaml } from './blank-template.js';

describe('blank template', () => {
  it('lints without an error nor a warning, so a new call starts clean', () => {
    expect(
      lintScenario('nouvel-appel.yaml', blankScenarioYaml('nouvel-appel', 'Nouvel appel')).issues,
    ).toEqual([]);
  });

  it('keeps French typography in every text and comment, as the built-in calls do', () => {
    const yaml = blankScenarioYaml('nouvel-appel', 'Nouvel appel');
    const { scenario } = lintScenario('nouvel-appel.yaml', yaml);
    const texts: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === 'string') texts.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(scenario);
    // The comments a trainer reads in the editor too.
    texts.push(...yaml.split('\n').filter((line) => line.trimStart().startsWith('#')));
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.filter((text) => frenchTypographyProblems(text).length > 0)).toEqual([]);
  });
});
