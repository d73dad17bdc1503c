// Free speech and the states that react to the listener's words (`say`): a sentence the matcher
// does not read as a move reaches the machine as a guided sentence does, rather than « Pardon ? ».
// Détresse's « Silence complet » (`mutisme.silence`): any word and he starts crying (« Il
// pleure », line `renifle`); 60 s without one and he hangs up. Driven by the manual clock.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { PARDON_LINE } from '../speech/pardon.js';
import { compileText, playFreeSpeech } from '../testing/fixtures.js';
import type { Input, TimedObservation } from '../timeline.js';
import { replay, type TimedInput } from './replay.js';

const compiled = compileText(
  readFileSync(new URL('../../../../scenarios/detresse-suicidaire.yaml', import.meta.url), 'utf8'),
);
const SEED = 7;
const SILENCE = 'conversation.en_ligne.mutisme.silence';
const CRYING = 'conversation.en_ligne.mutisme.pleurs';
const GENTLE = 'Je suis là, je ne raccroche pas.';

/** A sentence not understood, as the server records it (`say` and `acted` when it sets them). */
function notUnderstood(n: number, fields: { say?: boolean; acted?: boolean }): Input {
  return {
    kind: 'interpret',
    n,
    text: GENTLE,
    move: 'rester_present',
    score: 0.2,
    runnerUp: null,
    understood: false,
    ...fields,
  };
}

/** Pickup, the introduction understood (he explodes: « En ligne »), then he falls silent. */
function toSilence(): TimedInput[] {
  return [
    { t: 0, input: { kind: 'pickup' } },
    {
      t: 3_000,
      input: {
        kind: 'interpret',
        n: 0,
        text: 'Bonjour, je suis écoutant à la ligne.',
        move: 'se_presenter',
        score: 0.9,
        runnerUp: null,
        understood: true,
        acted: true,
      },
    },
    { t: 8_000, input: { kind: 'inject', inject: 'se_tait' } },
  ];
}

/** Plays the inputs live on the manual clock until `until`: everything observed, in order. */
function play(inputs: TimedInput[], until: number) {
  const { run, log } = playFreeSpeech(compiled, SEED, inputs, until);
  return { run, log };
}

const lines = (log: TimedObservation[]) =>
  log.flatMap((o) => (o.observation.kind === 'line' ? [o.observation.line] : []));

describe('a free-speech sentence not understood, where the caller reacts to any words', () => {
  it("the run says whether the machine takes the listener's words now", () => {
    const { run } = play(toSilence().slice(0, 2), 5_000);
    expect(run.states).not.toContain(SILENCE);
    expect(run.takesSay(GENTLE)).toBe(false);
    const silent = play(toSilence(), 10_000).run;
    expect(silent.states).toContain(SILENCE);
    expect(silent.takesSay(GENTLE)).toBe(true);
  });

  it('reaches « Silence complet » as words: he cries, no « Pardon ? », and he does not hang up', () => {
    const inputs = [...toSilence(), { t: 15_000, input: notUnderstood(1, { acted: true, say: true }) }];
    const { run, log } = play(inputs, 15_000);
    expect(run.states).toContain(CRYING);
    const said = log.filter((o) => o.t === 15_000);
    expect(lines(said)).toEqual(['renifle']);
    expect(lines(log)).not.toContain(PARDON_LINE);
    // No minute of silence: « Il pleure » takes its own course (he comes back after 45 s).
    const later = play(inputs, 80_000);
    expect(lines(later.log)).not.toContain('raccroche_doucement');
    expect(later.run.phase).toBe('connected');
    expect(lines(later.log.filter((o) => o.t === 60_000))[0]).toBe('revient');
    expect(replay(compiled, SEED, inputs, { until: 80_000, hintMode: 'free_speech' })).toEqual(later.log);
  });

  it('replays a sentence recorded before `say` as it was: « Pardon ? », then he hangs up', () => {
    const inputs = [...toSilence(), { t: 15_000, input: notUnderstood(1, { acted: true }) }];
    const { run, log } = play(inputs, 68_000);
    expect(lines(log.filter((o) => o.t === 15_000))).toEqual([PARDON_LINE]);
    expect(lines(log)).toContain('raccroche_doucement');
    expect(run.phase).toBe('ended');
    expect(replay(compiled, SEED, inputs, { until: 68_000, hintMode: 'free_speech' })).toEqual(log);
  });
});
