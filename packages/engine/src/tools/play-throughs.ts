// The play-through tests kept next to each scenario (`scenarios/<id>.tests.yaml`): inputs at
// their session times, what each step must produce, and how the call must end. Parsed with the
// same limits and located errors as a scenario.
import { z } from 'zod';
import { RunErrorCode } from '../run/call-run.js';
import { ID_PATTERN, SCENARIO_ID_PATTERN } from '../scenario/schema.js';
import { parseYamlWith, type LoadedYaml } from '../scenario/parse.js';
import type { ScenarioIssue } from '../scenario/issues.js';
import { ENGINE_MESSAGES, frenchText, msg } from '../messages.js';
import { OUTCOMES } from '../timeline.js';

const id = z.string().regex(ID_PATTERN, ENGINE_MESSAGES['schema.test_id']).max(64);
const statePath = z.string().min(1).max(500);

export const stepExpectSchema = z.strictObject({
  /** Exactly the line ids said since the previous step (timer lines included), in order. */
  lines: z.array(id).max(200).optional(),
  /** The exact set of active leaf state paths after the step. */
  states: z.array(statePath).max(64).optional(),
  /** Values after the step (only those listed). */
  variables: z.record(id, z.number().finite()).optional(),
  /** The step must be refused with this code. */
  error: z.enum(Object.values(RunErrorCode) as [RunErrorCode, ...RunErrorCode[]]).optional(),
});
export type StepExpect = z.output<typeof stepExpectSchema>;

const at = z
  .number()
  .int()
  .min(0)
  .max(24 * 60 * 60 * 1000);
const base = { at, expect: stepExpectSchema.optional() };
const yes = z.literal(true);

export const playThroughStepSchema = z.union([
  z.strictObject({ ...base, pickup: yes }),
  z.strictObject({ ...base, move: id }),
  z.strictObject({ ...base, inject: id }),
  z.strictObject({ ...base, say: z.string().min(1).max(2000) }),
  z.strictObject({ ...base, hangup: yes }),
  z.strictObject({ ...base, pause: yes }),
  z.strictObject({ ...base, resume: yes }),
  z.strictObject({ ...base, end: yes }),
  z.strictObject({ ...base, wait: yes }),
]);
export type PlayThroughStep = z.output<typeof playThroughStepSchema>;

export const playThroughSchema = z.strictObject({
  name: z.string().min(1).max(300),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
  steps: z.array(playThroughStepSchema).min(1).max(1000),
  /** How the call must end (`ending: null` for a call ended by the trainer). */
  end: z.strictObject({
    ending: id.nullable(),
    outcome: z.enum(OUTCOMES).nullable(),
    reason: z.enum(['scenario', 'hangup', 'trainer']).optional(),
  }),
  /** Expected results of automatic rubric criteria, by criterion id (null: not assessed). */
  rubric: z.record(id, z.boolean().nullable()).optional(),
});
export type PlayThrough = z.output<typeof playThroughSchema>;

export const playThroughFileSchema = z.strictObject({
  scenario: z.string().regex(SCENARIO_ID_PATTERN, ENGINE_MESSAGES['schema.test_scenario_id']).max(100),
  tests: z.array(playThroughSchema).min(1).max(500),
});
export type PlayThroughFile = z.output<typeof playThroughFileSchema>;

export type ParsePlayThroughsResult =
  { ok: true; file: PlayThroughFile; loaded: LoadedYaml } | { ok: false; errors: ScenarioIssue[] };

/** `.tests.yaml` text → its tests, or located issues. Never throws. */
export function parsePlayThroughs(text: string, source?: string): ParsePlayThroughsResult {
  try {
    const result = parseYamlWith(text, playThroughFileSchema, (file) =>
      file.tests.flatMap((test, i) =>
        test.steps.flatMap((step, j) => {
          const previous = j > 0 ? test.steps[j - 1]!.at : 0;
          if (step.at >= previous) return [];
          const text = msg('test.times_order', { test: test.name, at: step.at, previous });
          return [
            {
              code: 'scenario/schema' as const,
              message: frenchText(text),
              text,
              path: ['tests', i, 'steps', j, 'at'],
            },
          ];
        }),
      ),
    );
    if (!result.ok) {
      if (source !== undefined)
        for (const issue of result.errors) {
          issue.message = frenchText(msg('parse.in_file', { file: source, message: issue.message }));
          if (issue.text) issue.text = msg('parse.in_file', { file: source, message: issue.text });
        }
      return result;
    }
    return { ok: true, file: result.value, loaded: result.loaded };
  } catch (err) {
    const said = msg('parse.unreadable', { error: String(err) });
    const text = source ? msg('parse.in_file', { file: source, message: said }) : said;
    return { ok: false, errors: [{ code: 'scenario/yaml', message: frenchText(text), text }] };
  }
}
