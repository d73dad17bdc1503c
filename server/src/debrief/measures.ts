// The debrief's automatic measures, computed from a session's timeline (pure). Times are session
// time: the clock stops while the session is paused, so a pause never counts as a silence.
//
// Rules (documented for trainers in the protocol's DebriefMeasures):
// - time to pick up: from the listener's first `join` (they opened their link: the phone was
//   ringing) to the `pickup` input; from 0 (session creation) when the listener never joined;
// - time to the first open question: from pickup to the first move whose id contains
//   `question_ouverte` (the library's id, also in variants such as `question_ouverte_danger`);
// - longest silence: the longest span, while connected and not on hold, with no move and no
//   words (`say`) from the listener; it starts at pickup, at the last move or words, or when the
//   caller is taken off hold, and ends at the next move or words, at a hold, or at the end;
// - reformulations: moves whose id starts with `reformul` (`reformuler`, `reformuler_colere`…);
// - time to alert a colleague: from pickup to the first `alerter_collegue` move, for a call that
//   offers it (`alertMove`, told by the caller: the timeline alone cannot say);
// - outcome: the first `ending` observation.
import { moveMadeBy, phoneHoldOf } from '@ecoute/engine';
import type { Input, TimelineEntry } from '@ecoute/engine';
import type { DebriefMeasures, MeasuredSpan, MomentRef } from '@ecoute/protocol';

type InputEntry = TimelineEntry & { kind: 'input' };

const ref = (entry: TimelineEntry): MomentRef => ({ seq: entry.seq, t: entry.t });
const isInput = (entry: TimelineEntry): entry is InputEntry => entry.kind === 'input';
const moveOf = (entry: TimelineEntry): string | null =>
  entry.kind === 'input' ? moveMadeBy(entry.input) : null;

export const OPEN_QUESTION_MARK = 'question_ouverte';
export const REFORMULATION_PREFIX = 'reformul';
export const ALERT_COLLEAGUE_MOVE = 'alerter_collegue';

// The phone's button, a sentence read as the phone's hold, or the standard move.
const isHold = (input: Input): boolean => phoneHoldOf(input) === 'hold';
const isUnhold = (input: Input): boolean => phoneHoldOf(input) === 'unhold';

export function computeMeasures(
  entries: readonly TimelineEntry[],
  { alertMove = true }: { alertMove?: boolean } = {},
): DebriefMeasures {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  const pickup = sorted.find((e) => isInput(e) && e.input.kind === 'pickup');
  const since = (entry: TimelineEntry | undefined): MeasuredSpan | null =>
    entry && pickup ? { ms: entry.t - pickup.t, from: ref(pickup), to: ref(entry) } : null;

  let timeToPickup: MeasuredSpan | null = null;
  if (pickup) {
    const joined = sorted.find(
      (e) => e.seq < pickup.seq && isInput(e) && e.input.kind === 'join' && e.source === 'listener',
    );
    timeToPickup = {
      ms: pickup.t - (joined?.t ?? 0),
      from: joined ? ref(joined) : null,
      to: ref(pickup),
    };
  }

  const reformulations = sorted.filter((e) => moveOf(e)?.startsWith(REFORMULATION_PREFIX) ?? false);
  const ending = sorted.find(
    (e): e is TimelineEntry & { kind: 'observation'; observation: { kind: 'ending' } } =>
      e.kind === 'observation' && e.observation.kind === 'ending',
  );

  return {
    timeToPickup,
    timeToFirstOpenQuestion: since(
      sorted.find(
        (e) => e.seq > (pickup?.seq ?? Infinity) && (moveOf(e)?.includes(OPEN_QUESTION_MARK) ?? false),
      ),
    ),
    longestSilence: longestSilence(sorted, pickup),
    reformulations: { count: reformulations.length, moments: reformulations.map(ref) },
    timeToAlertColleague: since(
      sorted.find((e) => e.seq > (pickup?.seq ?? Infinity) && moveOf(e) === ALERT_COLLEAGUE_MOVE),
    ),
    alertMove,
    outcome:
      ending && ending.kind === 'observation' && ending.observation.kind === 'ending'
        ? {
            ending: ending.observation.ending,
            outcome: ending.observation.outcome,
            reason: ending.observation.reason,
            message: ending.observation.message,
            at: ref(ending),
          }
        : null,
  };
}

function longestSilence(
  sorted: readonly TimelineEntry[],
  pickup: TimelineEntry | undefined,
): MeasuredSpan | null {
  if (!pickup) return null;
  let best: MeasuredSpan | null = null;
  let start: TimelineEntry | null = pickup;
  const close = (end: TimelineEntry): void => {
    if (start && (!best || end.t - start.t > best.ms))
      best = { ms: end.t - start.t, from: ref(start), to: ref(end) };
  };
  for (const entry of sorted) {
    if (entry.seq <= pickup.seq) continue;
    if (entry.kind === 'observation') {
      if (entry.observation.kind === 'ending') {
        close(entry);
        return best;
      }
      continue;
    }
    if (entry.source !== 'listener') continue;
    const { input } = entry;
    if (isHold(input)) {
      close(entry);
      start = null;
    } else if (isUnhold(input)) {
      start = entry;
    } else if (input.kind === 'move' || input.kind === 'say' || input.kind === 'interpret') {
      close(entry);
      start = entry;
    } else if (input.kind === 'hangup') {
      close(entry);
      return best;
    }
  }
  // A call still going (or cut without an ending): the silence runs to the last entry.
  const last = sorted.at(-1);
  if (last && last.seq > pickup.seq) close(last);
  return best;
}
