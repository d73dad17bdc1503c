import type { Cue, Outcome, Source, TimelineEntry } from '@ecoute/engine';
import type { MessageKey } from '../i18n/index.js';
import type { MessageParams } from '../i18n/catalogue.js';
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
  trainerOnly: boolean;
}

const SPEAKER_KEYS: Record<Source, MessageKey> = {
  caller: 'speaker.caller',
  listener: 'speaker.listener',
  trainer: 'speaker.trainer',
  observer: 'speaker.observer',
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

export function cueText(t: Translate, cue: Cue): string {
  return t('cue.format', { cue: t(CUE_KEYS[cue]) });
}

export function outcomeText(t: Translate, outcome: Outcome | null): string {
  return t(outcome ? OUTCOME_KEYS[outcome] : 'outcome.none');
}

export function describeEntry(entry: TimelineEntry, labels: KnownLabels, t: Translate): EntryLine {
  const speaker = t(SPEAKER_KEYS[entry.source]);
  const voice = entry.source === 'observer' ? 'system' : entry.source === 'caller' ? 'caller' : entry.source;
  const base = { speaker, voice, trainerOnly: false } as const;

  if (entry.kind === 'input') {
    const { input } = entry;
    switch (input.kind) {
      case 'pickup':
        return { ...base, text: t('entry.pickup') };
      case 'hangup':
        return { ...base, text: t('entry.hangup') };
      case 'say':
        return { ...base, text: input.text };
      case 'move':
        return { ...base, text: t('entry.move', { label: labels.moves.get(input.move) ?? input.move }) };
      case 'inject':
        return {
          ...base,
          trainerOnly: true,
          text: t('entry.inject', { label: labels.injects.get(input.inject) ?? input.inject }),
        };
      case 'pause':
        return { ...base, text: t('entry.pause') };
      case 'resume':
        return { ...base, text: t('entry.resume') };
      case 'end':
        return { ...base, text: t('entry.end') };
    }
  }

  const { observation } = entry;
  switch (observation.kind) {
    case 'line':
      return {
        ...base,
        text: observation.text,
        ...(observation.cue ? { cue: cueText(t, observation.cue) } : {}),
      };
    case 'cue':
      return { ...base, text: '', cue: cueText(t, observation.cue) };
    case 'variable':
      return {
        ...base,
        trainerOnly: true,
        text: t('entry.variable', {
          label: labels.variables.get(observation.variable) ?? observation.variable,
          previous: observation.previous,
          value: observation.value,
        }),
      };
    case 'state':
      return {
        ...base,
        trainerOnly: true,
        text: t('entry.state', { states: observation.states.join(', ') }),
      };
    case 'note':
      return { ...base, trainerOnly: true, text: t('entry.note', { text: observation.text }) };
    case 'ending':
      return {
        ...base,
        text: t('entry.ending', {
          outcome: outcomeText(t, observation.outcome),
          message: observation.message,
        }),
      };
  }
}
