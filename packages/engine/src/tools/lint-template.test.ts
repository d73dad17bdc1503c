// A call still saying what the blank template said: one warning per part left (the summary the
// trainers read in the list of calls, the caller the template gave, the caller's story), named
// and placed; a part written by the author says nothing; the library's calls say nothing.
import { describe, it, expect } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { frenchText, msg } from '../messages.js';
import { testScenario } from '../testing/fixtures.js';
import { lintScenario } from './lint.js';
import { parseScenario } from '../scenario/parse.js';
import { BLANK_TEMPLATE_TEXTS, checkTemplateTexts, TemplateLintCode } from './lint-template.js';

type Edit = Parameters<typeof testScenario>[0];
const templateIssues = (edit: Edit) =>
  lintScenario('s.yaml', stringify(testScenario(edit))).issues.filter(
    (i) => i.code === TemplateLintCode.TemplateText,
  );
const { summary, background, persona } = BLANK_TEMPLATE_TEXTS;
const asTemplate: Edit = (s) => {
  s.summary = summary;
  s.persona = { ...s.persona, ...persona, background };
};

describe('template lint', () => {
  it('warns about each placeholder of the blank template left, naming the part and the form to change it in', () => {
    const issues = templateIssues(asTemplate);
    expect(issues.map((i) => [i.severity, i.text])).toEqual([
      ['warning', msg('lint.template_text.summary')],
      ['warning', msg('lint.template_text.persona', { name: 'Camille', age: 40, place: 'Lyon' })],
      ['warning', msg('lint.template_text.background')],
    ]);
    // Each at its own line (the studio's « Aller au formulaire » reads the place there).
    expect(new Set(issues.map((i) => i.line)).size).toBe(3);
    expect(issues.map((i) => i.message)).toEqual(issues.map((i) => frenchText(i.text!)));
    const [ofSummary, ofPersona, ofStory] = issues.map((i) => i.message);
    expect(ofSummary).toMatch(/^résumé laissé tel que le modèle vierge/);
    expect(ofSummary).toContain(
      "onglet «\u00a0Personne\u00a0», partie «\u00a0L'appel\u00a0», champ «\u00a0Résumé\u00a0»",
    );
    expect(ofPersona).toContain('(Camille, 40 ans, Lyon)');
    expect(ofPersona).toContain('«\u00a0Prénom et nom\u00a0», «\u00a0Âge\u00a0» et «\u00a0Lieu\u00a0»');
    expect(ofStory).toContain('champ «\u00a0Son histoire\u00a0»');
  });

  it('says nothing of a part the author wrote (spaces around the template’s words do not hide them)', () => {
    expect(
      templateIssues((s) => {
        asTemplate(s);
        s.summary = `  ${summary}\n`;
        s.persona.background = 'Il a perdu ses lunettes.';
        // Another caller: one of the three changed is a choice.
        s.persona.age = 84;
      }).map((i) => i.text?.code),
    ).toEqual(['lint.template_text.summary']);
    expect(templateIssues(() => {})).toEqual([]);
  });

  // The whole lint of each, warnings included, is scenarios/src/library.test.ts's.
  it('finds nothing of the kind in the library’s calls', () => {
    const dir = new URL('../../../../scenarios/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.endsWith('.tests.yaml'));
    expect(files.length).toBeGreaterThan(5);
    const found: string[] = [];
    for (const file of files) {
      const parsed = parseScenario(readFileSync(new URL(file, dir), 'utf8'));
      if (!parsed.ok) throw new Error(`${file} does not parse`);
      checkTemplateTexts(parsed.scenario, (_severity, _code, text) =>
        found.push(`${file}: ${frenchText(text)}`),
      );
    }
    expect(found).toEqual([]);
  });
});
