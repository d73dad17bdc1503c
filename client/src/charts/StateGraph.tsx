// The scenario's state graph, drawn with @xyflow/react from an ELK layout: nested and parallel
// states as groups, the active states highlighted, the states visited and the transitions
// taken marked. Loaded lazily (with ELK, it weighs): only the trainer and the projector need it.
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
} from 'react';
import {
  BaseEdge,
  ControlButton,
  Handle,
  Position,
  ReactFlow,
  type EdgeProps,
  type Node,
  type NodeHandle,
  type NodeProps,
  type Rect,
  type Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { ScenarioGraph, TimelineEntry } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import { graphInLang } from './graphInLang.js';
import { edgeLabelRects, flowEdges, loopGeometry, type RoutedEdge } from './flowEdges.js';
import { elkEngine } from './elkEngine.js';
import { highlightGraph, reachedHighlight, type GraphHighlight, type GraphReached } from './graphPath.js';
import { GraphText, stateStatus } from './GraphText.js';
import {
  FIT_PADDING,
  MAX_ZOOM,
  MIN_ZOOM,
  READABLE_ZOOM,
  ZOOM_STEP,
  canvasFor,
  fittedView,
  scrollFor,
  stateRects,
  viewAt,
  wholeZoom,
  zoomedView,
} from './graphCanvas.js';
import { useBoxSize } from './useBoxSize.js';
import { useFitToActive } from './useFitToActive.js';
import { edgeLabelWidth, foldGraph, layoutGraph, type GraphLayout } from './layoutGraph.js';
import { joinParts } from '../i18n/joinParts.js';
import './charts.css';
import { ScenarioText } from '../i18n/ScenarioText.js';

/** The drawing's height (px) at most and at least: it grows with the graph, up to a screen's worth. */
const VIEW_HEIGHT = { min: 320, max: 720 } as const;

/**
 * The height the drawing is given: the laid-out graph's, with the room round it, within bounds —
 * but the group debrief's (`whole`) with no bound above: a page read after the calls, its graph
 * whole down to the endings (at 720 px its edges ran out of the box's bottom to states below it,
 * on a laptop and on a phone), the page scrolling rather than the box.
 */
function viewHeight(layout: GraphLayout, whole: boolean): number {
  const bottom = Math.max(
    0,
    ...layout.nodes.filter((node) => !node.parent).map((node) => node.y + node.height),
  );
  const room = FIT_PADDING.top + FIT_PADDING.bottom;
  return Math.round(Math.min(whole ? Infinity : VIEW_HEIGHT.max, Math.max(VIEW_HEIGHT.min, bottom + room)));
}

type StateNodeData = {
  label: string;
  kind: ScenarioGraph['nodes'][number]['type'];
  group: boolean;
  active: boolean;
  visited: boolean;
  folded: boolean;
  /** The studio: an edge may be drawn from this state to another. */
  connectable: boolean;
};
type StateNode = Node<StateNodeData, 'state'>;

function StateNodeView({ data }: NodeProps<StateNode>) {
  // A visited state is marked by a sign and a border too, not by its fill alone.
  const visitedLeaf = data.visited && !data.active && !data.group;
  const classes = [
    'state-node',
    data.group ? 'state-node--group' : 'state-node--leaf',
    `state-node--${data.kind}`,
    data.active ? 'state-node--active' : '',
    data.visited && !data.active ? 'state-node--visited' : '',
    data.folded ? 'state-node--folded' : '',
  ].filter(Boolean);
  return (
    <div className={classes.join(' ')}>
      <Handle type="target" position={Position.Top} isConnectable={data.connectable} />
      <span className="state-node__label">
        {visitedLeaf ? <span aria-hidden="true">✓ </span> : null}
        <ScenarioText>{data.label}</ScenarioText>
      </span>
      <Handle type="source" position={Position.Bottom} isConnectable={data.connectable} />
    </div>
  );
}

/** A handle's side (px): xyflow's stylesheet draws it 6 px square, border included. */
const HANDLE_SIZE = 6;

/**
 * Where a state's two handles are, given with the state rather than left to xyflow to measure:
 * the target at its top centre, the source at its bottom centre (as `StateNodeView` places them).
 * xyflow draws an edge, and starts or ends a drawing, only at handles it knows. Given new node
 * objects (each highlight or layout here) it forgets the handles it measured and measures them
 * again when its ResizeObserver reports the state; when the next nodes came in between that
 * report and xyflow's next rendering of the states (React runs the pending effect that hands
 * them over first), the measure was dropped, and the observer never reports the same size twice:
 * the states stayed unmeasured for good, drawn with no edge and taking no drawing (a CI run of
 * the studio's forms; `test/e2e/studio-graph-edges.test.ts`). Given, they are known at once.
 */
function stateHandles(width: number, height: number): NodeHandle[] {
  const x = width / 2 - HANDLE_SIZE / 2;
  const size = { width: HANDLE_SIZE, height: HANDLE_SIZE };
  return [
    { type: 'target', position: Position.Top, x, y: -HANDLE_SIZE / 2, ...size },
    { type: 'source', position: Position.Bottom, x, y: height - HANDLE_SIZE / 2, ...size },
  ];
}

/** An edge along ELK's orthogonal route (a straight line when there is none); a loop on its state's side. */
function RoutedEdgeView({
  data,
  sourceX,
  sourceY,
  targetX,
  targetY,
  markerEnd,
  style,
  label,
}: EdgeProps<RoutedEdge>) {
  if (data?.loopWidth !== undefined) {
    // The state's box from its handles (bottom centre, top centre): a loop is an ear on its side.
    const width = data.loopWidth;
    const loop = loopGeometry(
      { x: sourceX - width / 2, y: targetY, width, height: sourceY - targetY },
      typeof label === 'string' ? edgeLabelWidth(label) : 0,
    );
    return (
      <BaseEdge
        path={loop.path}
        {...(markerEnd ? { markerEnd } : {})}
        {...(style ? { style } : {})}
        {...(label
          ? { label, labelX: loop.label.x, labelY: loop.label.y, labelBgPadding: [3, 2] as [number, number] }
          : {})}
      />
    );
  }
  const points = data?.points.length
    ? data.points
    : [
        { x: sourceX, y: sourceY },
        { x: targetX, y: targetY },
      ];
  const path = points.map((point, i) => `${i === 0 ? 'M' : 'L'}${point.x} ${point.y}`).join(' ');
  // A label in the room ELK kept for it (clear of the states), or at the route's middle point
  // without one.
  const box = data?.labelBox;
  const middle = box
    ? { x: box.x + box.width / 2, y: box.y + box.height / 2 }
    : (points[Math.floor(points.length / 2)] ?? points[0]!);
  return (
    <BaseEdge
      path={path}
      {...(markerEnd ? { markerEnd } : {})}
      {...(style ? { style } : {})}
      {...(label
        ? { label, labelX: middle.x, labelY: middle.y, labelBgPadding: [3, 2] as [number, number] }
        : {})}
    />
  );
}

const nodeTypes = { state: StateNodeView };
const NO_ENTRIES: readonly TimelineEntry[] = [];
const edgeTypes = { routed: RoutedEdgeView };

/**
 * The same array as last render while its items are the same: pages pass a new array at each
 * render (the studio re-renders at each keystroke), and a new identity redrew every node.
 */
function useSameList<T>(list: readonly T[]): readonly T[] {
  const kept = useRef(list);
  const previous = kept.current;
  if (previous !== list && (previous.length !== list.length || previous.some((item, i) => item !== list[i])))
    kept.current = list;
  return kept.current;
}

export default function StateGraph({
  graph: given,
  states: givenStates,
  entries: givenEntries = NO_ENTRIES,
  highlight: prepared,
  label,
  onStateClick,
  onConnect,
  reached,
  counts,
}: {
  graph: ScenarioGraph;
  states: readonly string[];
  entries?: readonly TimelineEntry[];
  /** The highlight prepared by the caller (the debrief's `GraphProgress`): `entries` is then not read. */
  highlight?: GraphHighlight | undefined;
  label: string;
  /** The studio's coverage: drawn as visited and taken instead of the entries' path. */
  reached?: GraphReached | null;
  /** The studio: a click on a state shows its YAML (its keyboard path is the states list). */
  onStateClick?: (state: string) => void;
  /** The studio: an edge drawn from one state to another (its keyboard path is a form). */
  onConnect?: (source: string, target: string) => void;
  /**
   * The group debrief: per drawn edge (`edgeKey`), how many calls took it — drawn on the edge
   * (`graph.edgeCalls.*`) and by its thickness; states' loops (self-transitions, reactions) drawn too.
   */
  counts?: ReadonlyMap<string, number> | undefined;
}) {
  const { t, lang } = useI18n();
  // Its arrows' labels in the page's language (the engine's words, through the catalogue).
  const graph = useMemo(() => graphInLang(given, lang), [given, lang]);
  const loops = counts !== undefined;
  const states = useSameList(givenStates);
  const entries = useSameList(givenEntries);
  const [layout, setLayout] = useState<GraphLayout | null>(null);
  const [failed, setFailed] = useState(false);

  // The regions not in play are folded; the drawing is laid out again when that changes.
  // Only a change of the folded regions lays out again, not every step.
  const foldIds = [...foldGraph(graph, new Set(states)).folded].sort().join('|');
  const folded = useMemo(() => {
    const ids = new Set(foldIds ? foldIds.split('|') : []);
    const active = new Set(states);
    return ids.size === 0 ? { graph, folded: ids } : foldGraph(graph, active);
  }, [graph, foldIds]);
  useEffect(() => {
    let current = true;
    layoutGraph(folded.graph, elkEngine(), loops).then(
      (laid) => current && setLayout(laid),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [folded, loops]);
  const activeShown = useMemo(
    () => states.filter((state) => layout?.nodes.some((node) => node.id === state)),
    [states, layout],
  );

  const highlight = useMemo(
    () =>
      prepared ??
      (reached ? reachedHighlight(graph, states, reached) : highlightGraph(graph, states, entries)),
    [prepared, graph, states, entries, reached],
  );
  const statusWords = {
    active: t('graph.text.active'),
    visited: t('graph.text.visited'),
    unvisited: t('graph.text.unvisited'),
  };
  // The call has ended (its ending in the timeline): the view shows the whole path taken.
  const ended = useMemo(
    () => entries.some((entry) => entry.kind === 'observation' && entry.observation.kind === 'ending'),
    [entries],
  );
  const labelOf = useMemo(() => new Map(graph.nodes.map((node) => [node.id, node.label])), [graph]);

  const nodes = useMemo<StateNode[]>(
    () =>
      (layout?.nodes ?? []).map((node) => ({
        id: node.id,
        type: 'state',
        position: { x: node.x, y: node.y },
        ...(node.parent ? { parentId: node.parent } : {}),
        width: node.width,
        height: node.height,
        style: { width: node.width, height: node.height },
        handles: stateHandles(node.width, node.height),
        draggable: false,
        selectable: false,
        focusable: false,
        // Named by its label and where the call is, in words (an image with its text).
        ariaRole: 'img',
        ariaLabel: joinParts(t, [node.label, statusWords[stateStatus(highlight, node.id)]], 'dash'),
        zIndex: node.parent ? 1 : 0,
        data: {
          label: node.label,
          kind: node.type,
          group: layout?.nodes.some((other) => other.parent === node.id) ?? false,
          active: highlight.active.has(node.id),
          visited: highlight.visited.has(node.id),
          folded: folded.folded.has(node.id),
          connectable: onConnect !== undefined,
        },
      })),
    [layout, highlight, folded, t, onConnect],
  );

  const edges = useMemo(
    () => flowEdges(layout, highlight, { t, lang }, labelOf, counts),
    [layout, highlight, t, lang, labelOf, counts],
  );

  // The drawing scrolls inside its box (touch, wheel, scrollbars, arrow keys once focused): every
  // state can be reached at a readable zoom, and the page never widens past the screen.
  const scrollRef = useRef<HTMLDivElement>(null);
  const box = useBoxSize(scrollRef, layout !== null);
  const rects = useMemo(() => (layout ? stateRects(layout) : new Map<string, Rect>()), [layout]);
  // The view asked for by the fit and the zoom buttons (where the drawing's origin sits in the
  // box, at its zoom); scrolling by hand moves the box, not this.
  const [view, setView] = useState<Viewport | null>(null);
  // The group debrief's counts kept whole by the fit, as the states' names (on a phone a count
  // stood past the box's right side).
  const labels = useMemo(
    () =>
      loops && layout
        ? edgeLabelRects(
            layout,
            rects,
            new Map(edges.flatMap((edge) => (typeof edge.label === 'string' ? [[edge.id, edge.label]] : []))),
          )
        : undefined,
    [loops, layout, rects, edges],
  );
  useFitToActive({
    active: activeShown,
    labels,
    visited: highlight.visited,
    ended,
    layout,
    rects,
    box,
    show: setView,
  });
  const zoom = view?.zoom ?? READABLE_ZOOM;
  const canvas = useMemo(
    () => (layout ? canvasFor(layout, zoom, box ?? { width: 0, height: 0 }) : null),
    [layout, zoom, box],
  );
  const applied = useRef<Viewport | null>(null);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element || !view || !canvas || applied.current === view) return;
    applied.current = view;
    const { left, top } = scrollFor(view, canvas);
    element.scrollTo({ left, top, behavior: 'instant' });
  }, [view, canvas]);
  // Zooming out goes down to the whole graph in the box (below the readable zoom: asked for).
  const minZoom = layout && box ? Math.min(READABLE_ZOOM, wholeZoom(layout, box)) : MIN_ZOOM;
  const zoomBy = useCallback(
    (factor: number) => {
      const element = scrollRef.current;
      if (!element || !canvas || !box) return;
      const next = Math.min(MAX_ZOOM, Math.max(minZoom, canvas.viewport.zoom * factor));
      const current = viewAt(canvas, { left: element.scrollLeft, top: element.scrollTop });
      setView(zoomedView(current, next, box));
    },
    [canvas, box, minZoom],
  );
  const showAll = useCallback(() => {
    const whole = layout && box ? fittedView(layout, rects, box, MIN_ZOOM) : null;
    if (whole) setView(whole);
  }, [layout, rects, box]);

  if (failed) return <p className="muted">{t('graph.failed')}</p>;
  if (!layout || !canvas) return <p className="muted">{t('graph.loading')}</p>;
  return (
    <figure className="state-graph" aria-label={label}>
      <div
        className="state-graph__view"
        style={{ '--graph-height': `${viewHeight(layout, loops)}px` } as CSSProperties}
      >
        <div
          ref={scrollRef}
          className="state-graph__scroll"
          // Focusable: the arrow keys scroll it (its states are images, not controls).
          tabIndex={0}
          role="group"
          aria-label={t('graph.drawing')}
          // Its arrow keys are its own: the debrief's ← → (a page-wide step through the moments)
          // would take them, and the drawing could not be scrolled sideways from the keyboard.
          onKeyDown={(event) => {
            if (event.target === event.currentTarget && event.key.startsWith('Arrow'))
              event.stopPropagation();
          }}
        >
          <div className="state-graph__canvas" style={{ width: canvas.width, height: canvas.height }}>
            <ReactFlow
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              viewport={canvas.viewport}
              minZoom={MIN_ZOOM}
              maxZoom={MAX_ZOOM}
              // The box scrolls: xyflow neither pans nor zooms, nor keeps the wheel for itself.
              panOnDrag={false}
              panOnScroll={false}
              zoomOnScroll={false}
              zoomOnPinch={false}
              zoomOnDoubleClick={false}
              preventScrolling={false}
              autoPanOnConnect={false}
              nodesDraggable={false}
              nodesConnectable={onConnect !== undefined}
              nodesFocusable={false}
              edgesFocusable={false}
              elementsSelectable={false}
              {...(onStateClick ? { onNodeClick: (_event, node) => onStateClick(node.id) } : {})}
              {...(onConnect
                ? {
                    onConnect: (connection: { source: string; target: string }) =>
                      onConnect(connection.source, connection.target),
                  }
                : {})}
              ariaLabelConfig={{
                'node.a11yDescription.default': t('graph.a11y.node'),
                'node.a11yDescription.keyboardDisabled': t('graph.a11y.node'),
                'edge.a11yDescription.default': t('graph.a11y.edge'),
              }}
            />
          </div>
        </div>
        <ZoomControls
          zoom={canvas.viewport.zoom}
          minZoom={minZoom}
          onZoomIn={() => zoomBy(ZOOM_STEP)}
          onZoomOut={() => zoomBy(1 / ZOOM_STEP)}
          onShowAll={showAll}
        />
      </div>
      <figcaption>
        <GraphText graph={graph} highlight={highlight} />
      </figcaption>
    </figure>
  );
}

