// The view of the state graph set on some states, or on the whole graph. xyflow's `fitView` waits
// for its nodes to be "initialised" (measured sizes written back through `onNodesChange`), which
// never happens here: the nodes are given as props, rebuilt as new objects, with no
// `onNodesChange`, so a `fitView` stayed queued for ever and the view at translate(0, 0) scale(1).
// Our nodes carry their size from ELK: their bounds are read from xyflow's store and the
// viewport set directly.
import { useCallback } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { viewportFor } from './fitTargets.js';

/** The zoom the drawing is read at, at least: labels of 13 px stay ≥ 12 px on screen. */
export const READABLE_ZOOM = 0.95;

/** The zoom the drawing is shown at, at most, fitted on a few states or on a small graph. */
const FIT_MAX_ZOOM = 1.2;

/**
 * Room round the states when the view is fitted: loops stand off a state's top and right side
 * (with their « 1 appel » label on the right). The zoom controls are beside the drawing, not over it.
 */
export const FIT_PADDING = { top: 40, right: 80, bottom: 40, left: 24 } as const;

/**
 * `fit(context, minZoom, focus, near, groups)`: centres the view on these states (those drawn; the whole
 * graph when `context` is left out), zoomed in no further than 1.2 and out no further than
 * `minZoom`; when they do not all fit, on the `near` ones, and when these do not fit either, with
 * the `focus` states (among them) in view rather than their middle — with their `groups` whole
 * when these fit at `minZoom` (a group's title read, not cut at the view's edge).
 * Returns false when there is nothing to fit yet: the drawing not measured or no state drawn.
 */
export function useFitGraph(): (
  context: readonly string[] | undefined,
  minZoom: number,
  focus?: readonly string[],
  near?: readonly string[],
  groups?: readonly string[],
) => boolean {
  const store = useStoreApi();
  const { getNodesBounds, setViewport } = useReactFlow();
  return useCallback(
    (context, minZoom, focus, near, groups) => {
      const { nodeLookup, width, height, panZoom } = store.getState();
      if (width === 0 || height === 0 || !panZoom) return false;
      const shown = (context ?? [...nodeLookup.keys()]).filter((id) => nodeLookup.has(id));
      if (shown.length === 0) return false;
      const drawn = (ids: readonly string[] | undefined) => (ids ?? []).filter((id) => nodeLookup.has(id));
      const bounds = getNodesBounds([...shown]);
      const focused = drawn(focus);
      let focusBounds = focused.length > 0 ? getNodesBounds(focused) : bounds;
      const framing = drawn(groups);
      if (focused.length > 0 && framing.length > 0) {
        const framed = getNodesBounds([...focused, ...framing]);
        // Within the whole view (less 8 px a side): wider than the padding allows, it is centred.
        if (framed.width * minZoom <= width - 16 && framed.height * minZoom <= height - 16)
          focusBounds = framed;
      }
      const nearby = drawn(near);
      // The nearer states only when they are more than the focus (else the wider context, moved).
      const contexts = nearby.length > focused.length ? [bounds, getNodesBounds(nearby)] : [bounds];
      void setViewport(viewportFor(contexts, focusBounds, width, height, minZoom, FIT_MAX_ZOOM, FIT_PADDING));
      return true;
    },
    [store, getNodesBounds, setViewport],
  );
}
