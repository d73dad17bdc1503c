// A published version never changes (DESIGN.md, Storage). The built-in calls edited after their
// version was published got a new version; the text they had moved to `scenarios/versions/`.
// Each fixture is a session recorded, through the server's runtime and its SQLite store, on that
// earlier version (the files as they stood on main when it was published, commit c10cecf; the
// inputs of that day's first play-through of the call: whole, an ended call the debrief replays,
// or its first steps, a live call a restart rebuilds): the catalogue must still give that version
// to such a session, and replaying its timeline must give back what was recorded, entry for
// entry, the same states and the same ending. The tutorial's v1 (main at 8824484, its rubric help
// named an internal flag) was recorded with the engine's CallRun and a manual clock, from the first
// play-through of its tests; its v2 (main at 633fabd, no example phrases) from the same inputs.
// Then every built-in call got the next version for French typography only (U+00A0 before : ; ? !
// and inside « »): the version before it was recorded, with the engine's CallRun and a manual
// clock, from the inputs of the call's previous fixture (none refused).
// The tutorial's v4 ended a call the listener hung up with « Monique a raccroché… » (its
// `hangupEnding` was the caller's own); v5 gives that hang-up an ending of its own: its fixture,
// recorded the same way, is the v3 session's first three inputs and the listener hanging up.
// Then five calls spoke to a listener of one gender only (détresse v4 « Vous êtes content ? »,
// « Merci d'être resté » ; proche v3 « vous êtes revenue », « Je vous ai perdue ? » ; mutuelle v4
// « Vous avez été patient », « pour être sûr » ; titre v3 « Vous êtes sûr ? » ; violence v3
// « Au revoir, madame ») and got the next version, in words that fit either: each earlier version's
// fixture, recorded the same way, is a whole play-through of the call's tests that reaches a
// changed line, so that it replays the same on it and differs on the next.
// Then every built-in call wrote some apostrophes curly (’) where the client's catalogue and the
// server write them straight ('): each got the next version with straight ones only. Each earlier
// version's fixture, recorded the same way, is a whole play-through of the call's tests that says
// a text with ’; for hameçonnage and mutuelle (whose only ’ is in the second wording of a silence
// line no play-through says twice), the first two inputs of the call's previous fixture, then
// silence until the caller hangs up; for étudiante (its only ’ in a move's example phrase, which
// no session shows), the inputs of its previous fixture.
// Then détresse v6 played the hold music twice when the listener put the caller on hold (the
// engine's own cue for the phone's hold, and the scenario's in its `mettre_en_attente`): v7 keeps
// the engine's. Its fixture, recorded the same way, is the play-through of its tests that puts him
// on hold twice, the hold and the resume sent as the phone sends them (`hold` / `unhold`).
// Mutuelle v6 did the same (the cue in its `mettre_en_attente`); v7 keeps the engine's: its
// fixture, recorded the same way, is the play-through of its tests that leaves him on hold until
// he hangs up, the hold sent as the phone sends it. Étudiante v5 played it twice too (the cue on
// entering its `en_attente`); v6 keeps the engine's: its fixture, recorded the same way, is the
// play-through of its tests that puts her on hold twice (its refused resume left out, as a session
// does not record it), the hold and the resume sent as the phone sends them. Hameçonnage v5 too
// (on entering its `en_attente`); v6 keeps the engine's, and the music of her bank's opposition
// service, which she waits for on her line (no hold of the listener's). Its fixture, recorded the
// same way, is the play-through of its tests that goes through that wait, then puts her on hold
// twice, the holds and the resume sent as the phone sends them. Proche v5 too (on entering its
// `en_attente`); v6 keeps the engine's: its fixture, recorded the same way, is the play-through of
// its tests that puts her on hold twice, the hold and the resume sent as the phone sends them.
// Titre v5 too (on entering its `en_attente`); v6 keeps the engine's: its fixture, recorded the
// same way, is the play-through of its tests that puts him on hold twice, the hold and the resume
// sent as the phone sends them.
// Then a move played twice in the same state made the caller say the same line twice, word for
// word (the lint's `lint/repeated_line`): those lines got `variants`, said in turn, and each call
// its next version. Each earlier version's fixture, recorded the same way, is the inputs of the
// call's previous fixture, which say lines that got variants: replayed on the next version, their
// words differ.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { ManualScheduler, rebuildRun, withScenarioIdentity } from '@ecoute/engine';
import type { EndingView, TimelineEntry } from '@ecoute/engine';
import { findWorkspaceRoot } from '../config/env.js';
import { ScenarioCatalog } from './scenario-catalog.js';

