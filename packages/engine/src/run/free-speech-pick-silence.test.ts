// Free speech: the trainer's pick wait and the caller's silence timers. A sentence not understood,
// with the trainer picking (`askMs`, 20 s), holds the caller's answer back until the pick or its
// timeout (« Pardon ? »). The tutorial call's « En ligne » says « Allô ? Vous êtes toujours là ? »
// after 20 s without the listener, `acted` restarting the count. Driven by the manual clock.
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
const PICK_MS = 20_000;

/** Pickup at 0, the introduction understood at 1 s (« En ligne » entered). */
const opening: TimedInput[] = [
  { t: 0, input: { kind: 'pickup' } },
  {
    t: 1_000,
    input: {
      kind: 'interpret',
      n: 0,
      text: "Bonjour, je m'appelle Louise.",
      move: 'se_presenter',
      score: 0.8,
      runnerUp: null,
      understood: true,
      acted: true,
    },
  },
];

/** A sentence not understood at `t`, waiting for the trainer's pick, as the server records it. */
function waiting(
  t: number,
  n: number,
  fields: Partial<Extract<Input, { kind: 'interpret' }>> = {},
): TimedInput {
  return {
    t,
    input: {
      kind: 'interpret',
      n,
      text: 'Les girafes mangent des acacias.',
      move: 'question_ouverte',
      score: 0.1,
      runnerUp: null,
      understood: false,
      askMs: PICK_MS,
      acted: true,
      ...fields,
    },
  };
}

/** Plays the inputs live on the manual clock until `until`: the caller's lines, with their time. */
function play(inputs: TimedInput[], until: number) {
  const { run, log } = playFreeSpeech(compiled, SEED, inputs, until);
  const lines = log.flatMap((o) =>
    o.observation.kind === 'line' &&
    (o.observation.line === 'toujours_la' || o.observation.line === PARDON_LINE)
      ? [`${o.t} ${o.observation.line}`]
      : [],
  );
  return { run, log, lines };
}

describe("the trainer's pick wait and the caller's silence", () => {
  it('recorded before `silenceAfterPick`: « toujours là ? » and « Pardon ? » together, as they were', () => {
    const inputs = [...opening, waiting(11_000, 1)];
    const { log, lines } = play(inputs, 60_000);
    // The sentence at 11 s restarted the count (`acted`): due at 31 s, when the pick times out.
    expect(lines).toEqual(['31000 toujours_la', '31000 pardon', '51000 toujours_la']);
    expect(replay(compiled, SEED, inputs, { until: 60_000, hintMode: 'free_speech' })).toEqual(log);
  });

  it('with `silenceAfterPick`: « Pardon ? » at the timeout, « toujours là ? » 20 s after it', () => {
    const inputs = [...opening, waiting(11_000, 1, { silenceAfterPick: true })];
    const { run, log, lines } = play(inputs, 71_000);
    expect(lines).toEqual(['31000 pardon', '51000 toujours_la', '71000 toujours_la']);
    expect(run.states).toEqual(['ecoute.en_ligne']);
    // Replayed, by the run's shortcut for `acted` and by XState's own macrostep: the same.
    for (const actedShortcut of [true, false])
      expect(
        replay(compiled, SEED, inputs, { until: 71_000, hintMode: 'free_speech', actedShortcut }),
      ).toEqual(log);
  });

  it("with `silenceAfterPick`: the trainer's pick, or the listener's next sentence, restarts the count from it", () => {
    const pick: TimedInput = {
      t: 25_000,
      input: { kind: 'correct', n: 1, move: 'question_ouverte', applied: true, acted: true },
    };
    const picked = [...opening, waiting(11_000, 1, { silenceAfterPick: true }), pick];
    const afterPick = play(picked, 66_000);
    expect(afterPick.lines).toEqual(['45000 toujours_la', '65000 toujours_la']);
    expect(replay(compiled, SEED, picked, { until: 66_000, hintMode: 'free_speech' })).toEqual(afterPick.log);
    // A new sentence at 18 s drops the wait (no « Pardon ? » for the first), and waits its own.
    const again = [
      ...opening,
      waiting(11_000, 1, { silenceAfterPick: true }),
      waiting(18_000, 2, { silenceAfterPick: true }),
    ];
    const next = play(again, 60_000);
    expect(next.lines).toEqual(['38000 pardon', '58000 toujours_la']);
    expect(replay(compiled, SEED, again, { until: 60_000, hintMode: 'free_speech' })).toEqual(next.log);
  });

  it('with `silenceAfterPick` but without `acted`: nothing restarts, the count runs from before the sentence', () => {
    const inputs = [...opening, waiting(11_000, 1, { silenceAfterPick: true, acted: false })];
    expect(play(inputs, 41_000).lines).toEqual(['21000 toujours_la', '31000 pardon', '41000 toujours_la']);
  });
});
