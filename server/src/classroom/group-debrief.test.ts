import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { compileScenario, parseScenario, replayWith } from '@ecoute/engine';
import type { CompiledScenario, Input, Observation, TimelineEntry } from '@ecoute/engine';
import { groupDebriefEdgeSchema } from '@ecoute/protocol';
import { findWorkspaceRoot } from '../config/env.js';
import type { ClassCallState } from './class-store.js';
import type { ClassExport } from './group-debrief.js';
import { CSV_COLUMNS, classCsv, groupDebrief, groupDebriefCall } from './group-debrief.js';

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
            transitions: [],
            measures: {
              timeToPickup: { ms: 4_200, from: null, to: { seq: 2, t: 4_200 } },
              timeToFirstOpenQuestion: null,
              timeToAlertColleague: null,
              outcome: {
                ending: 'rappel',
                outcome: 'good' as const,
                reason: 'scenario' as const,
                message: '',
                at: { seq: 9, t: 60_000 },
              },
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

function training(): CompiledScenario {
  const text = readFileSync(path.join(findWorkspaceRoot(), 'scenarios', 'appel-entrainement.yaml'), 'utf8');
  const parsed = parseScenario(text, 'appel-entrainement');
  if (!parsed.ok) throw new Error('scenario');
  return compileScenario(parsed.scenario);
}

/** A call's timeline as the server records it: each input, then what it caused; timers between. */
function recorded(compiled: CompiledScenario, seed: number, inputs: { t: number; input: Input }[]) {
  const entries: TimelineEntry[] = [];
  const observe = (t: number, observation: Observation) =>
    entries.push({ seq: entries.length + 1, t, at: '', source: 'system', kind: 'observation', observation });
  replayWith(compiled, seed, inputs, {
    until: inputs.at(-1)!.t,
    onStep: (step) => {
      if (step.kind === 'input') {
        const { input } = inputs[step.index]!;
        entries.push({
          seq: entries.length + 1,
          t: step.t,
          at: '',
          source: 'listener',
          kind: 'input',
          input,
        });
        if (step.result.ok) for (const observation of step.result.observations) observe(step.t, observation);
      } else for (const observation of step.observations) observe(step.t, observation);
    },
  });
  return entries;
}

const move = (t: number, id: string) => ({ t, input: { kind: 'move' as const, move: id } });
const pickup = { t: 0, input: { kind: 'pickup' as const } };

describe('groupDebrief', () => {
  it('counts, for three calls of one scenario, the calls that took each edge of the graph', () => {
    const compiled = training();
    const plays = [
      // Guided to the end: « Connectée ».
      [
        pickup,
        move(1_000, 'se_presenter'),
        move(5_000, 'reformuler'),
        ...[6, 7, 8].map((s) => move(s * 1000, 'guider_pas_a_pas')),
      ],
      // 20 s of silence in « En ligne » (its timer re-enters it), then a call-back.
      [pickup, move(1_000, 'se_presenter'), move(25_000, 'reformuler'), move(26_000, 'proposer_rappel')],
      // A call-back straight away.
      [pickup, move(2_000, 'se_presenter'), move(3_000, 'proposer_rappel')],
    ];
    const calls = plays.map((inputs, i) => {
      const state: ClassCallState = {
        sessionId: `s${i + 1}`,
        classId: 'c',
        round: 1,
        group: i + 1,
        members: [{ learnerId: `l${i}`, pseudonym: `L${i}`, role: 'listener' }],
        scenarioId: compiled.scenario.id,
        scenarioVersion: compiled.scenario.version,
        seed: 11 + i,
        status: 'ended',
        outcome: null,
      };
      return groupDebriefCall(compiled, state, recorded(compiled, state.seed, inputs));
    });
    const debrief = groupDebrief('c', compiled, calls);
    for (const edge of debrief.transitions) expect(groupDebriefEdgeSchema.parse(edge)).toEqual(edge);
    const count = (edge: string) => debrief.transitions.find((e) => e.edge === edge);
    expect(count('accueil|se_presenter|0')).toEqual({
      edge: 'accueil|se_presenter|0',
      from: 'accueil',
      to: 'ecoute',
      calls: 3,
      times: 3,
    });
    // `acted` after each move in « Elle explique » re-enters « En ligne »: a compound state's edge.
    expect(count('ecoute|acted|0')).toMatchObject({
      from: 'ecoute',
      to: 'ecoute.en_ligne',
      calls: 3,
      times: 5,
    });
    // The self-transition of the silence timer, taken by the second call only.
    expect(count('ecoute.en_ligne|after 20000|0')).toMatchObject({
      from: 'ecoute.en_ligne',
      to: 'ecoute.en_ligne',
      calls: 1,
      times: 1,
    });
    // A reaction (no target) of two calls; the ways out of « Elle explique ».
    expect(count('ecoute|reformuler|0')).toMatchObject({ to: null, calls: 2, times: 2 });
    expect(count('ecoute|proposer_rappel|0')).toMatchObject({ from: 'ecoute', to: 'rappel', calls: 2 });
    expect(count('ecoute|guider_pas_a_pas|0')).toMatchObject({ to: 'guidage', calls: 1 });
    expect(count('guidage|guider_pas_a_pas|0')).toMatchObject({ to: 'connectee', calls: 1 });
    expect(count('guidage|guider_pas_a_pas|1')).toMatchObject({ to: null, calls: 1 });
    expect(debrief.transitions).toHaveLength(8);
    // Most taken first.
    expect(debrief.transitions[0]!.edge).toBe('ecoute|acted|0');
    // Each call: the edges it took, in order first taken.
    expect(calls[2]!.transitions).toEqual([
      { edge: 'accueil|se_presenter|0', times: 1 },
      { edge: 'ecoute|acted|0', times: 1 },
      { edge: 'ecoute|proposer_rappel|0', times: 1 },
    ]);
  });
});
