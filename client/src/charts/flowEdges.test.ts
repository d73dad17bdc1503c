// The group debrief's loops (a state's self-transitions and reactions) and where the edges'
// labels are drawn, for the fit that keeps them whole.
import { describe, expect, it } from '@jest/globals';
import { LOOP_REACH, edgeLabelRects, loopGeometry } from './flowEdges.js';
import { edgeKey } from './graphPath.js';
import { edgeLabelWidth, type GraphLayout, type LaidOutEdge } from './layoutGraph.js';
import { stateRects } from './graphCanvas.js';
import { laidOutNode } from '../test/fixtures.js';

/** The points of an SVG path of M, L and C commands. */
const pointsOf = (path: string) =>
  [...path.matchAll(/(-?[\d.]+)[ ,](-?[\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));

/** A cubic's points along it (its ends and 19 between). */
const along = (path: string) => {
  const [p0, p1, p2, p3] = pointsOf(path) as [
    { x: number; y: number },
    { x: number; y: number },
    { x: number; y: number },
    { x: number; y: number },
  ];
  return Array.from({ length: 21 }, (_, i) => {
    const t = i / 20;
    const a = (1 - t) ** 3;
    const b = 3 * (1 - t) ** 2 * t;
    const c = 3 * (1 - t) * t ** 2;
    const d = t ** 3;
    return { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y };
  });
};

const loopEdge = (state: string): LaidOutEdge => ({
  key: edgeKey(state, state),
  source: state,
  target: state,
  labels: [],
  kinds: [],
  points: [],
  label: null,
});

describe('loopGeometry', () => {
  it('draws a loop as an ear on the state’s right side, not a frame round the state', () => {
    // « Accueil » (240 × 44): its loop went from the bottom's middle round the right half to the
    // top's middle — with a thick stroke, a square over the state and the edge leaving it.
    const state = { x: 100, y: 50, width: 240, height: 44 };
    const loop = loopGeometry(state);
    expect(loop.path).toMatch(/^M[\d.]+ [\d.]+ C/);
    const curve = along(loop.path);
    const side = state.x + state.width;
    // Out of the side and back in, never over the state nor above or below it.
    expect(Math.min(...curve.map((p) => p.x))).toBeGreaterThanOrEqual(side);
    expect(Math.max(...curve.map((p) => p.x))).toBeCloseTo(side + LOOP_REACH, 0);
    expect(Math.min(...curve.map((p) => p.y))).toBeGreaterThan(state.y);
    expect(Math.max(...curve.map((p) => p.y))).toBeLessThan(state.y + state.height);
    // Its two ends apart on the side: a loop one reads, the arrow's end below its start.
    expect(curve[20]!.y - curve[0]!.y).toBeGreaterThanOrEqual(12);
    // Its label just above it, from the side out: over neither the state nor the loop.
    const label = loopGeometry(state, 60).label;
    expect(label.x - 30).toBeGreaterThan(side);
    expect(label.y + 10).toBeLessThanOrEqual(Math.min(...curve.map((p) => p.y)));
    expect(label.y + 10).toBeGreaterThan(state.y);
  });
});

describe('edgeLabelRects', () => {
  it('places each label drawn as the edges draw it: a loop’s above it, another’s in its room', () => {
    const layout: GraphLayout = {
      nodes: [laidOutNode('a', 0, 0, { width: 200 }), laidOutNode('b', 0, 200)],
      edges: [
        loopEdge('a'),
        {
          ...loopEdge('a'),
          key: edgeKey('a', 'b'),
          target: 'b',
          label: { x: 40, y: 100, width: 83, height: 20 },
        },
        { ...loopEdge('b'), key: edgeKey('b', 'a'), target: 'a', points: [{ x: 0, y: 0 }] },
      ],
      width: 300,
      height: 244,
    };
    const labels = edgeLabelRects(
      layout,
      stateRects(layout),
      new Map([
        [edgeKey('a', 'a'), '1 appel'],
        [edgeKey('a', 'b'), '2 appels'],
      ]),
    );
    const one = edgeLabelWidth('1 appel');
    const two = edgeLabelWidth('2 appels');
    expect(labels).toEqual([
      { x: 200 + 4, y: 22 - 13 - 20, width: one, height: 20 },
      { x: 40 + 83 / 2 - two / 2, y: 100, width: two, height: 20 },
    ]);
  });
});
