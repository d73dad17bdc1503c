// The JSON export's schema: the committed JSON Schema is the one generated from the zod schema.
// Regenerate with: UPDATE_EXPORT_SCHEMA=1 node --experimental-vm-modules node_modules/jest/bin/jest.js --selectProjects protocol exports
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { SESSION_EXPORT_FORMAT, sessionExportJsonSchema, sessionExportSchema } from './exports.js';

const committed = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'session-export.schema.json',
);

describe('session export schema', () => {
  it('is committed as generated', () => {
    const generated = `${JSON.stringify(sessionExportJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_EXPORT_SCHEMA === '1') writeFileSync(committed, generated);
    expect(readFileSync(committed, 'utf8')).toBe(generated);
  });

  it('takes a minimal export and refuses a malformed one', () => {
    const sample = {
      format: SESSION_EXPORT_FORMAT,
      version: 1,
      exportedAt: '2026-01-01T10:00:00.000Z',
      session: {
        id: 's1',
        scenario: { id: 'appel-entrainement', version: 1, title: "Appel d'entraînement" },
        seed: 42,
        callerActor: false,
        createdAt: '2026-01-01T09:00:00.000Z',
        status: 'ended',
        endedAt: '2026-01-01T09:10:00.000Z',
        outcome: 'good',
        registration: '0b0f1f6e-2c2a-4c55-9d0e-6f3b1a4c5d6e',
      },
      participants: [{ role: 'listener', name: 'Camille' }],
      timeline: [
        {
          seq: 1,
          t: 0,
          at: '2026-01-01T09:00:01.000Z',
          source: 'listener',
          kind: 'input',
          input: { kind: 'pickup' },
        },
        {
          seq: 2,
          t: 0,
          at: '2026-01-01T09:00:01.000Z',
          source: 'caller',
          kind: 'observation',
          observation: { kind: 'line', line: 'allo', text: 'Allô ?' },
        },
      ],
      score: { criteria: [], scaled: null, success: true },
    };
    expect(sessionExportSchema.safeParse(sample).success).toBe(true);
    expect(
      sessionExportSchema.safeParse({ ...sample, timeline: [{ ...sample.timeline[0], seq: 0 }] }).success,
    ).toBe(false);
    expect(sessionExportSchema.safeParse({ ...sample, format: 'autre' }).success).toBe(false);
  });
});
