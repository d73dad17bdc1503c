import { describe, it, expect } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { parseScenario } from '../scenario/parse.js';
import { testScenario } from '../testing/fixtures.js';
import { scenarioGraphModel } from './graph-model.js';

describe('scenarioGraphModel', () => {
  it('gives every state but the root as a node, with its parent and type', () => {
    const graph = scenarioGraphModel(testScenario());
    expect(graph.nodes.map((n) => [n.id, n.parent, n.type])).toEqual([
      ['debut', null, 'atomic'],
      ['milieu', null, 'parallel'],
      ['milieu.humeur', 'milieu', 'compound'],
      ['milieu.humeur.calme', 'milieu.humeur', 'atomic'],
      ['milieu.humeur.agitee', 'milieu.humeur', 'atomic'],
      ['milieu.tache', 'milieu', 'compound'],
      ['milieu.tache.attente', 'milieu.tache', 'atomic'],
      ['milieu.tache.fait', 'milieu.tache', 'atomic'],
      ['fin_ok', null, 'final'],
    ]);
    expect(graph.nodes.find((n) => n.id === 'milieu.humeur.calme')).toMatchObject({
      label: 'Calme',
      description: null,
    });
  });

  it('gives every transition as an edge, labelled in French, with its kind; null target for a reaction', () => {
    const graph = scenarioGraphModel(testScenario());
    const edge = (id: string) => graph.edges.find((e) => e.id === id);
    expect(edge('debut|ecouter|0')).toEqual({
      id: 'debut|ecouter|0',
      source: 'debut',
      target: 'milieu',
      label: 'Écouter',
      text: { code: 'graph.move', params: { label: 'Écouter' } },
      kind: 'move',
    });
    expect(edge('debut|after 1000|0')).toMatchObject({
      target: null,
      kind: 'after',
      label: 'après 1 s',
      text: { code: 'graph.after.seconds', params: { seconds: 1 } },
    });
    expect(edge('debut|hangup|0')).toMatchObject({ target: null, kind: 'hangup' });
    expect(edge('milieu.humeur.calme|bruit|0')).toMatchObject({
      target: 'milieu.humeur.agitee',
      kind: 'inject',
      label: '⚡ Bruit',
    });
    expect(edge('milieu|agir|0')?.label).toMatch(/^Agir \[/);
    // The guard as a message too: the studio words it in its page's language.
    expect(edge('milieu|agir|0')?.text).toMatchObject({
      code: 'graph.guarded',
      params: { trigger: { code: 'graph.move', params: { label: 'Agir' } }, guard: { code: 'condition.and' } },
    });
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
  });

  it('only references its own nodes (or the root), for every library scenario', () => {
    const dir = new URL('../../../../scenarios/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.endsWith('.tests.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const parsed = parseScenario(readFileSync(new URL(file, dir), 'utf8'), file);
      if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.errors)}`);
      const graph = scenarioGraphModel(parsed.scenario);
      const ids = new Set(graph.nodes.map((n) => n.id));
      expect(ids.has('')).toBe(false);
      for (const node of graph.nodes) if (node.parent !== null) expect(ids.has(node.parent)).toBe(true);
      for (const e of graph.edges) {
        expect(e.source === '' || ids.has(e.source)).toBe(true);
        if (e.target !== null) expect(ids.has(e.target)).toBe(true);
      }
      expect(graph.edges.length).toBeGreaterThan(0);
    }
  });
});
