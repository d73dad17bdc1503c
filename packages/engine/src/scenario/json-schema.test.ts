import { describe, it, expect } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { playThroughsJsonSchema, scenarioJsonSchema } from './json-schema.js';

// Regenerate with: UPDATE_SCENARIO_SCHEMA=1 node --experimental-vm-modules node_modules/jest/bin/jest.js --selectProjects engine json-schema
const committed = new URL('../../../../scenarios/scenario.schema.json', import.meta.url);
const committedTests = new URL('../../../../scenarios/tests.schema.json', import.meta.url);

describe('scenarioJsonSchema', () => {
  const generated = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;

  it('is the committed scenarios/scenario.schema.json', () => {
    if (process.env.UPDATE_SCENARIO_SCHEMA === '1') writeFileSync(committed, generated);
    expect(readFileSync(committed, 'utf8')).toBe(generated);
  });

  it('describes the engine actions and refuses unknown fields', () => {
    const schema = scenarioJsonSchema();
    const text = JSON.stringify(schema);
    for (const action of ['say', 'adjust', 'set', 'flag', 'cue', 'note', 'end'])
      expect(text).toContain(`"const":"${action}"`);
    expect(text).toContain('"additionalProperties":false');
    expect((schema.required as string[]).sort()).toEqual(
      [
        'id',
        'version',
        'title',
        'summary',
        'difficulty',
        'durationMinutes',
        'persona',
        'variables',
        'lines',
        'moves',
        'endings',
        'hangupEnding',
        'machine',
      ].sort(),
    );
  });

  it("offers the persona's trainerNotes, not required", () => {
    const persona = (scenarioJsonSchema().properties as Record<string, Record<string, unknown>>)['persona']!;
    expect(Object.keys(persona['properties'] as object)).toContain('trainerNotes');
    expect(persona['required']).not.toContain('trainerNotes');
  });
});

describe('playThroughsJsonSchema', () => {
  const generated = `${JSON.stringify(playThroughsJsonSchema(), null, 2)}\n`;

  it('is the committed scenarios/tests.schema.json', () => {
    if (process.env.UPDATE_SCENARIO_SCHEMA === '1') writeFileSync(committedTests, generated);
    expect(readFileSync(committedTests, 'utf8')).toBe(generated);
  });

  it('offers every step action and requires the end of the call', () => {
    const text = JSON.stringify(playThroughsJsonSchema());
    for (const key of ['pickup', 'move', 'inject', 'say', 'hangup', 'pause', 'resume', 'end', 'wait'])
      expect(text).toContain(`"${key}"`);
    expect(text).toContain('"input/not_available"');
  });
});
