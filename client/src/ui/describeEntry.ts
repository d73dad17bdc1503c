import {
  isVisibleTo,
  type Cue,
  type EndReason,
  type GenericEffect,
  type Outcome,
  type Source,
  type TimelineEntry,
} from '@ecoute/engine';
import type { MessageKey } from '../i18n/index.js';
import type { MessageParams } from '../i18n/catalogue.js';
import { closenessKey, readingKeys } from './speechCloseness.js';
import type { KnownLabels } from './useKnownLabels.js';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** How one timeline entry reads in the transcript. */
export interface EntryLine {
  speaker: string;
  /** A non-verbal cue, already formatted, e.g. « (soupir) ». */
  cue?: string;
  text: string;
  /** Who is speaking, for styling: the caller, the listener, or the session itself. */
  voice: 'caller' | 'listener' | 'trainer' | 'system';
  /** Not shown to the listener (injects, hidden variables, states, notes of the scenario…). */
  trainerOnly: boolean;
  /** A trainer's whisper: read by the listener and observers, never heard by the caller. */
  whisper?: boolean;
  /** A stage direction of the scenario (« il lit sur son carnet »): shown in italics, never spoken. */
  direction?: string;
  /** The cue's id, for its visual treatment. */
  cueId?: Cue;
  /** Free speech: how the sentence was read (or corrected), for the trainer and the debrief. */
  interpretation?: string;
  /**
   * The part of `text` written in the scenario (a caller line, a move's label…), which stays in the
   * scenario's language on a page in another one (`ScenarioText`); none when `text` has none.
   */
  scenarioPart?: string;
}

const SPEAKER_KEYS: Record<Source, MessageKey> = {
  caller: 'speaker.caller',
  listener: 'speaker.listener',
  trainer: 'speaker.trainer',
  observer: 'speaker.observer',
  callerActor: 'speaker.callerActor',
  system: 'speaker.system',
};

// Records keyed by the engine's unions: a new cue or outcome fails to compile until named here.
const CUE_KEYS: Record<Cue, MessageKey> = {
  ring: 'cue.ring',
  sigh: 'cue.sigh',
  crying: 'cue.crying',
  silence: 'cue.silence',
  noise: 'cue.noise',
  crackle: 'cue.crackle',
  alarm: 'cue.alarm',
  doorbell: 'cue.doorbell',
  hold_music: 'cue.hold_music',
  hangup: 'cue.hangup',
};

const OUTCOME_KEYS: Record<Outcome, MessageKey> = {
  best: 'outcome.best',
  good: 'outcome.good',
  partial: 'outcome.partial',
  failure: 'outcome.failure',
};

const EFFECT_KEYS: Record<GenericEffect, MessageKey> = {
  crackle: 'effect.crackle',
  silence: 'effect.silence',
  background_noise: 'effect.background_noise',
  caller_hangup: 'effect.caller_hangup',
  call_drop: 'effect.call_drop',
};

export function effectText(t: Translate, effect: GenericEffect): string {
  return t(EFFECT_KEYS[effect]);
}

export function cueLabel(t: Translate, cue: Cue): string {
  return t(CUE_KEYS[cue]);
}

export function cueText(t: Translate, cue: Cue): string {
  return t('cue.format', { cue: t(CUE_KEYS[cue]) });
}

export function outcomeText(t: Translate, outcome: Outcome | null): string {
  return t(outcome ? OUTCOME_KEYS[outcome] : 'outcome.none');
}

const END_REASON_KEYS: Record<EndReason, MessageKey> = {
  scenario: 'endReason.scenario',
  hangup: 'endReason.hangup',
  trainer: 'endReason.trainer',
  caller_hangup: 'endReason.caller_hangup',
  call_drop: 'endReason.call_drop',
};

/** Why a call ended, as the listener's end panel says it (« L'écoutant·e a raccroché. »). */
export function endReasonText(t: Translate, reason: EndReason): string {
  return t(END_REASON_KEYS[reason]);
}

