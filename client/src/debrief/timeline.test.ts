import { describe, expect, it } from '@jest/globals';
import { debriefOfCompact, debriefTimeline, type DebriefCompact } from '@ecoute/protocol';
import { debriefFixture, longTimeline, shortCall } from './debriefFixture.js';
import { laneOf } from './lanes.js';
import { MomentIndex, seriesOfTimeline, variableSeries } from './moment.js';
import { debriefOfColumns, timelineOf, timelineOfEntries } from './timeline.js';

function compactOf(entries = shortCall()): DebriefCompact {
  const { entries: _entries, ...rest } = debriefFixture({}, entries);
  return { ...rest, timeline: debriefTimeline(entries) };
}

describe('the debrief read from its columns', () => {
  it('gives the lanes, times, seqs, moments and curves without building one entry', () => {
    const entries = longTimeline(2_000);
    const debrief = debriefOfColumns(compactOf(entries));
    const { scenario } = debrief;
    const timeline = timelineOf(debrief);
    expect(timeline.count).toBe(entries.length);
    expect([...timeline.t]).toEqual(entries.map((e) => e.t));
    expect([...timeline.seq]).toEqual(entries.map((e) => e.seq));
    expect(timeline.lanes).toEqual(entries.map(laneOf));
    const moments = new MomentIndex(timeline, scenario.variables);
    const fromEntries = new MomentIndex(timelineOfEntries(entries), scenario.variables);
    for (const i of [-1, 0, 5, 999, 1_999]) expect(moments.basics(i)).toEqual(fromEntries.basics(i));
    expect(seriesOfTimeline(timeline, scenario.variables)).toEqual(
      variableSeries(entries, scenario.variables),
    );
    expect(timeline.entriesBuilt).toBe(false);
  });

  it('builds the entries on first read, once, as the protocol reads them', () => {
    const compact = compactOf();
    const debrief = debriefOfColumns(compactOf());
    const timeline = timelineOf(debrief);
    expect(timeline.entriesBuilt).toBe(false);
    const entries = debrief.entries;
    expect(timeline.entriesBuilt).toBe(true);
    expect(entries).toEqual(debriefOfCompact(compact).entries);
    expect(debrief.entries).toBe(entries);
    expect(timeline.entries()).toBe(entries);
    // A debrief edited by the page (`{ ...debrief, marks }`) keeps its timeline.
    expect(timelineOf({ ...debrief, marks: [] })).toBe(timeline);
  });

  it('reads the moment at any entry the same from columns or entries', () => {
    const entries = shortCall();
    const { scenario } = debriefFixture();
    const debrief = debriefOfColumns(compactOf(entries));
    const moments = new MomentIndex(timelineOf(debrief), scenario.variables);
    const fromEntries = new MomentIndex(timelineOfEntries(entries), scenario.variables);
    for (let i = -1; i < entries.length; i += 1) expect(moments.at(i)).toEqual(fromEntries.at(i));
  });
});
