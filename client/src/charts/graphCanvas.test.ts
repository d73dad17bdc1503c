// The state graph's canvas inside its scrolling box: the drawing at its zoom with room round it,
// the scroll that shows a view, a zoom that keeps the box's middle, the states' boxes from the
// layout, and the views the fit asks for.
import { describe, expect, it } from '@jest/globals';
import {
  FIT_PADDING,
  MIN_ZOOM,
  READABLE_ZOOM,
  canvasFor,
  fittedView,
  namesUncut,
  scrollFor,
  stateRects,
  viewAt,
  wholeZoom,
  zoomedView,
} from './graphCanvas.js';
import type { GraphLayout } from './layoutGraph.js';
import { edgeLabelRects } from './flowEdges.js';
import { edgeKey } from './graphPath.js';
import { laidOutNode } from '../test/fixtures.js';

const node = laidOutNode;

// A drawing four phones wide: a group far right holding one state, one state far left.
const layout: GraphLayout = {
  nodes: [
    node('gauche', 10, 10),
    node('droite', 1400, 0, { type: 'compound', width: 200, height: 200 }),
    node('droite.dedans', 20, 40, { parent: 'droite' }),
  ],
  edges: [],
  width: 1600,
  height: 400,
};
const phone = { width: 314, height: 600 };

describe('canvasFor', () => {
  it('is the drawing at its zoom with the padding round it, its origin inside the padding', () => {
    const canvas = canvasFor(layout, 1, phone);
    expect(canvas.width).toBe(1600 + FIT_PADDING.left + FIT_PADDING.right);
    expect(canvas.height).toBe(400 + FIT_PADDING.top + FIT_PADDING.bottom);
    // Taller box than drawing: the drawing in its middle, top to bottom.
    expect(canvas.viewport).toEqual({ zoom: 1, x: FIT_PADDING.left, y: FIT_PADDING.top + (600 - 480) / 2 });
  });

  it('centres a drawing smaller than the box', () => {
    const canvas = canvasFor({ width: 100, height: 100 }, 1, { width: 1000, height: 1000 });
    expect(canvas.viewport.x).toBe(FIT_PADDING.left + (1000 - 204) / 2);
  });
});

describe('scrollFor and viewAt', () => {
  it('give the scroll that shows a view, and the view a scroll shows', () => {
    const canvas = canvasFor(layout, READABLE_ZOOM, phone);
    const view = { zoom: READABLE_ZOOM, x: -1000, y: 20 };
    const scroll = scrollFor(view, canvas);
    expect(scroll.left).toBeCloseTo(canvas.viewport.x + 1000);
    expect(viewAt(canvas, scroll)).toEqual(view);
  });
});

describe('zoomedView', () => {
  it('keeps the point at the box’s middle where it was', () => {
    const view = { zoom: 1, x: -500, y: 0 };
    const zoomed = zoomedView(view, 2, phone);
    const middle = (v: typeof view) => ({ x: (157 - v.x) / v.zoom, y: (300 - v.y) / v.zoom });
    expect(middle(zoomed).x).toBeCloseTo(middle(view).x);
    expect(middle(zoomed).y).toBeCloseTo(middle(view).y);
  });
});

describe('wholeZoom', () => {
  it('is the zoom that shows the whole drawing with its padding, never under the smallest', () => {
    expect(wholeZoom(layout, phone)).toBeCloseTo((314 - 104) / 1600);
    expect(wholeZoom({ width: 100000, height: 10 }, phone)).toBe(MIN_ZOOM);
  });
});

describe('stateRects', () => {
  it('places a nested state from its group', () => {
    expect(stateRects(layout).get('droite.dedans')).toEqual({ x: 1420, y: 40, width: 100, height: 44 });
  });
});

