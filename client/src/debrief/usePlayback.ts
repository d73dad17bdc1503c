// Plays a recorded call back at 1×, 2× or 4×: the playhead runs on session time, the moment
// follows each entry it passes, and the caller's lines are spoken by the browser's speech
// synthesis (never a remote service), faster when played faster.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TimelineEntry, VoiceSettings } from '@ecoute/engine';
import { pickVoice } from '../ui/pickVoice.js';
import { indexAtTime } from './moment.js';
import type { Timeline } from './timeline.js';

export const SPEEDS = [1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

/** How often the playhead moves (ms of real time). */
const TICK_MS = 50;

export interface PlaybackOptions {
  /** The entries' times; the entries themselves are read only to speak the lines passed. */
  timeline: Timeline;
  /** Where the moment is now. */
  cursor: { index: number; t: number };
  onCursor: (cursor: { index: number; t: number }) => void;
  voice: VoiceSettings;
  voiceOn: boolean;
  synth?: SpeechSynthesis | undefined;
  /** Real time in ms; tests pass a fake. */
  now?: () => number;
}

const defaultNow = (): number => performance.now();

function browserSynth(): SpeechSynthesis | undefined {
  return typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : undefined;
}

export function usePlayback({
  timeline,
  cursor,
  onCursor,
  voice,
  voiceOn,
  synth: given,
  now = defaultNow,
}: PlaybackOptions) {
  // The browser's speech synthesis, first touched after the first paint (its first use starts
  // the platform's speech service): until then, none.
  const [browserVoice, setBrowserVoice] = useState<SpeechSynthesis | undefined>(undefined);
  useEffect(() => {
    if (given === undefined) setBrowserVoice(browserSynth());
  }, [given]);
  const synth = given ?? browserVoice;
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>(1);
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>(() => given?.getVoices() ?? []);
  const state = useRef({ cursor, voiceOn, speed, onCursor, voice, now });
  state.current = { cursor, voiceOn, speed, onCursor, voice, now };

  useEffect(() => {
    if (!synth) return;
    const update = () => setVoices(synth.getVoices());
    update();
    synth.addEventListener('voiceschanged', update);
    return () => synth.removeEventListener('voiceschanged', update);
  }, [synth]);

  const speak = useCallback(
    (entry: TimelineEntry) => {
      if (!synth || entry.kind !== 'observation' || entry.observation.kind !== 'line') return;
      const settings = { ...state.current.voice, ...entry.observation.voice };
      const chosen = pickVoice(synth.getVoices(), settings.lang);
      if (!chosen) return;
      // Faster playback: a line still being spoken gives way to the next one.
      if (state.current.speed > 1) synth.cancel();
      const utterance = new SpeechSynthesisUtterance(entry.observation.text);
      utterance.voice = chosen;
      utterance.lang = chosen.lang;
      utterance.rate = Math.min(settings.rate * state.current.speed, 4);
      utterance.pitch = settings.pitch;
      synth.speak(utterance);
    },
    [synth],
  );

  useEffect(() => {
    if (!playing) return;
    const end = timeline.t[timeline.count - 1] ?? 0;
    let previous = state.current.now();
    const timer = window.setInterval(() => {
      const current = state.current.now();
      const { cursor: at, speed: rate, voiceOn: speaking } = state.current;
      const t = Math.min(end, at.t + (current - previous) * rate);
      previous = current;
      const index = Math.max(at.index, indexAtTime(timeline.t, t));
      if (speaking && index > at.index) {
        const entries = timeline.entries();
        for (let i = at.index + 1; i <= index; i += 1) speak(entries[i]!);
      }
      const next = { index, t };
      state.current.cursor = next;
      state.current.onCursor(next);
      if (t >= end) setPlaying(false);
    }, TICK_MS);
    return () => window.clearInterval(timer);
  }, [playing, timeline, speak]);

  useEffect(() => {
    if (!voiceOn || !playing) synth?.cancel();
  }, [voiceOn, playing, synth]);

  const play = useCallback(() => {
    const end = timeline.t[timeline.count - 1] ?? 0;
    // From the start when the moment is the last one.
    if (state.current.cursor.t >= end && state.current.cursor.index >= timeline.count - 1) {
      const start = { index: -1, t: 0 };
      state.current.cursor = start;
      state.current.onCursor(start);
    }
    setPlaying(true);
  }, [timeline]);

  const pause = useCallback(() => setPlaying(false), []);

  return {
    playing,
    play,
    pause,
    speed,
    setSpeed,
    voiceAvailable: pickVoice(voices, voice.lang) !== undefined,
  };
}
