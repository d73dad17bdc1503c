// Free speech and the caller's silence timers: the listener's sentences, understood or not, are
// the listener speaking (`acted`), as a guided move or sentence is. The tutorial call: « En
// ligne » says « Allô ? Vous êtes toujours là ? » (line `toujours_la`, détresse +1) after 20 s
// without the listener, and `acted` restarts the count. Driven by the manual clock.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { PARDON_LINE } from '../speech/pardon.js';
import { compileText, playFreeSpeech } from '../testing/fixtures.js';
import type { Input } from '../timeline.js';
import { replay, type TimedInput } from './replay.js';

const compiled = compileText(
  readFileSync(new URL('../../../../scenarios/appel-entrainement.yaml', import.meta.url), 'utf8'),
);
const SEED = 7;

/** A reading as the server records it (`acted` as it sets it for new sessions, or absent). */
function reading(
  n: number,
  move: string | null,
  acted: boolean | undefined,
): Extract<Input, { kind: 'interpret' }> {
  return {
    kind: 'interpret',
    n,
    text: move === null ? 'Les girafes mangent des acacias.' : 'Je vous écoute.',
    move: move ?? 'question_ouverte',
    score: move === null ? 0.1 : 0.8,
    runnerUp: null,
    understood: move !== null,
    ...(acted !== undefined ? { acted } : {}),
  };
}

/**
 * Pickup at 0, the introduction understood at 1 s (« En ligne » entered: its timer is due at
 * 21 s), then a sentence every 10 s from 11 s to 61 s, understood (moves that keep the state) or
 * not (« Pardon ? »).
 */
function sentences(acted: boolean | undefined): TimedInput[] {
  const moves = [null, 'question_ouverte', null, 'valider_emotion', null, 'expliquer_role'];
  return [
    { t: 0, input: { kind: 'pickup' } },
    { t: 1_000, input: reading(0, 'se_presenter', acted) },
    ...moves.map((move, i) => ({ t: 11_000 + i * 10_000, input: reading(i + 1, move, acted) })),
  ];
}

/** Plays the inputs live on the manual clock until `until`: everything observed, in order. */
function play(inputs: TimedInput[], until: number) {
  const { run, log } = playFreeSpeech(compiled, SEED, inputs, until);
  const prompts = log
    .filter((o) => o.observation.kind === 'line' && o.observation.line === 'toujours_la')
    .map((o) => o.t);
  return { run, log, prompts };
}

describe('the listener speaking in free speech', () => {
  it('a sentence every 10 s keeps the caller from asking whether anyone is there', () => {
    const { run, log, prompts } = play(sentences(true), 80_999);
    expect(run.states).toEqual(['ecoute.en_ligne']);
    expect(prompts).toEqual([]);
    // The sentences not understood still got their « Pardon ? ».
    expect(
      log.filter((o) => o.observation.kind === 'line' && o.observation.line === PARDON_LINE),
    ).toHaveLength(3);
    // Twenty seconds after the last sentence, she worries.
    expect(play(sentences(true), 81_000).prompts).toEqual([81_000]);
  });

  it('replays a session recorded before `acted` as it was: the caller asks at every 20 s', () => {
    const { log, prompts, run } = play(sentences(undefined), 81_000);
    expect(prompts).toEqual([21_000, 41_000, 61_000, 81_000]);
    // 4 at first, −1 for the introduction, −2 for the validation, +1 for each prompt.
    expect(run.variables['detresse']).toBe(5);
    expect(replay(compiled, SEED, sentences(undefined), { until: 81_000, hintMode: 'free_speech' })).toEqual(
      log,
    );
  });

  it("a trainer's pick is the listener's move, late: the count restarts from it", () => {
    const waiting = (acted: boolean | undefined): Input => ({
      ...reading(1, null, acted),
      askMs: 20_000,
    });
    const pick = (acted: boolean | undefined): Input => ({
      kind: 'correct',
      n: 1,
      move: 'question_ouverte',
      applied: true,
      ...(acted !== undefined ? { acted } : {}),
    });
    const picked = (readingActed?: boolean, pickActed?: boolean): TimedInput[] => [
      ...sentences(readingActed).slice(0, 2),
      { t: 11_000, input: waiting(readingActed) },
      { t: 25_000, input: pick(pickActed) },
    ];
    // The sentence at 11 s, picked at 25 s: nothing until 20 s after the pick.
    const now = play(picked(true, true), 45_000);
    expect(now.prompts).toEqual([45_000]);
    expect(now.log.some((o) => o.observation.kind === 'line' && o.observation.line === PARDON_LINE)).toBe(
      false,
    );
    // A pick recorded without `acted`: 20 s after the sentence.
    expect(play(picked(true, undefined), 45_000).prompts).toEqual([31_000]);
    // Both recorded before `acted`: every 20 s from « En ligne » entered, as they were.
    expect(play(picked(undefined, undefined), 45_000).prompts).toEqual([21_000, 41_000]);
  });

  it('replays a session recorded with `acted` to the same observations', () => {
    const { log } = play(sentences(true), 90_000);
    expect(replay(compiled, SEED, sentences(true), { until: 90_000, hintMode: 'free_speech' })).toEqual(log);
  });
});