describe('fittedView', () => {
  const rects = stateRects(layout);

  it('keeps the readable zoom on a phone and puts the focus in the box', () => {
    const view = fittedView(layout, rects, phone, READABLE_ZOOM, {
      context: ['gauche', 'droite.dedans'],
      focus: ['droite.dedans'],
    })!;
    expect(view.zoom).toBe(READABLE_ZOOM);
    const left = 1420 * view.zoom + view.x;
    expect(left).toBeGreaterThanOrEqual(FIT_PADDING.left - 0.5);
    expect(left + 100 * view.zoom).toBeLessThanOrEqual(phone.width - FIT_PADDING.right + 0.5);
  });

  it('shows the whole drawing at the zoom asked at least, from its top when it is too tall', () => {
    const all = fittedView(layout, rects, phone, MIN_ZOOM)!;
    expect(all.zoom).toBeCloseTo(wholeZoom(layout, phone));
    expect(all.x).toBeGreaterThanOrEqual(FIT_PADDING.left - 0.5);
    expect(all.x + 1600 * all.zoom).toBeLessThanOrEqual(phone.width - FIT_PADDING.right + 0.5);
    const readable = fittedView(layout, rects, { width: 314, height: 300 }, 1, {})!;
    expect(readable.zoom).toBe(1);
    expect(readable.y).toBe(FIT_PADDING.top);
  });

  it('has nothing to fit in a box with no room or on states not drawn', () => {
    expect(fittedView(layout, rects, { width: 0, height: 0 }, READABLE_ZOOM)).toBeNull();
    expect(fittedView(layout, rects, phone, READABLE_ZOOM, { context: ['ailleurs'] })).toBeNull();
  });
});

describe('fittedView on a phone: no state name cut by the box’s sides', () => {
  const box = { width: 300, height: 600 };
  /** Where a leaf's name lies on screen (15 px in from its sides) at `view`, and whether it is cut. */
  const cutName = (rect: { x: number; width: number }, view: { x: number; zoom: number }) => {
    const from = (rect.x + 15) * view.zoom + view.x;
    const to = (rect.x + rect.width - 15) * view.zoom + view.x;
    return (from < -0.5 && to > 0.5) || (from < box.width - 0.5 && to > box.width + 0.5);
  };
  const inBox = (rect: { x: number; width: number }, view: { x: number; zoom: number }) => {
    const left = rect.x * view.zoom + view.x;
    return left >= 0 && left + rect.width * view.zoom <= box.width;
  };

  it('moves sideways at the readable zoom: a neighbour half off the left side goes wholly out', () => {
    // The active state in the middle, a neighbour below left: both do not fit across 300 px at
    // 0.95. The drawing goes on to the right (the box scrolls there).
    const drawing: GraphLayout = {
      nodes: [node('actif', 260, 0), node('loin', 0, 300, { width: 200 }), node('ailleurs', 700, 300)],
      edges: [],
      width: 800,
      height: 344,
    };
    const at = stateRects(drawing);
    const view = fittedView(drawing, at, box, READABLE_ZOOM, {
      context: ['actif', 'loin'],
      focus: ['actif'],
    })!;
    expect(view.zoom).toBe(READABLE_ZOOM);
    expect(cutName(at.get('loin')!, view)).toBe(false);
    expect(inBox(at.get('actif')!, view)).toBe(true);
  });

  /**
   * An active state in a group, and a neighbour below at the left whose name the box's left side
   * cuts; fitted on the active state with its group and the neighbour, at the readable zoom.
   */
  const groupWithNeighbour = (
    group: { width: number; label: string },
    active: { x: number; width?: number },
  ) => {
    const drawing: GraphLayout = {
      nodes: [
        node('groupe', 100, 0, { type: 'compound', width: group.width, height: 150, label: group.label }),
        node('groupe.actif', active.x, 60, {
          parent: 'groupe',
          ...(active.width ? { width: active.width } : {}),
        }),
        node('loin', 0, 300, { width: 200 }),
        node('ailleurs', 700, 300),
      ],
      edges: [],
      width: 800,
      height: 344,
    };
    const at = stateRects(drawing);
    const on = { context: ['groupe.actif', 'loin'], focus: ['groupe.actif'], groups: ['groupe'] };
    return { drawing, at, view: fittedView(drawing, at, box, READABLE_ZOOM, on)! };
  };

  it('keeps the readable zoom when no sideways move leaves every name whole, and cuts no more', () => {
    // « Perdue, elle raccroche » under the group of the active state (the tutorial's « En ligne »
    // on a phone): pushed out at the left it would take the group's title with it, brought in the
    // active state would leave the box. Labels stay readable (12 px): the view is left as it was.
    const { drawing, at, view } = groupWithNeighbour({ width: 240, label: 'Groupe du milieu' }, { x: 130 });
    expect(view.zoom).toBe(READABLE_ZOOM);
    expect(inBox(at.get('groupe.actif')!, view)).toBe(true);
    expect(namesUncut(view, drawing, at, box, at.get('groupe.actif')!).cut.left).toBe(1);
  });

  it('keeps the group of the active state whole when it was framed so: its title is read', () => {
    // The group fits the box at the readable zoom, its active state at its right: pushing the
    // neighbour out at the left would take the group's left side, its title, out of the box with
    // it (the consoles' « En ligne » on a phone).
    const { at, view } = groupWithNeighbour({ width: 280, label: 'Groupe' }, { x: 170, width: 100 });
    expect(view.zoom).toBe(READABLE_ZOOM);
    expect(inBox(at.get('groupe')!, view)).toBe(true);
  });

  it('keeps a view that cuts no name as the fit made it', () => {
    const whole = { zoom: 1, x: FIT_PADDING.left, y: FIT_PADDING.top };
    expect(namesUncut(whole, layout, stateRects(layout), phone, null)).toEqual({
      view: whole,
      cut: { left: 0, right: 0 },
    });
    // « gauche » half out at the left: moved wholly in or out.
    const half = { zoom: 1, x: -60, y: FIT_PADDING.top };
    const moved = namesUncut(half, layout, stateRects(layout), phone, null);
    expect(moved.cut).toEqual({ left: 0, right: 0 });
    expect(moved.view.x).not.toBe(-60);
  });
});

