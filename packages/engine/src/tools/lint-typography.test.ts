// The lint's messages are French that the studio shows to trainers: the same typography as the
// client's catalogue (client/src/i18n/catalogue.test.ts), a non-breaking space before « : ; ? ! »
// and inside « », so that no line of the studio's list starts with a colon or a lone guillemet.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { stringify } from 'yaml';
import { testScenarioInput } from '../testing/fixtures.js';
import type { ScenarioInput } from '../scenario/schema.js';
import { frenchTypographyProblems } from './french-typography.js';
import { lintFiles, lintScenario } from './lint.js';

const problems = frenchTypographyProblems;

/** The files whose strings end up in a lint issue's message, the studio's schema hints or a refusal. */
const MESSAGE_SOURCES = [
  'scenario/parse.ts',
  'scenario/yaml-errors.ts',
  'scenario/references.ts',
  'scenario/schema.ts',
  'scenario/json-schema.ts',
  'tools/lint.ts',
  'tools/lint-fidelity.ts',
  'tools/lint-speech.ts',
  'tools/lint-template.ts',
  'messages.ts',
  'tools/play-throughs.ts',
  'tools/test-runner.ts',
  'run/call-run.ts',
];

/** Every string literal of a source file, a template's expressions written `{x}`; regexes left out. */
function stringsOf(path: string): { line: number; text: string }[] {
  const text = readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && node.expression.getText(file) === 'RegExp') return;
    let pieces: string[] | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) pieces = [node.text];
    else if (ts.isTemplateExpression(node))
      pieces = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
    if (pieces)
      found.push({
        line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        text: pieces.join('{x}'),
      });
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const lintOf = (edit: (s: ScenarioInput) => void) => {
  const input = testScenarioInput();
  edit(input);
  return lintScenario('appel-test.yaml', stringify(input)).issues;
};

describe("the lint's French typography", () => {
  it('puts a non-breaking space before : ; ? ! and inside « » in every message of the engine', () => {
    const strings = MESSAGE_SOURCES.flatMap((path) =>
      stringsOf(path).map((s) => ({ ...s, at: `${path}:${s.line}` })),
    );
    // The scan reads the messages themselves (75 quote something in « »), not only those a test
    // triggers.
    expect(strings.filter((s) => s.text.includes('«')).length).toBeGreaterThan(60);
    const bad = strings.flatMap((s) => problems(s.text).map((p) => `${s.at}: ${p}: ${s.text}`));
    expect(bad).toEqual([]);
  });

  it('holds in the messages a broken call actually gets', () => {
    const issues = [
      ...lintOf((s) => {
        (s.machine.states['debut']!.entry as { params: { line: string } }[])[0]!.params.line = 'inconnue';
      }),
      ...lintOf((s) => {
        s.variables['fatigue'] = { label: 'Fatigue', min: 0, max: 10, initial: 0 };
        s.lines['jamais_dite'] = { text: 'Personne ne me dit.' };
        s.moves['danser'] = { label: 'Danser', category: 'action', help: 'Jamais proposée.' };
        delete s.rubric;
      }),
      ...lintOf((s) => {
        (s as { version: unknown }).version = 'zéro';
      }),
      ...lintFiles([{ path: 'appel-test.yaml', text: 'id: x\nid: y\n' }]),
    ];
    expect(issues.length).toBeGreaterThan(4);
    const bad = issues.flatMap((i) => problems(i.message).map((p) => `${i.code}: ${p}: ${i.message}`));
    expect(bad).toEqual([]);
  });

  it('catches a missing one', () => {
    expect(problems('état « accueil » : initial manquant')).toEqual([
      'espace ordinaire avant : ; ? ! »',
      'espace ordinaire après «',
      '« sans espace insécable',
    ]);
    expect(problems('état «\u00a0accueil\u00a0»\u00a0: initial manquant\u202f; voir')).toEqual([]);
  });
});
