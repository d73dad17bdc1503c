import { describe, expect, it } from '@jest/globals';
import { phoneHoldOf, type TimelineEntry } from '@ecoute/engine';
import { debriefTimeline, type DebriefCompact, type DebriefVariable } from '@ecoute/protocol';
import { debriefFixture, shortCall, timeline } from './debriefFixture.js';
import { debriefOfColumns, timelineOf, timelineOfEntries } from './timeline.js';
import { MomentIndex, indexAtTime, indexOfSeq, momentAt, variableSeries, type Moment } from './moment.js';

const { scenario } = debriefFixture();

describe('momentAt: the call as it was at an entry', () => {
  const entries = shortCall();

  it('before anything: ringing, initial values, no state', () => {
    expect(momentAt(entries, -1, scenario.variables)).toEqual({
      index: -1,
      t: 0,
      phase: 'ringing',
      paused: false,
      onHold: false,
      states: [],
      variables: { detresse: 4, confiance: 3 },
      ending: null,
    });
  });

  it('after a move: connected, the variables and states changed so far', () => {
    const moment = momentAt(entries, 7, scenario.variables);
    expect(moment).toMatchObject({
      t: 9_000,
      phase: 'connected',
      states: ['ecoute.en_ligne'],
      variables: { detresse: 4, confiance: 5 },
    });
    // One entry earlier, the state had not changed yet.
    expect(momentAt(entries, 6, scenario.variables).states).toEqual(['accueil']);
  });

  it('at the end: ended, with its outcome', () => {
    const moment = momentAt(entries, entries.length - 1, scenario.variables);
    expect(moment.phase).toBe('ended');
    expect(moment.ending).toMatchObject({ outcome: 'failure', reason: 'hangup' });
    // Past the last index is the last entry.
    expect(momentAt(entries, 999, scenario.variables).index).toBe(entries.length - 1);
  });
});

describe('finding entries by time and by seq', () => {
  const entries = shortCall();
  const times = entries.map((entry) => entry.t);
  it('indexAtTime is the last entry at or before the time', () => {
    expect(indexAtTime(times, 0)).toBe(-1);
    expect(indexAtTime(times, 2_000)).toBe(0);
    expect(indexAtTime(times, 5_000)).toBe(3);
    expect(indexAtTime(times, 14_999)).toBe(7);
    expect(indexAtTime(times, 1e9)).toBe(entries.length - 1);
    expect(indexAtTime([], 5)).toBe(-1);
  });

  it('indexOfSeq finds a seq, or the last entry before a hidden one', () => {
    expect(
      indexOfSeq(
        entries.map((e) => e.seq),
        5,
      ),
    ).toBe(4);
    const withoutFive = entries.filter((e) => e.seq !== 5);
    expect(
      indexOfSeq(
        withoutFive.map((e) => e.seq),
        5,
      ),
    ).toBe(3);
  });
});

describe('variableSeries', () => {
  it('starts at the initial value and steps at each change', () => {
    const series = variableSeries(shortCall(), scenario.variables);
    expect(series.find((s) => s.id === 'confiance')).toMatchObject({ times: [0, 9_000], values: [3, 5] });
    expect(series.find((s) => s.id === 'detresse')).toMatchObject({ times: [0], values: [4] });
  });
});

/** The reference: the call replayed entry by entry up to the moment. */
function replayed(
  entries: readonly TimelineEntry[],
  index: number,
  variables: readonly DebriefVariable[],
): Moment {
  const last = Math.min(index, entries.length - 1);
  const moment: Moment = {
    index: last,
    t: last >= 0 ? (entries[last]?.t ?? 0) : 0,
    phase: 'ringing',
    paused: false,
    onHold: false,
    states: [],
    variables: Object.fromEntries(variables.map((v) => [v.id, v.initial])),
    ending: null,
  };
  for (const entry of entries.slice(0, last + 1)) {
    if (entry.kind === 'input') {
      const { kind } = entry.input;
      if (kind === 'pickup') moment.phase = 'connected';
      else if (kind === 'pause' || kind === 'resume') moment.paused = kind === 'pause';
      // The phone's buttons, a sentence read or corrected as the phone's, the standard move: as
      // the server's measures and the floor count a hold.
      const held = phoneHoldOf(entry.input);
      if (held !== null) moment.onHold = held === 'hold';
      continue;
    }
    const { observation } = entry;
    if (observation.kind === 'variable') moment.variables[observation.variable] = observation.value;
    else if (observation.kind === 'state') moment.states = observation.states;
    else if (observation.kind === 'ending') {
      const { ending, outcome, message, reason } = observation;
      moment.phase = 'ended';
      moment.onHold = false;
      moment.ending = { ending, outcome, message, reason };
    }
  }
  return moment;
}

