// The look of each variable's curve, shared by the live curves (uPlot), the debrief's lanes and
// their legends: distinct on white, still apart for the common colour blindnesses, and each
// with its own dash so that colour is never the only difference.
// One definition with the server's early drawing of the debrief's lanes (`@ecoute/engine`).
export { CURVE_COLOURS, CURVE_DASHES, curveStyle } from '@ecoute/engine';
