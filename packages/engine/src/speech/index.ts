// Free speech (« parole libre »): the matcher, the caller's « Pardon ? », the evaluation.
export { fold, stem, tokenize, NEGATED, type Token } from './normalize.js';
export {
  SpeechMatcher,
  speechMatcherFor,
  UNDERSTOOD_THRESHOLD,
  type Interpretation,
  type MoveScore,
  type SpeechMove,
} from './matcher.js';
export {
  speechLabelsSchema,
  evaluateSpeech,
  mergeEvaluations,
  formatSpeechReport,
  offeredIn,
  type SpeechLabels,
  type SpeechEvaluation,
  type SpeechMiss,
} from './evaluate.js';
export {
  fewSpeechExamples,
  hasSpeechExamples,
  speechExampleCount,
  type SpeechExampleCount,
} from './examples.js';
export { PARDON_LINE, PARDON_TEXTS, pardonText } from './pardon.js';
