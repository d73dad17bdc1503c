import { describe, it, expect } from '@jest/globals';
import { testScenario } from '../testing/fixtures.js';
import { scenarioGraph } from './graph.js';

describe('scenarioGraph', () => {
  const scenario = testScenario();

  it('draws Mermaid: composite and parallel states, initial and final markers, labelled edges', () => {
    const text = scenarioGraph(scenario, 'mermaid');
    expect(text.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(text).toContain('  [*] --> debut');
    expect(text).toContain('  state "milieu (parallèle)" as milieu {');
    // Regions of a parallel state are separated by `--`.
    expect(text).toMatch(
      /state "humeur" as milieu__humeur \{[\s\S]*\n {4}--\n {4}state "tache" as milieu__tache \{/,
    );
    expect(text).toContain('  fin_ok --> [*]');
    expect(text).toContain('  debut --> milieu : Écouter');
    expect(text).toContain('  debut --> debut : après 1 s');
    expect(text).toContain('  milieu__humeur__calme --> milieu__humeur__agitee : ⚡ Bruit');
    expect(text).toContain("  debut --> debut : l'écoutant·e raccroche");
    // Guards are spelled out; colons are escaped for Mermaid.
    expect(text).toContain('  milieu --> fin_ok : Agir [étape « Fait » déjà atteinte et « informe »');
    expect(text).not.toMatch(/ : .*:/);
  });

  it('draws DOT: clusters for nested states, dashed for delays and parallel regions', () => {
    const text = scenarioGraph(scenario, 'dot');
    expect(text.startsWith('digraph "call" {')).toBe(true);
    expect(text).toContain('subgraph "cluster_milieu" {');
    expect(text).toContain('label="milieu (parallèle)";');
    expect(text).toContain('subgraph "cluster_milieu.humeur" {');
    expect(text).toContain('"fin_ok" [label="fin_ok", shape=doublecircle];');
    expect(text).toContain('"debut" -> "milieu#" [label="Écouter", lhead="cluster_milieu"];');
    expect(text).toContain('"debut" -> "debut" [label="après 1 s", style=dashed, color=gray50];');
    expect(text.trim().endsWith('}')).toBe(true);
    // Balanced braces: the file is well formed.
    expect(text.split('{').length).toBe(text.split('}').length);
  });

  it('can leave out reactions that stay in their state', () => {
    expect(scenarioGraph(scenario, 'mermaid', { loops: false })).not.toContain('debut --> debut');
  });
});
