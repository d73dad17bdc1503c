// Coded problems found in a scenario document. Codes are stable (the editor and the server show
// them); messages are French, for the author.

import type { EngineMessage } from '../messages.js';

export const ScenarioErrorCode = {
  TooLarge: 'scenario/too_large',
  TooDeep: 'scenario/too_deep',
  Aliases: 'scenario/aliases',
  Yaml: 'scenario/yaml',
  Schema: 'scenario/schema',
  Reference: 'scenario/reference',
  Cycle: 'scenario/cycle',
} as const;
export type ScenarioErrorCode = (typeof ScenarioErrorCode)[keyof typeof ScenarioErrorCode];

export type IssuePath = (string | number)[];

export interface ScenarioIssue {
  code: ScenarioErrorCode;
  /** In French (the command line; the studio when its catalogue lacks `text`'s code). */
  message: string;
  /** The message as a code and its parameters (`messages.ts`), worded by the studio in its language. */
  text?: EngineMessage;
  /** Dotted path in the document, e.g. `machine.states.accueil.on.reformuler.actions.0.params.line`. */
  path?: string;
  /** 1-based position in the source text, when it can be located. */
  line?: number;
  column?: number;
}

export function formatPath(path: IssuePath): string {
  return path.map(String).join('.');
}

/** Thrown by `compileScenario` when given a scenario that does not hold together. */
export class ScenarioError extends Error {
  readonly issues: ScenarioIssue[];
  constructor(issues: ScenarioIssue[]) {
    const first = issues[0];
    super(
      first
        ? `${first.code}: ${first.message}${first.path ? ` (${first.path})` : ''}${issues.length > 1 ? ` (+${issues.length - 1})` : ''}`
        : 'scénario invalide',
    );
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}
