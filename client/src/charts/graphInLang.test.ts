// The graph's arrows in the page's language: what every drawing and list of the graph reads.
import { describe, expect, it } from '@jest/globals';
import { parseScenario, scenarioGraphModel, type ScenarioGraph } from '@ecoute/engine';
import { readFileSync } from 'node:fs';
import { graphInLang } from './graphInLang.js';

const TUTORIAL = readFileSync(new URL('../../../scenarios/appel-entrainement.yaml', import.meta.url), 'utf8');

describe('graphInLang', () => {
  const parsed = parseScenario(TUTORIAL);
  if (!parsed.ok) throw new Error('the tutorial call does not parse');
  const graph = scenarioGraphModel(parsed.scenario);
  const labels = (g: ScenarioGraph, kind: string) =>
    g.edges.filter((edge) => edge.kind === kind).map((edge) => edge.label);

  it('words the timed, automatic and guarded arrows in English on an English page', () => {
    const english = graphInLang(graph, 'en');
    expect(new Set(labels(english, 'after'))).toEqual(new Set(['after 20 s']));
    expect(labels(english, 'always')).toContain('automatic [Détresse ≥ 9]');
    expect(labels(english, 'say')).toEqual(['the listener acts or speaks']);
    expect(english.edges.map((edge) => edge.label)).toContain(
      'Guider pas à pas [“besoin compris (reformulé)”]',
    );
  });

  it('keeps the French labels on a French page, and an edge without a message as it is', () => {
    expect(graphInLang(graph, 'fr').edges.map((edge) => edge.label)).toEqual(
      graph.edges.map((edge) => edge.label),
    );
    expect(new Set(labels(graph, 'after'))).toEqual(new Set(['après 20 s']));
    const byHand: ScenarioGraph = {
      nodes: [],
      edges: [{ id: 'e', source: 'a', target: 'b', label: 'Se présenter', kind: 'move' }],
    };
    expect(graphInLang(byHand, 'en')).toBe(byHand);
  });
});
