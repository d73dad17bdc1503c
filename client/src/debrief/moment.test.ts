import { describe, expect, it } from '@jest/globals';
import { debriefFixture, shortCall } from './debriefFixture.js';
import { indexAtTime, indexOfSeq, momentAt, variableSeries } from './moment.js';

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
  it('indexAtTime is the last entry at or before the time', () => {
    expect(indexAtTime(entries, 0)).toBe(-1);
    expect(indexAtTime(entries, 2_000)).toBe(0);
    expect(indexAtTime(entries, 5_000)).toBe(3);
    expect(indexAtTime(entries, 14_999)).toBe(7);
    expect(indexAtTime(entries, 1e9)).toBe(entries.length - 1);
    expect(indexAtTime([], 5)).toBe(-1);
  });

  it('indexOfSeq finds a seq, or the last entry before a hidden one', () => {
    expect(indexOfSeq(entries, 5)).toBe(4);
    const withoutFive = entries.filter((e) => e.seq !== 5);
    expect(indexOfSeq(withoutFive, 5)).toBe(3);
  });
});

describe('variableSeries', () => {
  it('starts at the initial value and steps at each change', () => {
    const series = variableSeries(shortCall(), scenario.variables);
    expect(series.find((s) => s.id === 'confiance')).toMatchObject({ times: [0, 9_000], values: [3, 5] });
    expect(series.find((s) => s.id === 'detresse')).toMatchObject({ times: [0], values: [4] });
  });
});
