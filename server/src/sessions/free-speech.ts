// Free speech (« parole libre »): the listener's sentence becomes the recorded interpretation
// (the engine's matcher, over the moves the state offers at that moment, recorded with it), and
// a trainer's correction, of a move offered when that sentence was said, gets from the run
// whether it applies. A sentence read (or corrected) as the hold move or the resume is recorded
// as the phone's (`phone`), so that it plays the music and puts the call on hold, or back, as the
// button does — read so in any state, as the button works in any (`CallRun.phoneMove`). A sentence, understood or not, is the listener speaking for the caller's silence
// timers (`acted`, as a guided move or sentence; `CallRun.actedFor`), and so is a correction
// that applies its move. A sentence not understood where a state takes the listener's words
// (`say`, `CallRun.takesSay`) is recorded with `say`: the machine gets it as a guided sentence.
// One that waits for the trainer's pick is recorded with `silenceAfterPick`: the silence timers
// it restarts count from the wait's end (the caller answers it before asking « toujours là ? »).
// What is recorded is what replay applies.
import { UNDERSTOOD_THRESHOLD, speechMatcherFor } from '@ecoute/engine';
import type { CallRun, HintMode, Input } from '@ecoute/engine';
import { ErrorCode, failure, type Failure } from '@ecoute/protocol';

export interface SpeechSettings {
  mode: HintMode;
  /** A sentence not understood goes to the trainer, who picks its move within `TRAINER_PICK_MS`. */
  askTrainer: boolean;
}

/** How long (session time) the trainer has to pick a move before the caller says « Pardon ? ». */
export const TRAINER_PICK_MS = 20_000;

/**
 * The input to record for what a role sent: in free speech a sentence becomes its
 * interpretation, with the moves offered then (and `phone` for the phone's hold or resume,
 * `acted` when it restarts the silence timers, `say` when the machine takes it as the listener's
 * words, `silenceAfterPick` with a pick's wait); a trainer's correction gets `applied` (and
 * `phone`, `acted`) from the run, or is refused
 * `input/not_offered_then` when it names a move that was not offered when its sentence was said
 * (nothing recorded). Call inside the step's `clock.hold`, after `runDue()`,
 * so the offered moves are those the input meets.
 */
export function speechInput(run: CallRun, settings: SpeechSettings, input: Input): Input | Failure {
  if (input.kind === 'correct') {
    // The run answers first for a call not in progress or a reading it does not know.
    const offered = run.phase === 'connected' && !run.paused ? run.movesOfferedAt(input.n) : undefined;
    if (offered && !offered.includes(input.move)) return failure(ErrorCode.InputNotOfferedThen);
    const applied = run.correctionApplies(input.n, input.move);
    // Corrected to the hold move or the resume: the phone's, as the reading would have been.
    const phone = applied ? run.phoneHoldFor(input.move) : undefined;
    const acted = applied && run.actedFor(input.move, phone);
    // Written out: `applied`, `phone` and `acted` are the server's, whatever the client sent.
    return {
      kind: 'correct',
      n: input.n,
      move: input.move,
      applied,
      ...(phone ? { phone } : {}),
      ...(acted ? { acted } : {}),
    };
  }
  if (input.kind !== 'say' || settings.mode !== 'free_speech') return input;
  const offered = run.availableMoves().map((m) => m.id);
  // The phone's hold (or resume) is read too where the state does not offer it: the button
  // works in any state, and a sentence of it is the phone's (`phone`), not words for the caller.
  const phoneMove = run.phoneMove();
  const candidates =
    phoneMove === undefined || offered.includes(phoneMove) ? offered : [...offered, phoneMove];
  const reading = speechMatcherFor(run.compiled.scenario.moves).match(input.text, candidates);
  const understood = reading.move !== null && reading.score >= UNDERSTOOD_THRESHOLD;
  // A sentence read as the hold move (or the resume) does what the phone's button does: recorded
  // so, it replays so; readings recorded before `phone` replay as the plain move they applied.
  const phone = understood ? run.phoneHoldFor(reading.move) : undefined;
  // The listener spoke: the caller's silence timers restart (sessions recorded before: not).
  const acted = run.actedFor(understood ? reading.move : null, phone);
  // Not understood where the caller reacts to any words: his reaction, not « Pardon ? », and no
  // pick to wait for (he has answered; the trainer may still correct the reading).
  const say = !understood && run.takesSay(input.text);
  const askMs = !understood && !say && settings.askTrainer ? TRAINER_PICK_MS : undefined;
  return {
    kind: 'interpret',
    n: run.interpretationCount,
    text: input.text,
    move: reading.move,
    score: reading.score,
    runnerUp: reading.runnerUp,
    understood,
    ...(askMs !== undefined ? { askMs } : {}),
    offered,
    ...(phone ? { phone } : {}),
    ...(acted ? { acted } : {}),
    ...(say ? { say } : {}),
    // Waiting for the pick, the caller still owes the sentence its answer: his silence timers
    // count from the wait's end, never « toujours là ? » with (or before) its « Pardon ? ».
    ...(askMs !== undefined && acted ? { silenceAfterPick: true } : {}),
  };
}
