import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  CallRun,
  ManualScheduler,
  SessionClock,
  compileScenario,
  parseScenario,
  type Input,
  type Observation,
  type Source,
  type TimelineEntry,
} from '@ecoute/engine';
import { debriefOfCompact, debriefTimeline, timelineColumns, timelineEntries } from './debrief-timeline.js';
import type { Debrief } from './debrief.js';

/** The tutorial call of the library played through the engine, as its timeline would record it. */
function tutorialCall(): TimelineEntry[] {
  const text = readFileSync(new URL('../../../scenarios/appel-entrainement.yaml', import.meta.url), 'utf8');
  const parsed = parseScenario(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const scheduler = new ManualScheduler();
  const clock = new SessionClock(scheduler);
  const entries: TimelineEntry[] = [];
  const start = Date.UTC(2026, 11, 5, 9, 30);
  const push = (t: number, source: Source, body: { input: Input } | { observation: Observation }) => {
    const at = new Date(start + t + (entries.length % 3)).toISOString();
    entries.push(
      'input' in body
        ? { seq: entries.length + 1, t, at, source, kind: 'input', input: body.input }
        : { seq: entries.length + 1, t, at, source, kind: 'observation', observation: body.observation },
    );
  };
  const observe = (t: number, observation: Observation) =>
    push(t, observation.kind === 'line' ? 'caller' : 'system', { observation });
  const run = new CallRun(compileScenario(parsed.scenario), {
    clock,
    seed: 7,
    onTimer: (observations) => observations.forEach(({ t, observation }) => observe(t, observation)),
  });
  const apply = (source: Source, input: Input) => {
    const t = clock.now();
    const result = clock.hold(() => run.apply(input));
    if (!result.ok) return;
    push(t, source, { input });
    result.observations.forEach((observation) => observe(t, observation));
  };
  apply('listener', { kind: 'join', name: 'Camille' });
  scheduler.advanceBy(4_000);
  apply('listener', { kind: 'pickup' });
  for (const move of [
    'se_presenter',
    'question_ouverte',
    'reformuler',
    'valider_emotion',
    'expliquer_role',
  ]) {
    scheduler.advanceBy(7_000);
    apply('listener', { kind: 'move', move });
  }
  apply('trainer', { kind: 'bookmark', comment: 'Belle « reformulation »\nligne 2' });
  apply('listener', { kind: 'note', text: 'à revoir', shared: false });
  scheduler.advanceBy(30_000);
  apply('listener', { kind: 'say', text: 'Je vous écoute, dites-moi "tout".' });
  apply('listener', { kind: 'hangup' });
  run.dispose();
  return entries;
}

describe('the debrief timeline in columns', () => {
  const entries = tutorialCall();

  it('gives back, from a library call, the same entries as the answer held before', () => {
    expect(entries.length).toBeGreaterThan(15);
    expect(entries.some((e) => e.kind === 'observation' && e.observation.kind === 'variable')).toBe(true);
    const timeline = JSON.parse(JSON.stringify(debriefTimeline(entries))) as ReturnType<
      typeof debriefTimeline
    >;
    expect(timelineEntries(timeline)).toEqual(entries);
    const debrief = { viewer: 'trainer', entries } as unknown as Debrief;
    const { entries: _entries, ...head } = debrief;
    expect(debriefOfCompact({ ...head, timeline })).toEqual(debrief);
  });

  it('names each string once and decodes times, kinds and values into typed arrays', () => {
    const timeline = debriefTimeline(entries);
    expect(new Set(timeline.strings).size).toBe(timeline.strings.length);
    const columns = timelineColumns(timeline);
    expect(columns.count).toBe(entries.length);
    expect(columns.t).toBeInstanceOf(Float64Array);
    entries.forEach((entry, i) => {
      expect(columns.seq[i]).toBe(entry.seq);
      expect(columns.t[i]).toBe(entry.t);
      expect(columns.strings[columns.source[i]!]).toBe(entry.source);
      const payload = entry.kind === 'input' ? entry.input : entry.observation;
      expect(columns.strings[columns.kind[i]!]).toBe(`${entry.kind}:${payload.kind}`);
      if (entry.kind === 'observation' && entry.observation.kind === 'variable') {
        expect(columns.strings[columns.variable[i]!]).toBe(entry.observation.variable);
        expect(columns.value[i]).toBe(entry.observation.value);
      } else expect(columns.variable[i]).toBe(-1);
    });
  });

  it('keeps a wall time that does not read back as written', () => {
    const [first, ...rest] = entries;
    const odd = [{ ...first!, at: '2026-12-05T10:30:00+01:00' }, ...rest];
    expect(timelineEntries(debriefTimeline(odd))).toEqual(odd);
  });

  it('writes back every wall time as toISOString does (midnights, milliseconds, far years)', () => {
    const times = [
      0,
      1,
      999,
      Date.UTC(2026, 11, 31, 23, 59, 59, 999),
      Date.UTC(2027, 0, 1),
      Date.UTC(2026, 1, 28, 12, 5, 7, 40),
      Date.UTC(1969, 11, 31, 23, 59, 59, 990),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(10000, 0, 1, 0, 0, 0, 5),
      ...Array.from({ length: 500 }, (_, i) => Date.UTC(2026, 11, 5, 9) + i * 7_919_777),
    ];
    const odd = times.map((ms, i) => ({
      ...entries[i % entries.length]!,
      seq: i + 1,
      t: i,
      at: new Date(ms).toISOString(),
    }));
    expect(timelineEntries(debriefTimeline(odd)).map((e) => e.at)).toEqual(odd.map((e) => e.at));
  });
});
