// The engine's words (the graph's arrows, the lint's problems) in the page's language: every code
// the engine may write has its French and English text, the French the engine's own (French pages
// read what they read before), and a code the catalogue lacks keeps the engine's French.
import { describe, expect, it } from '@jest/globals';
import {
  ENGINE_MESSAGE_CODES,
  ENGINE_MESSAGES,
  frenchText,
  lintScenario,
  parseScenario,
  scenarioGraphModel,
  type EngineMessage,
} from '@ecoute/engine';
import { readFileSync } from 'node:fs';
import { registerCatalogue } from './catalogue.js';
import { engineText } from './engineText.js';
import { en } from './en.js';
import { fr, type MessageKey } from './fr.js';

const TUTORIAL = readFileSync(new URL('../../../scenarios/appel-entrainement.yaml', import.meta.url), 'utf8');

/** The tutorial call with a state nothing leads to, a move never offered and a timed arrow. */
const BROKEN = TUTORIAL.replace(
  /^moves:\n/m,
  'moves:\n  danser: { label: Danser, category: action, help: Jamais proposée., examples: [On danse ?] }\n',
).replace(
  /^ {2}states:\n/m,
  "  states:\n    orphelin:\n      label: 'Orphelin'\n      on: { reformuler: { target: accueil } }\n",
);

describe("the catalogue's words for the engine's codes", () => {
  it('has every code of the engine in French and in English', () => {
    const missing = ENGINE_MESSAGE_CODES.flatMap((code) =>
      (['fr', 'en'] as const).flatMap((lang) =>
        `engine.${code}` in (lang === 'fr' ? fr : en) ? [] : [`${lang} engine.${code}`],
      ),
    );
    expect(missing).toEqual([]);
  });

  it('says in French exactly what the engine says: French pages do not change', () => {
    const differ = ENGINE_MESSAGE_CODES.filter(
      (code) => fr[`engine.${code}` as MessageKey] !== ENGINE_MESSAGES[code],
    );
    expect(differ).toEqual([]);
  });

  it('has no engine key the engine does not write', () => {
    const codes = new Set<string>(ENGINE_MESSAGE_CODES);
    const stray = Object.keys(fr).filter((key) => key.startsWith('engine.') && !codes.has(key.slice(7)));
    expect(stray).toEqual([]);
  });
});

describe('engineText', () => {
  const { issues, scenario } = lintScenario('appel.yaml', BROKEN);
  const edges = scenarioGraphModel(scenario!).edges;

  it('words a lint problem and a timed arrow in English on an English page', () => {
    const unreachable = issues.find((issue) => issue.code === 'lint/unreachable_state');
    expect(engineText('en', unreachable!.text!)).toBe(
      'state “Orphelin” unreachable: no transition leads to it',
    );
    const neverOffered = issues.find((issue) => issue.code === 'lint/move_never_offered');
    expect(engineText('en', neverOffered!.text!)).toBe(
      'move “Danser” never offered: no reachable state reacts to it',
    );
    const timed = edges.find((edge) => edge.kind === 'after');
    expect(engineText('en', timed!.text!)).toBe('after 20 s');
    const guarded = edges.find((edge) => edge.label.includes('['));
    expect(engineText('en', guarded!.text!)).toBe('Guider pas à pas [“besoin compris (reformulé)”]');
  });

  it('words them in French as the engine does', () => {
    expect(issues.length).toBeGreaterThan(1);
    for (const issue of issues) expect(engineText('fr', issue.text!)).toBe(issue.message);
    for (const edge of edges) expect(engineText('fr', edge.text!)).toBe(edge.label);
  });

  it("words a text that does not read in English: yaml's and zod's own English, the engine's codes", () => {
    const english = (text: string) => {
      const parsed = parseScenario(text);
      if (parsed.ok) throw new Error('it read');
      return parsed.errors.map((issue) => engineText('en', issue.text!));
    };
    expect(english(TUTORIAL.replace('  allo:', '\tallo:'))[0]).toMatch(/^Invalid YAML: Tabs are not allowed/);
    expect(english(TUTORIAL.replace('locale: fr-FR', 'locale: fr-FR\nlocale: fr-FR'))).toEqual([
      'Invalid YAML: key “locale” twice (each key once per block)',
    ]);
    expect(english(TUTORIAL.replace('durationMinutes: 8', 'durationMinutes: huit'))).toEqual([
      'Invalid input: expected number, received string',
    ]);
    expect(
      english(TUTORIAL.replace('{ type: say, params: { line: sonnette } }', '{ type: chanter }')),
    ).toEqual(['unknown action “chanter”: allowed actions: say, adjust, set, flag, cue, note, end']);
    // In French, the same issues read as the engine wrote them.
    const broken = parseScenario(TUTORIAL.replace('durationMinutes: 8', 'durationMinutes: huit'));
    expect(!broken.ok && broken.errors.map((issue) => engineText('fr', issue.text!))).toEqual(
      !broken.ok && broken.errors.map((issue) => issue.message),
    );
  });

  it('keeps the engine’s French for a code the catalogue lacks', () => {
    const { 'engine.graph.after.seconds': _dropped, ...rest } = en;
    registerCatalogue('en', rest as typeof en);
    try {
      const timed: EngineMessage = { code: 'graph.after.seconds', params: { seconds: 20 } };
      const guarded: EngineMessage = { code: 'graph.guarded', params: { trigger: timed, guard: 'x' } };
      expect(engineText('en', guarded)).toBe(`${frenchText(timed)} [x]`);
    } finally {
      registerCatalogue('en', en);
    }
  });
});
