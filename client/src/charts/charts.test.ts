import { describe, expect, it } from '@jest/globals';
import type { ScenarioGraph } from '@ecoute/engine';
import { observationEntry } from '../test/fixtures.js';
import { curveData } from './curveData.js';
import { formatBound, shareOf, sharesOf } from './curveScale.js';
import { LABEL_GAP, crossesLabel, freeLabelY, placeEndLabels, placeLabels } from './directLabels.js';
import { GraphProgress, edgeKey, highlightGraph, withAncestors, parentsOf } from './graphPath.js';
import { drawnEdges, layoutGraph, shortEdgeLabel } from './layoutGraph.js';

const graph: ScenarioGraph = {
  nodes: [
    { id: 'conversation', label: 'conversation', parent: null, type: 'compound', description: null },
    {
      id: 'conversation.accueil',
      label: 'accueil',
      parent: 'conversation',
      type: 'atomic',
      description: 'Il appelle.',
    },
    { id: 'conversation.crise', label: 'crise', parent: 'conversation', type: 'atomic', description: null },
    { id: 'conversation.fin', label: 'fin', parent: 'conversation', type: 'final', description: null },
    { id: 'alerte', label: 'alerte', parent: null, type: 'compound', description: null },
    { id: 'alerte.aucune', label: 'aucune', parent: 'alerte', type: 'atomic', description: null },
    { id: 'alerte.donnee', label: 'donnee', parent: 'alerte', type: 'atomic', description: null },
  ],
  edges: [
    {
      id: 'e1',
      source: 'conversation.accueil',
      target: 'conversation.crise',
      label: 'Se présenter',
      kind: 'move',
    },
    {
      id: 'e2',
      source: 'conversation.accueil',
      target: 'conversation.crise',
      label: 'après 20 s',
      kind: 'after',
    },
    {
      id: 'e3',
      source: 'conversation.crise',
      target: 'conversation.fin',
      label: 'Clôturer [drapeau « x » posé]',
      kind: 'move',
    },
    {
      id: 'e4',
      source: 'alerte.aucune',
      target: 'alerte.donnee',
      label: 'Alerter un·e collègue',
      kind: 'move',
    },
    { id: 'e5', source: 'conversation.crise', target: null, label: 'Reformuler', kind: 'move' },
    { id: 'e6', source: '', target: 'conversation.fin', label: 'Raccrocher', kind: 'hangup' },
  ],
};

const state = (seq: number, states: string[]) => observationEntry(seq, { kind: 'state', states }, 'system');

