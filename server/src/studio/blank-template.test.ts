import { describe, expect, it } from '@jest/globals';
import { lintScenario } from '@ecoute/engine';
import { blankScenarioYaml } from './blank-template.js';

describe('blank template', () => {
  it('lints without an error nor a warning, so a new call starts clean', () => {
    expect(
      lintScenario('nouvel-appel.yaml', blankScenarioYaml('nouvel-appel', 'Nouvel appel')).issues,
    ).toEqual([]);
  });
});
