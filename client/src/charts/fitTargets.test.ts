// What the state graph's view is fitted on: the active state with its neighbours, the path at
// the end; the active state kept in view when its neighbours do not all fit.
import { describe, expect, it } from '@jest/globals';
import { fitTargets, inView, viewportFor } from './fitTargets.js';
import type { GraphLayout, LaidOutEdge } from './layoutGraph.js';
import { laidOutNode } from '../test/fixtures.js';

const node = laidOutNode;
const edge = (source: string, target: string): LaidOutEdge => ({
  key: `${source}->${target}`,
  source,
  target,
  labels: [],
  kinds: [],
  points: [],
  label: null,
});

// accueil → ecoute (a group: en_ligne → fin) ; ecoute → rappel ; loin, unrelated.
const layout: GraphLayout = {
  nodes: [
    node('accueil', 0, 0),
    node('ecoute', 0, 100, { type: 'compound', width: 300, height: 300 }),
    node('ecoute.en_ligne', 20, 40, { parent: 'ecoute' }),
    node('ecoute.fin', 20, 200, { parent: 'ecoute', type: 'final' }),
    node('rappel', 400, 500),
    node('loin', 900, 900),
    node('autre', 600, 0, { type: 'compound', width: 200, height: 200 }),
    node('autre.dedans', 20, 40, { parent: 'autre' }),
  ],
  edges: [
    edge('accueil', 'ecoute'),
    edge('ecoute.en_ligne', 'ecoute.fin'),
    edge('ecoute', 'rappel'),
    edge('ecoute.en_ligne', 'autre'),
    edge('rappel', 'loin'),
  ],
  width: 1000,
  height: 1000,
};

describe('fitTargets', () => {
  it('fits the active state with the states one transition away from it or its group', () => {
    const targets = fitTargets(layout, ['ecoute', 'ecoute.en_ligne'], new Set(['accueil']));
    expect(targets.focus).toEqual(['ecoute.en_ligne']);
    expect(targets.groups).toEqual(['ecoute']);
    expect(targets.ended).toBe(false);
    // Not the group it is in (all of it), nor a neighbour group whole, nor two transitions away.
    expect(targets.context.sort()).toEqual(['accueil', 'ecoute.en_ligne', 'ecoute.fin', 'rappel'].sort());
    // Nearer still, when those do not fit: one transition away from the state itself.
    expect(targets.near.sort()).toEqual(['ecoute.en_ligne', 'ecoute.fin'].sort());
    // The same when the view lists the deepest state only: its group's ways out count.
    expect(fitTargets(layout, ['ecoute.en_ligne'], new Set()).context.sort()).toEqual(targets.context);
  });

  it('fits the whole path once only final states are active', () => {
    const targets = fitTargets(
      layout,
      ['ecoute', 'ecoute.fin'],
      new Set(['accueil', 'ecoute', 'ecoute.en_ligne']),
    );
    expect(targets.ended).toBe(true);
    expect(targets.focus).toEqual(['ecoute.fin']);
    expect(targets.context.sort()).toEqual(['accueil', 'ecoute', 'ecoute.en_ligne', 'ecoute.fin'].sort());
  });

  it('fits the whole path once the call has ended, whatever state it ended in', () => {
    const targets = fitTargets(layout, ['ecoute', 'ecoute.en_ligne'], new Set(['accueil']), true);
    expect(targets.ended).toBe(true);
    expect(targets.focus).toEqual(['ecoute.en_ligne']);
    expect(targets.context.sort()).toEqual(['accueil', 'ecoute.en_ligne'].sort());
  });
});

describe('viewportFor', () => {
  const padding = { top: 40, right: 80, bottom: 40, left: 24 };
  const focus = { x: 500, y: 0, width: 150, height: 44 };

  it('shows the whole context when it fits at the readable zoom', () => {
    const context = { x: 300, y: 0, width: 350, height: 300 };
    const view = viewportFor([context], focus, 1000, 600, 0.95, 1.2, padding);
    expect(inView(context, view, 1000, 600, padding)).toBe(true);
    expect(view.zoom).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps the focus inside the view (with the padding) when the context is too wide', () => {
    // On a phone: the context 1200 px wide, the view 300; centred on the context, the focus was out.
    const context = { x: -700, y: 0, width: 1350, height: 200 };
    const view = viewportFor([context], focus, 300, 500, 0.95, 1.2, padding);
    expect(view.zoom).toBe(0.95);
    expect(inView(focus, view, 300, 500, padding)).toBe(true);
    // Moved no further than needed: against the padding on its side (the context lies to its left).
    expect((focus.x + focus.width) * view.zoom + view.x).toBeCloseTo(300 - padding.right, 5);
  });

  it('falls back on the nearer states when the wider context does not fit', () => {
    const near = { x: 400, y: 0, width: 250, height: 200 };
    const context = { x: -700, y: 0, width: 1350, height: 200 };
    const view = viewportFor([context, near], focus, 400, 500, 0.95, 1.2, padding);
    expect(inView(context, view, 400, 500, padding)).toBe(false);
    expect(inView(near, view, 400, 500, padding)).toBe(true);
  });

  it('centres a focus wider than the view less its padding in the whole view', () => {
    const wide = { x: 0, y: 0, width: 400, height: 44 };
    const view = viewportFor([{ x: -500, y: 0, width: 900, height: 44 }], wide, 300, 500, 0.95, 1.2, padding);
    const middle = (wide.x + wide.width / 2) * view.zoom + view.x;
    expect(middle).toBeCloseTo(300 / 2, 5);
  });
});