describe('the state graph', () => {
  it('prepared once (GraphProgress), gives at each point of the timeline what highlightGraph gives', () => {
    const entries = [
      state(1, ['conversation.accueil', 'alerte.aucune']),
      state(3, ['conversation.crise', 'alerte.aucune']),
      state(5, ['conversation.crise', 'alerte.donnee']),
      state(7, ['conversation.accueil', 'alerte.donnee']),
      state(9, ['conversation.fin', 'alerte.donnee']),
    ];
    const progress = new GraphProgress(graph, entries);
    const sorted = (set: Set<string>) => [...set].sort();
    for (let crossed = 0; crossed <= entries.length; crossed += 1) {
      const last = entries[crossed - 1];
      const current =
        last?.kind === 'observation' && last.observation.kind === 'state' ? last.observation.states : [];
      const expected = highlightGraph(graph, current, entries.slice(0, crossed));
      const found = progress.at(crossed, current);
      expect(sorted(found.active)).toEqual(sorted(expected.active));
      expect(sorted(found.visited)).toEqual(sorted(expected.visited));
      expect(sorted(found.taken)).toEqual(sorted(expected.taken));
    }
    expect(progress.at(5, ['conversation.fin']).visited.has('conversation.fin')).toBe(true);
    expect(progress.at(4, ['conversation.accueil']).visited.has('conversation.fin')).toBe(false);
  });

  it('highlights the active states with their parents, the visited ones and the transitions taken', () => {
    const entries = [
      state(1, ['conversation.accueil', 'alerte.aucune']),
      state(3, ['conversation.crise', 'alerte.aucune']),
      state(5, ['conversation.crise', 'alerte.donnee']),
    ];
    const highlight = highlightGraph(graph, ['conversation.crise', 'alerte.donnee'], entries);
    expect([...highlight.active].sort()).toEqual([
      'alerte',
      'alerte.donnee',
      'conversation',
      'conversation.crise',
    ]);
    expect(highlight.visited.has('conversation.accueil')).toBe(true);
    expect(highlight.visited.has('conversation.fin')).toBe(false);
    expect([...highlight.taken].sort()).toEqual([
      edgeKey('alerte.aucune', 'alerte.donnee'),
      edgeKey('conversation.accueil', 'conversation.crise'),
    ]);
  });

  it('knows every ancestor of a state', () => {
    expect([...withAncestors(['conversation.fin'], parentsOf(graph))]).toEqual([
      'conversation.fin',
      'conversation',
    ]);
  });

  it('draws one edge per pair of states, none for a reaction in place or from the root', () => {
    const edges = drawnEdges(graph);
    expect(edges.map((edge) => edge.key)).toEqual([
      'conversation.accueil->conversation.crise',
      'conversation.crise->conversation.fin',
      'alerte.aucune->alerte.donnee',
    ]);
    expect(edges[0]?.labels).toEqual(['Se présenter', 'après 20 s']);
    expect(shortEdgeLabel(['Clôturer [drapeau « x » posé]'])).toBe('Clôturer');
    expect(shortEdgeLabel(['x'.repeat(60)])).toHaveLength(48);
  });

  it('is laid out by ELK with nested states inside their parent', async () => {
    const layout = await layoutGraph(graph);
    const byId = new Map(layout.nodes.map((node) => [node.id, node]));
    const parent = byId.get('conversation')!;
    const child = byId.get('conversation.crise')!;
    expect(child.parent).toBe('conversation');
    // Relative to the parent, inside it (below its title).
    expect(child.x).toBeGreaterThanOrEqual(0);
    expect(child.y).toBeGreaterThan(20);
    expect(child.x + child.width).toBeLessThanOrEqual(parent.width);
    expect(child.y + child.height).toBeLessThanOrEqual(parent.height);
    // Each drawn edge has ELK's route, from the source's box to the target's.
    const route = layout.edges.find((edge) => edge.key === 'alerte.aucune->alerte.donnee')!.points;
    expect(route.length).toBeGreaterThanOrEqual(2);
    expect(layout.nodes.map((node) => node.id).indexOf('conversation')).toBeLessThan(
      layout.nodes.map((node) => node.id).indexOf('conversation.crise'),
    );
  }, 20_000);
});

describe('curveData', () => {
  const variables = [
    { id: 'detresse', label: 'Détresse', value: 6, min: 0, max: 10 },
    { id: 'confiance', label: 'Confiance', value: 4, min: 0, max: 10 },
  ];
  const change = (seq: number, t: number, variable: string, previous: number, value: number) =>
    observationEntry(seq, { kind: 'variable', variable, value, previous }, 'system', t);

  it('follows each variable over call time, from its first value to now', () => {
    const data = curveData(
      variables,
      [
        change(1, 10_000, 'detresse', 8, 7),
        change(2, 10_000, 'confiance', 2, 3),
        change(3, 30_000, 'detresse', 7, 6),
        change(4, 40_000, 'confiance', 3, 4),
      ],
      65_000,
    );
    expect(data.times).toEqual([0, 10, 30, 40, 65]);
    expect(data.series.map((series) => series.values)).toEqual([
      [8, 7, 6, 6, 6],
      [2, 3, 3, 4, 4],
    ]);
  });

  it('draws a flat line for a variable that never changed', () => {
    const data = curveData(variables, [], 5_000);
    expect(data.times).toEqual([0, 5]);
    expect(data.series[1]?.values).toEqual([4, 4]);
  });
});

