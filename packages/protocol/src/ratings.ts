// The ratings of a criterion, in a module of their own without zod: the debrief page reads them,
// and importing them from `debrief.ts` would bring that module's schemas (and zod) into its chunk.

/** How a trainer judges a criterion, and how a learner rates their own: met, partly, not met. */
export const CRITERION_RATINGS = ['met', 'partly', 'not'] as const;
export type CriterionRating = (typeof CRITERION_RATINGS)[number];
