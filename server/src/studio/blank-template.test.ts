import { describe, expect, it } from '@jest/globals';
import { frenchTypographyProblems, lintScenario, TemplateLintCode } from '@ecoute/engine';
import { blankScenarioYaml } from './blank-template.js';

describe('blank template', () => {
  it('lints without an error; its only warnings are its placeholders, each to be written before publishing', () => {
    const { issues } = lintScenario('nouvel-appel.yaml', blankScenarioYaml('nouvel-appel', 'Nouvel appel'));
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(issues.map((i) => [i.code, i.text?.code])).toEqual([
      [TemplateLintCode.TemplateText, 'lint.template_text.summary'],
      [TemplateLintCode.TemplateText, 'lint.template_text.persona'],
      [TemplateLintCode.TemplateText, 'lint.template_text.background'],
    ]);
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