/**
 * The message of an ending: the scenario's own (its language), or, for a call the trainer ended,
 * the catalogue's words — the engine's record of it is a French sentence, not the page's.
 */
export function endingMessage(
  t: Translate,
  ending: { ending: string | null; reason: EndReason; message: string },
): string {
  return ending.ending === null && ending.reason === 'trainer' ? t('endReason.trainer') : ending.message;
}

/** What people read for a state path: its label, else its last name made readable (never the path). */
export function stateName(labels: Pick<KnownLabels, 'states'>, path: string): string {
  const label = labels.states.get(path);
  if (label) return label;
  const last = (path.split('.').pop() ?? path).replace(/_/g, ' ');
  return last.charAt(0).toUpperCase() + last.slice(1);
}

/**
 * The region each active state is in, told from the active states alone (dot paths): two active
 * states part at a parallel state, so each one's region is its ancestor just below the deepest
 * state it shares with another (`a.x.p` beside `a.y.q` and `b`: `a.x`). One active state: no
 * region (`null`). A region may be the state itself (a parallel state's atomic child).
 */
export function stateRegions(states: readonly string[]): { state: string; region: string | null }[] {
  const split = states.map((state) => state.split('.'));
  return states.map((state, i) => {
    const own = split[i]!;
    let shared = -1;
    split.forEach((other, j) => {
      if (j === i) return;
      let common = 0;
      while (common < own.length && common < other.length && own[common] === other[common]) common += 1;
      shared = Math.max(shared, common);
    });
    return { state, region: shared < 0 ? null : own.slice(0, shared + 1).join('.') };
  });
}

/**
 * The joins of a person who had already joined (same role, same name): a page reopened or a
 * connection back. They read « … revient dans la séance. » rather than a second arrival.
 */
export function returningJoins(entries: readonly TimelineEntry[]): ReadonlySet<number> {
  const joined = new Set<string>();
  const returning = new Set<number>();
  for (const entry of entries) {
    if (entry.kind !== 'input' || entry.input.kind !== 'join') continue;
    const who = `${entry.source}\u0000${entry.input.name}`;
    if (joined.has(who)) returning.add(entry.seq);
    else joined.add(who);
  }
  return returning;
}

