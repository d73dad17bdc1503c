// The heavy views (ELK + React Flow, uPlot), each in its own chunk: the listener's console never
// loads them; the trainer's and the projector's load them on first display.
import { lazy } from 'react';

export const LazyStateGraph = lazy(() => import('./StateGraph.js'));
export const LazyVariableCurves = lazy(() => import('./VariableCurves.js'));