describe('each variable on its own scale', () => {
  it('places a value as its share of its own declared range', () => {
    expect(shareOf(2, { min: 0, max: 10 })).toBe(20);
    expect(shareOf(150, { min: 0, max: 150 })).toBe(100);
    expect(shareOf(75, { min: 0, max: 150 })).toBe(50);
    expect(shareOf(0, { min: -5, max: 5 })).toBe(50);
    expect(shareOf(12, { min: 0, max: 100 })).toBe(12);
    // A range without span does not divide by zero.
    expect(shareOf(3, { min: 3, max: 3 })).toBe(100);
    expect(shareOf(2, { min: 3, max: 3 })).toBe(0);
  });

  it('puts a 0–10 stress and a 0–150 Mo plan at the same height when each is at its max', () => {
    const data = curveData(
      [
        { id: 'stress', label: 'Stress', value: 10, min: 0, max: 10 },
        { id: 'forfait', label: 'Forfait restant (Mo)', value: 150, min: 0, max: 150 },
      ],
      [],
      5_000,
    );
    const shares = data.series.map((series) => sharesOf(series.values, series));
    expect(shares).toEqual([
      [100, 100],
      [100, 100],
    ]);
    // The data itself (what the table shows) keeps the exact values.
    expect(data.series.map((series) => series.values)).toEqual([
      [10, 10],
      [150, 150],
    ]);
    expect(formatBound(150)).toBe('150');
    expect(formatBound(0.5)).toBe('0.5');
  });

  it('keeps the direct labels of lines ending at one height apart', () => {
    const gap = 16;
    const tops = placeLabels([50, 50, 52, 49], 0, 200, gap);
    for (let i = 0; i < tops.length; i += 1)
      for (let j = i + 1; j < tops.length; j += 1)
        expect(Math.abs(tops[i]! - tops[j]!)).toBeGreaterThanOrEqual(gap);
    // The first keeps its place; all stay in the band.
    expect(tops[0]).toBe(50);
    for (const top of tops) expect(top >= 0 && top <= 200).toBe(true);
  });

  describe("the names at the lines' end (the debrief's curves)", () => {
    /** Whatever is wrong with these places: names too close, a line's end through a name. */
    const clashes = (ends: readonly number[], baselines: readonly number[]): string[] => {
      const found: string[] = [];
      baselines.forEach((baseline, i) => {
        baselines.forEach((other, j) => {
          if (j > i && Math.abs(other - baseline) < LABEL_GAP) found.push(`names ${i} and ${j}`);
        });
        ends.forEach((end, j) => {
          if (crossesLabel(end, baseline)) found.push(`line ${j} through name ${i}`);
        });
      });
      return found;
    };

    it('keeps a name off the line of another variable that ends just above its own', () => {
      // Stress ends at 50, trust at 44: the name of stress wanted at 47 would sit on trust's line.
      const ends = [50, 44];
      const sequential: number[] = [];
      for (const end of ends) sequential.push(freeLabelY(sequential, end - 3, 10, 94));
      expect(clashes(ends, sequential)).not.toEqual([]);
      const placed = placeEndLabels(ends, 10, 94);
      expect(clashes(ends, placed)).toEqual([]);
      // Each stays next to its line (within two names' height).
      placed.forEach((baseline, i) =>
        expect(Math.abs(baseline - ends[i]!)).toBeLessThanOrEqual(2 * LABEL_GAP + 3),
      );
    });

    it('keeps its place above its line when nothing is there', () => {
      expect(placeEndLabels([30, 80], 10, 94)).toEqual([27, 77]);
    });

    it('keeps four names apart and off every line, wherever the four lines end', () => {
      // Every way four lines can end in the 96 px band (steps of 6 px), as the debrief paints them.
      const heights = Array.from({ length: 15 }, (_, k) => 8 + 6 * k);
      let checked = 0;
      for (const a of heights)
        for (const b of heights)
          for (const c of heights)
            for (const d of [8, 47, 88]) {
              const ends = [a, b, c, d];
              const placed = placeEndLabels(ends, 10, 94);
              expect({ ends, clashes: clashes(ends, placed) }).toEqual({ ends, clashes: [] });
              for (const baseline of placed) expect(baseline >= 10 && baseline <= 94).toBe(true);
              checked += 1;
            }
      expect(checked).toBe(15 * 15 * 15 * 3);
    });
  });
});
