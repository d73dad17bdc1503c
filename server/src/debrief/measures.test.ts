import { describe, expect, it } from '@jest/globals';
import type { Input, Observation, Source, TimelineEntry } from '@ecoute/engine';
import { computeMeasures } from './measures.js';

/** A timeline from compact rows: [t, source, input or observation]. */
function timeline(rows: [number, Source, Input | Observation][]): TimelineEntry[] {
  return rows.map(([t, source, body], i) => {
    const base = { seq: i + 1, t, at: new Date(t).toISOString(), source };
    return source === 'caller' || source === 'system'
      ? { ...base, kind: 'observation', observation: body as Observation }
      : { ...base, kind: 'input', input: body as Input };
  });
}
const move = (id: string): Input => ({ kind: 'move', move: id });
const line: Observation = { kind: 'line', line: 'x', text: 'x' };
const ending: Observation = {
  kind: 'ending',
  ending: 'fin',
  outcome: 'good',
  message: 'ok',
  reason: 'scenario',
};

describe('computeMeasures', () => {
  it('measures nothing on a call never picked up', () => {
    const measures = computeMeasures(timeline([[0, 'listener', { kind: 'join', name: 'A' }]]));
    expect(measures).toEqual({
      timeToPickup: null,
      timeToFirstOpenQuestion: null,
      longestSilence: null,
      reformulations: { count: 0, moments: [] },
      timeToAlertColleague: null,
      alertMove: true,
      outcome: null,
    });
  });

  it('times the pickup from the listener joining, else from 0', () => {
    const joined = computeMeasures(
      timeline([
        [1_000, 'trainer', { kind: 'join', name: 'F' }],
        [4_000, 'listener', { kind: 'join', name: 'A' }],
        [9_000, 'listener', { kind: 'pickup' }],
      ]),
    );
    expect(joined.timeToPickup).toEqual({ ms: 5_000, from: { seq: 2, t: 4_000 }, to: { seq: 3, t: 9_000 } });
    const alone = computeMeasures(timeline([[7_000, 'listener', { kind: 'pickup' }]]));
    expect(alone.timeToPickup).toEqual({ ms: 7_000, from: null, to: { seq: 1, t: 7_000 } });
  });

  it('finds the first open question, the reformulations and the alert, from pickup', () => {
    const m = computeMeasures(
      timeline([
        [1_000, 'listener', { kind: 'pickup' }],
        [2_000, 'caller', line],
        [5_000, 'listener', move('reformuler')],
        [8_000, 'listener', move('question_ouverte_danger')],
        [9_000, 'listener', move('question_ouverte')],
        [12_000, 'listener', move('reformuler_colere')],
        [20_000, 'listener', move('alerter_collegue')],
      ]),
    );
    expect(m.timeToFirstOpenQuestion).toEqual({
      ms: 7_000,
      from: { seq: 1, t: 1_000 },
      to: { seq: 4, t: 8_000 },
    });
    expect(m.reformulations).toEqual({
      count: 2,
      moments: [
        { seq: 3, t: 5_000 },
        { seq: 6, t: 12_000 },
      ],
    });
    expect(m.timeToAlertColleague?.ms).toBe(19_000);
  });

  it('takes the longest silence while connected and not on hold, up to the end', () => {
    const m = computeMeasures(
      timeline([
        [0, 'listener', { kind: 'pickup' }],
        [4_000, 'listener', { kind: 'say', text: 'Bonjour' }],
        // On hold for a long time: not a silence of the listener.
        [6_000, 'listener', { kind: 'hold' }],
        [60_000, 'listener', { kind: 'unhold' }],
        [61_000, 'caller', line],
        [70_000, 'listener', move('reformuler')],
        // A note is no word to the caller; the trainer's inputs neither.
        [75_000, 'listener', { kind: 'note', text: 'n', shared: false }],
        [76_000, 'trainer', { kind: 'bookmark', comment: '' }],
        [81_000, 'system', ending],
      ]),
    );
    expect(m.longestSilence).toEqual({ ms: 11_000, from: { seq: 6, t: 70_000 }, to: { seq: 9, t: 81_000 } });
    expect(m.outcome).toEqual({
      ending: 'fin',
      outcome: 'good',
      reason: 'scenario',
      message: 'ok',
      at: { seq: 9, t: 81_000 },
    });
  });

  it("counts a sentence read as the phone's hold, and its resume, as the hold and the resume", () => {
    const reading = (n: number, move: string, phone: 'hold' | 'unhold'): Input => ({
      kind: 'interpret',
      n,
      text: 'Je vous mets en attente',
      move,
      score: 0.8,
      runnerUp: null,
      understood: true,
      phone,
    });
    const m = computeMeasures(
      timeline([
        [0, 'listener', { kind: 'pickup' }],
        [4_000, 'listener', { kind: 'say', text: 'Bonjour' }],
        // On hold for a long time by free speech: not a silence of the listener.
        [6_000, 'listener', reading(0, 'mettre_en_attente', 'hold')],
        [60_000, 'listener', reading(1, 'reprendre_appel', 'unhold')],
        [70_000, 'listener', move('reformuler')],
        [75_000, 'system', ending],
      ]),
    );
    expect(m.longestSilence).toEqual({ ms: 10_000, from: { seq: 4, t: 60_000 }, to: { seq: 5, t: 70_000 } });
  });

  it('says whether the call offers to alert a colleague, as its caller tells it', () => {
    const entries = timeline([[0, 'listener', { kind: 'pickup' }]]);
    expect(computeMeasures(entries).alertMove).toBe(true);
    expect(computeMeasures(entries, { alertMove: false })).toMatchObject({
      alertMove: false,
      timeToAlertColleague: null,
    });
  });

  it('runs a silence to the last entry of a call still going', () => {
    const m = computeMeasures(
      timeline([
        [0, 'listener', { kind: 'pickup' }],
        [3_000, 'listener', move('question_ouverte')],
        [30_000, 'caller', line],
      ]),
    );
    expect(m.longestSilence).toEqual({ ms: 27_000, from: { seq: 2, t: 3_000 }, to: { seq: 3, t: 30_000 } });
  });
});
