import { useEffect, useRef, useState } from 'react';
import type { TimelineEntry, VoiceSettings } from '@ecoute/engine';
import { pickVoice } from './pickVoice.js';

export interface CallerVoiceOptions {
  entries: TimelineEntry[];
  /** The scenario's voice; each line may override part of it. */
  voice: VoiceSettings | undefined;
  enabled: boolean;
  /** True once the first sync is in: lines already in the transcript then are not spoken. */
  ready: boolean;
  /** The browser's speech synthesis; tests pass a fake. */
  synth?: SpeechSynthesis | undefined;
}

function browserSynth(): SpeechSynthesis | undefined {
  return typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : undefined;
}

/**
 * Speaks each new line of the caller with the browser's speech synthesis (never a remote
 * service), when a French voice exists. Returns whether one does.
 */
export function useCallerVoice({
  entries,
  voice,
  enabled,
  ready,
  synth = browserSynth(),
}: CallerVoiceOptions): {
  available: boolean;
} {
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>(() => synth?.getVoices() ?? []);
  const spokenUpTo = useRef<number | null>(null);

  useEffect(() => {
    if (!synth) return;
    const update = () => setVoices(synth.getVoices());
    update();
    synth.addEventListener('voiceschanged', update);
    return () => synth.removeEventListener('voiceschanged', update);
  }, [synth]);

  useEffect(() => {
    if (!ready) return;
    const lastSeq = entries[entries.length - 1]?.seq ?? 0;
    const after = spokenUpTo.current;
    spokenUpTo.current = Math.max(after ?? 0, lastSeq);
    if (after === null || !enabled || !synth || !voice) return;
    for (const entry of entries) {
      if (entry.seq <= after || entry.kind !== 'observation' || entry.observation.kind !== 'line') continue;
      const settings = { ...voice, ...entry.observation.voice };
      const chosen = pickVoice(voices, settings.lang);
      if (!chosen) continue;
      const utterance = new SpeechSynthesisUtterance(entry.observation.text);
      utterance.voice = chosen;
      utterance.lang = chosen.lang;
      utterance.rate = settings.rate;
      utterance.pitch = settings.pitch;
      synth.speak(utterance);
    }
    // Only new entries matter here; a change of voice list or settings applies to the next line.
  }, [entries, ready]);

  useEffect(() => {
    if (!enabled) synth?.cancel();
  }, [enabled, synth]);

  return { available: pickVoice(voices, 'fr') !== undefined };
}