describe('MomentIndex: each moment by binary search over prepared indexes', () => {
  it('finds at every entry the moment a replay of the entries before it gives', () => {
    const entries = timeline([
      [1_000, 'listener', { kind: 'join', name: 'Camille' }],
      [2_000, 'listener', { kind: 'pickup' }],
      [2_000, 'system', { kind: 'state', states: ['accueil'] }],
      [3_000, 'system', { kind: 'variable', variable: 'detresse', value: 6, previous: 4 }],
      [3_000, 'system', { kind: 'variable', variable: 'detresse', value: 7, previous: 6 }],
      [4_000, 'trainer', { kind: 'pause' }],
      [4_000, 'trainer', { kind: 'resume' }],
      [5_000, 'listener', { kind: 'hold' }],
      [6_000, 'system', { kind: 'variable', variable: 'confiance', value: 1, previous: 3 }],
      [7_000, 'listener', { kind: 'unhold' }],
      [7_000, 'system', { kind: 'state', states: ['ecoute.en_ligne', 'risque.faible'] }],
      [8_000, 'trainer', { kind: 'pause' }],
      [9_000, 'listener', { kind: 'hold' }],
      [
        9_000,
        'system',
        { kind: 'ending', ending: 'coupe', outcome: null, message: 'Coupé.', reason: 'call_drop' },
      ],
      [9_500, 'trainer', { kind: 'join', name: 'Dominique' }],
    ]);
    const index = new MomentIndex(timelineOfEntries(entries), scenario.variables);
    for (let i = -1; i <= entries.length + 1; i += 1)
      expect(index.at(i)).toEqual(replayed(entries, i, scenario.variables));
    for (const call of [shortCall()]) {
      const prepared = new MomentIndex(timelineOfEntries(call), scenario.variables);
      for (let i = -1; i < call.length; i += 1)
        expect(prepared.at(i)).toEqual(replayed(call, i, scenario.variables));
    }
  });

  it("reads a hold said in free speech, or corrected to, as the phone's hold, from the entries and from the compact answer", () => {
    const understood = { score: 0.8, runnerUp: null, understood: true, offered: ['mettre_en_attente'] };
    const entries = timeline([
      [1_000, 'listener', { kind: 'pickup' }],
      // « Je vous mets en attente » read as the phone's hold (`phone`), then « Je reprends ».
      [
        3_000,
        'listener',
        {
          kind: 'interpret',
          n: 0,
          text: 'Je vous mets en attente.',
          move: 'mettre_en_attente',
          ...understood,
          phone: 'hold',
        },
      ],
      [5_000, 'system', { kind: 'variable', variable: 'confiance', value: 2, previous: 3 }],
      [
        8_000,
        'listener',
        {
          kind: 'interpret',
          n: 1,
          text: 'Me revoilà.',
          move: 'reprendre_appel',
          ...understood,
          phone: 'unhold',
        },
      ],
      // A reading of the hold move without `phone` (recorded before it): the plain move, no hold.
      [
        9_000,
        'listener',
        { kind: 'interpret', n: 2, text: 'Un instant.', move: 'mettre_en_attente', ...understood },
      ],
      // The trainer's correction to the hold, done as the phone's; the standard move sent as a move.
      [
        10_000,
        'listener',
        { kind: 'interpret', n: 3, text: 'Euh.', move: null, score: 0, runnerUp: null, understood: false },
      ],
      [11_000, 'trainer', { kind: 'correct', n: 3, move: 'mettre_en_attente', applied: true, phone: 'hold' }],
      [12_000, 'listener', { kind: 'move', move: 'reprendre_appel' }],
      [13_000, 'listener', { kind: 'say', text: 'Me voilà.' }],
    ]);
    const onHold = [false, true, true, false, false, false, true, false, false];
    const compact = JSON.parse(JSON.stringify({ timeline: debriefTimeline(entries) })) as DebriefCompact;
    for (const prepared of [timelineOfEntries(entries), timelineOf(debriefOfColumns(compact))]) {
      const index = new MomentIndex(prepared, scenario.variables);
      expect(entries.map((_, i) => index.basics(i).onHold)).toEqual(onHold);
      expect(prepared.entriesBuilt).toBe(prepared === timelineOfEntries(entries));
      for (let i = -1; i < entries.length; i += 1)
        expect(index.at(i)).toEqual(replayed(entries, i, scenario.variables));
    }
  });

  it('counts the state observations crossed at an entry', () => {
    const index = new MomentIndex(timelineOfEntries(shortCall()), scenario.variables);
    expect(index.stateIndices).toEqual([3, 7]);
    expect([-1, 2, 3, 6, 7, 12].map((i) => index.statesCrossed(i))).toEqual([0, 0, 1, 1, 2, 2]);
  });
});