describe('fittedView of the group debrief on a phone: its counts not cut by the box’s sides', () => {
  it('moves the whole drawing’s view sideways so that « 1 appel » on a loop is read whole', () => {
    // The first state at the drawing's middle with its loop's count at its right; the view on the
    // drawing's middle at the readable zoom left the count past the box's right side.
    const drawing: GraphLayout = {
      nodes: [
        node('accueil', 280, 0, { width: 240 }),
        node('gauche', 0, 300, { width: 200 }),
        node('droite', 600, 300, { width: 200 }),
      ],
      edges: [
        {
          key: edgeKey('accueil', 'accueil'),
          source: 'accueil',
          target: 'accueil',
          labels: [],
          kinds: [],
          points: [],
          label: null,
        },
      ],
      width: 800,
      height: 344,
    };
    const at = stateRects(drawing);
    const labels = edgeLabelRects(drawing, at, new Map([[edgeKey('accueil', 'accueil'), '1 appel']]));
    const box = { width: 314, height: 600 };
    const onScreen = (view: { x: number; zoom: number }) => ({
      left: labels[0]!.x * view.zoom + view.x,
      right: (labels[0]!.x + labels[0]!.width) * view.zoom + view.x,
    });
    const before = fittedView(drawing, at, box, READABLE_ZOOM)!;
    expect(onScreen(before).right).toBeGreaterThan(box.width);
    const view = fittedView(drawing, at, box, READABLE_ZOOM, { labels })!;
    expect(view.zoom).toBe(READABLE_ZOOM);
    expect(onScreen(view).left).toBeGreaterThanOrEqual(0);
    expect(onScreen(view).right).toBeLessThanOrEqual(box.width);
    // The state's name whole too.
    expect(namesUncut(view, drawing, at, box, null, labels).cut).toEqual({ left: 0, right: 0 });
  });
});