/**
 * Zoom in, zoom out, show all: xyflow's `Controls` puts its `aria-label` on a plain div (no
 * role), so the panel is ours, a named group (`role="group"`), with xyflow's own buttons and look.
 * Beside the drawing (in its left gutter; in a row under it on a phone), not a `Panel` over it:
 * it covered states. The zoom is the page's (`StateGraph` sizes the canvas), not xyflow's.
 */
function ZoomControls({
  zoom,
  minZoom,
  onZoomIn,
  onZoomOut,
  onShowAll,
}: {
  zoom: number;
  minZoom: number;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onShowAll: () => void;
}) {
  const { t } = useI18n();
  const minZoomReached = zoom <= minZoom + 1e-3;
  const maxZoomReached = zoom >= MAX_ZOOM - 1e-3;
  return (
    <div
      className="react-flow__controls vertical state-graph__controls"
      role="group"
      aria-label={t('graph.controls')}
    >
      <ControlButton
        className="react-flow__controls-zoomin"
        title={t('graph.zoomIn')}
        aria-label={t('graph.zoomIn')}
        disabled={maxZoomReached}
        onClick={onZoomIn}
      >
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <path d="M32 18.133H18.133V32h-4.266V18.133H0v-4.266h13.867V0h4.266v13.867H32z" />
        </svg>
      </ControlButton>
      <ControlButton
        className="react-flow__controls-zoomout"
        title={t('graph.zoomOut')}
        aria-label={t('graph.zoomOut')}
        disabled={minZoomReached}
        onClick={onZoomOut}
      >
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 5" aria-hidden="true" focusable="false">
          <path d="M0 0h32v4.2H0z" />
        </svg>
      </ControlButton>
      <ControlButton
        className="react-flow__controls-fitview"
        title={t('graph.fitView')}
        aria-label={t('graph.fitView')}
        onClick={onShowAll}
      >
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 30" aria-hidden="true" focusable="false">
          <path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
        </svg>
      </ControlButton>
    </div>
  );
}
