import { describe, expect, it } from '@jest/globals';
import type { ClassExport } from './group-debrief.js';
import { CSV_COLUMNS, classCsv } from './group-debrief.js';

const member = (pseudonym: string, role: 'listener' | 'observer') => ({
  learnerId: pseudonym,
  pseudonym,
  role,
});

describe('classCsv', () => {
  it('writes one row per call, quoting what needs it and neutralising spreadsheet formulas', () => {
    const data = {
      exportedAt: '',
      class: {} as ClassExport['class'],
      calls: [
        {
          sessionId: 's1',
          round: 1,
          group: 1,
          scenarioId: 'x',
          scenarioTitle: 'Appel, « test »',
          members: [
            member('=HYPERLINK("x")', 'listener'),
            member('Dan', 'observer'),
            member('Eve', 'observer'),
          ],
          status: 'ended' as const,
          outcome: 'good' as const,
          trainerLink: null,
          observerLink: null,
          debrief: {
            sessionId: 's1',
            round: 1,
            group: 1,
            listener: 'x',
            path: [],
            measures: {
              timeToPickup: { ms: 4_200, from: null, to: { seq: 2, t: 4_200 } },
              timeToFirstOpenQuestion: null,
              timeToAlertColleague: null,
              outcome: { outcome: 'good' as const, message: '', at: { seq: 9, t: 60_000 } },
            },
            rubric: [
              { criterion: 'a', label: 'A', assessed: true, met: true },
              { criterion: 'b', label: 'B', assessed: true, met: false },
              { criterion: 'c', label: 'C', assessed: false, met: null },
            ],
          },
        },
      ],
    } satisfies ClassExport;
    const lines = classCsv(data).split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines[1]).toBe('1,1,"Appel, « test »","\'=HYPERLINK(""x"")",,Dan ; Eve,ended,good,4.2,,,1,2');
    expect(lines[2]).toBe('');
  });
});
