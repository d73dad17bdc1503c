// Direct labels: each series' name written at the end of its line. The placing rule lives with the
// lanes' geometry in the engine (`views/direct-labels.ts`): the server's early drawing of the
// debrief's lanes places the names by the same rule as the canvas and the live curves.
export {
  LABEL_ASCENT,
  LABEL_DESCENT,
  LABEL_GAP,
  LABEL_LIFT,
  crossesLabel,
  freeLabelY,
  placeEndLabels,
  placeLabels,
} from '@ecoute/engine';