/** `returning`: the seqs of `returningJoins` (none when not given: every join an arrival). */
export function describeEntry(
  entry: TimelineEntry,
  labels: KnownLabels,
  t: Translate,
  returning?: ReadonlySet<number>,
): EntryLine {
  const speaker = t(SPEAKER_KEYS[entry.source]);
  // A caller actor speaks as the caller; an observer only ever joins.
  const voice =
    entry.source === 'observer'
      ? 'system'
      : entry.source === 'caller' || entry.source === 'callerActor'
        ? 'caller'
        : entry.source;
  const base = { speaker, voice, trainerOnly: !isVisibleTo('listener', entry) } as const;

  if (entry.kind === 'input') {
    const { input } = entry;
    switch (input.kind) {
      case 'pickup':
        return { ...base, text: t('entry.pickup') };
      case 'hangup':
        return { ...base, text: t('entry.hangup') };
      case 'say':
        return { ...base, text: input.text };
      case 'move': {
        const label = labels.moves.get(input.move) ?? input.move;
        return { ...base, text: t('entry.move', { label }), scenarioPart: label };
      }
      case 'inject': {
        const label = labels.injects.get(input.inject) ?? input.inject;
        return { ...base, text: t('entry.inject', { label }), scenarioPart: label };
      }
      case 'pause':
        return { ...base, text: t('entry.pause') };
      case 'resume':
        return { ...base, text: t('entry.resume') };
      case 'end':
        return { ...base, text: t('entry.end') };
      case 'join':
        return {
          ...base,
          voice: 'system',
          text: t(returning?.has(entry.seq) ? 'entry.rejoin' : 'entry.join', { name: input.name }),
        };
      case 'hold':
        return { ...base, text: t('entry.hold') };
      case 'unhold':
        return { ...base, text: t('entry.unhold') };
      case 'note':
        return {
          ...base,
          text: t(input.shared ? 'entry.noteShared' : 'entry.notePrivate', { text: input.text }),
        };
      case 'whisper':
        return { ...base, whisper: true, text: input.text };
      case 'adlib':
        return { ...base, text: t('entry.adlib', { text: input.text }) };
      case 'effect':
        return { ...base, text: t('entry.effect', { effect: effectText(t, input.effect) }) };
      case 'bookmark':
        return {
          ...base,
          text: input.comment ? t('entry.bookmark', { comment: input.comment }) : t('entry.bookmarkEmpty'),
        };
      case 'projector':
        return { ...base, text: t(input.on ? 'entry.projectorOn' : 'entry.projectorOff') };
      case 'speak':
        return { ...base, text: t('entry.speak', { text: input.text }) };
      case 'interpret': {
        const move = input.move === null ? t('speech.none') : (labels.moves.get(input.move) ?? input.move);
        const key = readingKeys(input, {
          readAs: 'speech.entry.readAs',
          notUnderstood: 'speech.entry.notUnderstood',
          notUnderstoodNone: 'speech.entry.notUnderstoodNone',
        });
        return {
          ...base,
          text: input.text,
          interpretation: t(key, { move, closeness: t(closenessKey(input.score)) }),
        };
      }
      case 'correct': {
        const move = labels.moves.get(input.move) ?? input.move;
        return {
          ...base,
          text: t(input.applied ? 'speech.entry.correctedApplied' : 'speech.entry.correctedNoted', { move }),
          scenarioPart: move,
        };
      }
    }
  }

  const { observation } = entry;
  switch (observation.kind) {
    case 'line':
      return {
        ...base,
        text: observation.text,
        scenarioPart: observation.text,
        ...(observation.cue ? { cue: cueText(t, observation.cue), cueId: observation.cue } : {}),
        ...(observation.direction
          ? { direction: t('entry.direction', { direction: observation.direction }) }
          : {}),
      };
    case 'suggestion':
      return {
        ...base,
        text: t('entry.suggestion', { text: observation.text }),
        scenarioPart: observation.text,
      };
    case 'cue':
      return { ...base, text: '', cue: cueText(t, observation.cue), cueId: observation.cue };
    case 'variable': {
      const label = labels.variables.get(observation.variable) ?? observation.variable;
      return {
        ...base,
        text: t('entry.variable', { label, previous: observation.previous, value: observation.value }),
        scenarioPart: label,
      };
    }
    case 'state': {
      const regions = stateRegions(observation.states);
      if (regions.some((r) => r.region !== null)) {
        // Parallel regions: each state told with the part of the call it is the state of.
        const parts = regions
          .map(({ region, state }) =>
            region === null || region === state
              ? stateName(labels, state)
              : t('entry.stateInRegion', {
                  region: stateName(labels, region),
                  state: stateName(labels, state),
                }),
          )
          .join(t('entry.stateRegionSeparator'));
        return { ...base, text: t('entry.stateRegions', { regions: parts }), scenarioPart: parts };
      }
      const states = observation.states.map((s) => stateName(labels, s)).join(', ');
      return { ...base, text: t('entry.state', { states }), scenarioPart: states };
    }
    case 'note':
      return { ...base, text: t('entry.note', { text: observation.text }), scenarioPart: observation.text };
    case 'ending': {
      const message = endingMessage(t, observation);
      return {
        ...base,
        text: t('entry.ending', { outcome: outcomeText(t, observation.outcome), message }),
        ...(observation.ending !== null ? { scenarioPart: message } : {}),
      };
    }
  }
}