class RecordingLogger extends Logger {
  readonly errors: string[] = [];
  override error(message: unknown): void {
    this.errors.push(String(message));
  }
  override log(): void {}
}

interface RecordedSession {
  scenarioId: string;
  scenarioVersion: number;
  seed: number;
  entries: TimelineEntry[];
  /** Where the recorded session stood: its last seq, active states and ending (null: live). */
  at: { seq: number; states: string[]; ending: EndingView | null };
}

const fixtures = path.join(findWorkspaceRoot(), 'server', 'src', 'scenarios', 'fixtures');
const recorded: RecordedSession[] = readdirSync(fixtures)
  .filter((f) => f.endsWith('.session.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(path.join(fixtures, f), 'utf8')) as RecordedSession);

/** Earlier versions whose later one changed only the debrief's wording, not the call itself. */
const wordingOnly = new Set(['appel-entrainement@1']);
/**
 * Earlier versions whose later ones added only free speech's example phrases: recorded sessions
 * replay the same on them (a reading is recorded with its move), live sentences read better.
 */
const examplesOnly = new Set(['appel-entrainement@2']);
/**
 * Earlier versions whose later one changed only spaces (U+00A0 for ordinary ones before : ; ? !
 * and inside « »): the same session replays on the current version with the same states and
 * paths, its texts differing by those spaces only.
 */
const typographyOnly = new Set([
  'appel-entrainement@3',
  'detresse-suicidaire@3',
  'etudiante-crous@3',
  'hameconnage-carte-vitale@3',
  'proche-aidant-mere@2',
  'renouvellement-mutuelle@3',
  'titre-sejour-portail@2',
  'violence-conjugale-numerique@2',
]);
/** An observation with its no-break spaces read as ordinary ones. */
const spacesAside = (value: unknown) => JSON.stringify(value)?.replace(/\u00a0/g, ' ');
/**
 * Earlier versions whose later one changed only apostrophes (the straight ' for the curly ’): the
 * same session replays on the next version with the same states, differing exactly on the
 * observations it recorded with a ’, by that apostrophe only.
 */
const apostrophesOnly = new Set([
  'appel-entrainement@5',
  'detresse-suicidaire@5',
  'etudiante-crous@4',
  'hameconnage-carte-vitale@4',
  'proche-aidant-mere@4',
  'renouvellement-mutuelle@5',
  'titre-sejour-portail@4',
  'violence-conjugale-numerique@4',
]);
/** A value with its curly apostrophes read as straight ones. */
const apostrophesAside = (value: unknown) => JSON.stringify(value)?.replace(/\u2019/g, "'");

const logger = new RecordingLogger('test');
const catalog = ScenarioCatalog.loadFromDirectory(path.join(findWorkspaceRoot(), 'scenarios'), logger);

/** A version's scenario, its number aside (what its texts say). */
const texts = (id: string, version: number) => ({ ...catalog.get(id, version)!.scenario, version: 0 });

const replay = (session: RecordedSession, version?: number) =>
  rebuildRun(catalog.get(session.scenarioId, version)!, session.seed, session.entries, {
    scheduler: new ManualScheduler(0),
    onTimer: () => undefined,
  });

describe('Built-in calls: sessions recorded on an earlier version', () => {
  it('every earlier version file loads, without an error, and none is offered to a new session', () => {
    expect(logger.errors).toEqual([]);
    expect(recorded.map((s) => `${s.scenarioId}@${s.scenarioVersion}`)).toEqual([
      'appel-entrainement@1',
      'appel-entrainement@2',
      'appel-entrainement@3',
      'appel-entrainement@4',
      'appel-entrainement@5',
      'appel-entrainement@6',
      'detresse-suicidaire@2',
      'detresse-suicidaire@3',
      'detresse-suicidaire@4',
      'detresse-suicidaire@5',
      'detresse-suicidaire@6',
      'detresse-suicidaire@7',
      'etudiante-crous@2',
      'etudiante-crous@3',
      'etudiante-crous@4',
      'etudiante-crous@5',
      'etudiante-crous@6',
      'hameconnage-carte-vitale@2',
      'hameconnage-carte-vitale@3',
      'hameconnage-carte-vitale@4',
      'hameconnage-carte-vitale@5',
      'hameconnage-carte-vitale@6',
      'proche-aidant-mere@1',
      'proche-aidant-mere@2',
      'proche-aidant-mere@3',
      'proche-aidant-mere@4',
      'proche-aidant-mere@5',
      'proche-aidant-mere@6',
      'renouvellement-mutuelle@2',
      'renouvellement-mutuelle@3',
      'renouvellement-mutuelle@4',
      'renouvellement-mutuelle@5',
      'renouvellement-mutuelle@6',
      'renouvellement-mutuelle@7',
      'titre-sejour-portail@1',
      'titre-sejour-portail@2',
      'titre-sejour-portail@3',
      'titre-sejour-portail@4',
      'titre-sejour-portail@5',
      'titre-sejour-portail@6',
      'violence-conjugale-numerique@1',
      'violence-conjugale-numerique@2',
      'violence-conjugale-numerique@3',
      'violence-conjugale-numerique@4',
      'violence-conjugale-numerique@5',
    ]);
    for (const { scenarioId, scenarioVersion } of recorded) {
      expect(catalog.get(scenarioId, scenarioVersion)?.scenario.version).toBe(scenarioVersion);
      // The current version follows the newest recorded one of the call.
      const newest = Math.max(
        ...recorded.filter((s) => s.scenarioId === scenarioId).map((s) => s.scenarioVersion),
      );
      expect(catalog.get(scenarioId)?.scenario.version).toBe(newest + 1);
      expect(catalog.list().find((s) => s.id === scenarioId)?.version).toBe(newest + 1);
    }
  });

  it.each(recorded.map((s) => [`${s.scenarioId}@${s.scenarioVersion}`, s] as const))(
    '%s replays to what was recorded and the same states',
    (_name, session) => {
      const rebuilt = replay(session, session.scenarioVersion);
      expect(rebuilt.mismatches).toEqual([]);
      expect(rebuilt.run.states).toEqual(session.at.states);
      // The engine's own texts (an ending's list of criteria) took French spacing since: the
      // same ending, its spaces aside.
      expect(spacesAside(rebuilt.run.ending)).toBe(spacesAside(session.at.ending));
      expect(session.entries.at(-1)!.seq).toBe(session.at.seq);
      const name = `${session.scenarioId}@${session.scenarioVersion}`;
      // Each earlier version is held against the one after it (what changed then).
      const next = session.scenarioVersion + 1;
      if (examplesOnly.has(name)) {
        // Only the example phrases changed: the same session replays on the next version, and
        // the earlier version keeps its own moves (without them).
        expect(replay(session, next).mismatches).toEqual([]);
        const examples = (version?: number) =>
          Object.values(catalog.get(session.scenarioId, version)!.scenario.moves).flatMap(
            (m) => m.examples ?? [],
          );
        expect(examples(session.scenarioVersion)).toEqual([]);
        expect(examples(next).length).toBeGreaterThan(0);
      } else if (typographyOnly.has(name)) {
        // The next version (the current one) gives this session other texts (their spaces),
        // nothing else: the same session replays on it without a mismatch (a no-break space and
        // a plain one read alike), to the same states; the two versions differ, by spaces only.
        const onCurrent = replay(session, next);
        expect(onCurrent.mismatches).toEqual([]);
        const [before, after] = [
          texts(session.scenarioId, session.scenarioVersion),
          texts(session.scenarioId, next),
        ];
        expect(JSON.stringify(after)).not.toBe(JSON.stringify(before));
        expect(spacesAside(after)).toBe(spacesAside(before));
        expect(onCurrent.run.states).toEqual(session.at.states);
      } else if (apostrophesOnly.has(name)) {
        // The next version writes ' where this one wrote ’, nothing else: replayed on it, this
        // session differs exactly on the observations it recorded with a ’ (none for étudiante,
        // whose only ’ no session shows), each the same once its ’ is read as ', to the same states.
        const onNext = replay(session, next);
        const curly = session.entries
          .filter((e) => e.kind === 'observation' && JSON.stringify(e.observation).includes('\u2019'))
          .map((e) => e.seq);
        expect(onNext.mismatches.map((m) => (m.kind === 'observation' ? m.seq : `refused ${m.seq}`))).toEqual(
          curly,
        );
        for (const mismatch of onNext.mismatches) {
          if (mismatch.kind !== 'observation') continue;
          expect(JSON.stringify(mismatch.rebuilt)).not.toContain('\u2019');
          expect(apostrophesAside(mismatch.rebuilt)).toBe(apostrophesAside(mismatch.recorded));
        }
        expect(onNext.run.states).toEqual(session.at.states);
        expect(spacesAside(onNext.run.ending)).toBe(spacesAside(session.at.ending));
        const [before, after] = [
          texts(session.scenarioId, session.scenarioVersion),
          texts(session.scenarioId, next),
        ];
        expect(JSON.stringify(before)).toContain('\u2019');
        expect(JSON.stringify(after)).not.toContain('\u2019');
        expect(JSON.stringify(after)).toBe(apostrophesAside(before));
      } else if (wordingOnly.has(name)) {
        // Only what the debrief shows a trainer changed (the rubric's help): the same session
        // replays on the next version too, but the earlier version keeps its own words.
        expect(replay(session, next).mismatches).toEqual([]);
        const rubric = (version?: number) =>
          JSON.stringify(catalog.get(session.scenarioId, version)!.scenario.rubric);
        expect(rubric(session.scenarioVersion)).not.toBe(rubric(next));
      } else {
        // The next version would not: its words (or its paths) differ on this very session.
        expect(replay(session, next).mismatches.length).toBeGreaterThan(0);
      }
    },
  );
});

describe('ScenarioCatalog: the versions folder', () => {
  it('leaves out, with scenario/version_file, a file whose name and content disagree or that is not older', () => {
    const library = path.join(findWorkspaceRoot(), 'scenarios');
    const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-versions-'));
    try {
      const current = readFileSync(path.join(library, 'appel-entrainement.yaml'), 'utf8');
      const v = (n: number) => withScenarioIdentity(current, 'appel-entrainement', n)!;
      writeFileSync(path.join(dir, 'appel-entrainement.yaml'), v(3));
      mkdirSync(path.join(dir, 'versions'));
      writeFileSync(path.join(dir, 'versions', 'appel-entrainement.v2.yaml'), v(2)); // kept
      writeFileSync(path.join(dir, 'versions', 'appel-entrainement.v1.yaml'), v(2)); // name says 1
      writeFileSync(path.join(dir, 'versions', 'appel-entrainement.v3.yaml'), v(3)); // not older
      writeFileSync(path.join(dir, 'versions', 'appel-inconnu.v1.yaml'), v(1)); // another id
      const log = new RecordingLogger('test');
      const loaded = ScenarioCatalog.loadFromDirectory(dir, log);
      expect(log.errors).toHaveLength(3);
      for (const file of [
        'appel-entrainement.v1.yaml',
        'appel-entrainement.v3.yaml',
        'appel-inconnu.v1.yaml',
      ])
        expect(log.errors.some((e) => e.startsWith(`scenario/version_file versions/${file} `))).toBe(true);
      expect(loaded.get('appel-entrainement')!.scenario.version).toBe(3);
      expect(loaded.get('appel-entrainement', 2)!.scenario.version).toBe(2);
      expect(loaded.get('appel-entrainement', 1)).toBeUndefined();
      expect(loaded.builtInText('appel-entrainement')).toBe(v(3));
      expect(loaded.list().map((s) => `${s.id}@${s.version}`)).toEqual(['appel-entrainement@3']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
