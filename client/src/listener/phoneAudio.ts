// The phone's sounds, made with Web Audio (no sound file, nothing fetched): the ring (French
// cadence: 1.5 s on, 3.5 s off), hold music, and short sounds for some cues (line crackle,
// background noise, doorbell, alarm, the hang-up tone). Framework-free; `usePhoneSounds` drives it.
//
// Browsers refuse to start audio before the person has interacted with the page: the context
// is only created once they have (navigator.userActivation), or on their first key or click;
// until then the phone rings silently (the page still shows it) and `blocked` says so.
import type { Cue } from '@ecoute/engine';

export interface PhoneSounds {
  setRinging(on: boolean): void;
  setHoldMusic(on: boolean): void;
  playCue(cue: Cue): void;
  setMuted(muted: boolean): void;
  /** True while the browser waits for a gesture before it lets the page play sound. */
  isBlocked(): boolean;
  onBlockedChange(listener: (blocked: boolean) => void): () => void;
  dispose(): void;
}

export interface PhoneSoundsOptions {
  /** Makes the audio context; null when the browser has no Web Audio. */
  createContext?: () => AudioContext | null;
  /** Whether the page has already had a user gesture (Chrome, Firefox, Safari ≥ 16.4). */
  hasBeenActive?: () => boolean;
  /** Where to wait for that first gesture. */
  gestureTarget?: EventTarget;
  setInterval?: (run: () => void, ms: number) => ReturnType<typeof setInterval>;
  clearInterval?: (handle: ReturnType<typeof setInterval>) => void;
}

const RING_PERIOD_MS = 5_000;
const RING_ON_S = 1.5;
const HOLD_NOTES = [523.25, 659.25, 783.99, 659.25, 587.33, 698.46, 880, 698.46];
const HOLD_NOTE_S = 0.45;
const HOLD_PERIOD_MS = HOLD_NOTES.length * HOLD_NOTE_S * 1000;
const GESTURES = ['pointerdown', 'keydown', 'touchstart'] as const;

function defaultContext(): AudioContext | null {
  const Ctor =
    globalThis.AudioContext ??
    (globalThis as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  return Ctor ? new Ctor() : null;
}

function defaultHasBeenActive(): boolean {
  const activation = (globalThis.navigator as Navigator | undefined)?.userActivation;
  // Without the API, trying is the only way to know (the context then starts suspended).
  return activation ? activation.hasBeenActive : true;
}

export function createPhoneSounds(options: PhoneSoundsOptions = {}): PhoneSounds {
  const createContext = options.createContext ?? defaultContext;
  const hasBeenActive = options.hasBeenActive ?? defaultHasBeenActive;
  const gestureTarget = options.gestureTarget ?? globalThis.document;
  const every = options.setInterval ?? ((run, ms) => setInterval(run, ms));
  const stopEvery = options.clearInterval ?? ((handle) => clearInterval(handle));

  let context: AudioContext | null | undefined;
  let master: GainNode | undefined;
  let muted = false;
  let ringing = false;
  let holding = false;
  let blocked = false;
  let disposed = false;
  let ringTimer: ReturnType<typeof setInterval> | undefined;
  let holdTimer: ReturnType<typeof setInterval> | undefined;
  const playing = new Set<AudioScheduledSourceNode>();
  const blockedListeners = new Set<(blocked: boolean) => void>();
  let waitingForGesture = false;

  function setBlocked(value: boolean): void {
    if (blocked === value) return;
    blocked = value;
    for (const listener of blockedListeners) listener(value);
  }

  function onGesture(): void {
    stopWaiting();
    if (disposed) return;
    const ctx = audio();
    if (ctx && ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    // The loops ran silently until now: start them again, so that the ring is heard at once.
    restart();
  }

  function waitForGesture(): void {
    if (waitingForGesture || !gestureTarget) return;
    waitingForGesture = true;
    for (const type of GESTURES) gestureTarget.addEventListener(type, onGesture, { capture: true });
  }

  function stopWaiting(): void {
    if (!waitingForGesture || !gestureTarget) return;
    waitingForGesture = false;
    for (const type of GESTURES) gestureTarget.removeEventListener(type, onGesture, { capture: true });
  }

  /** The context, created on first need once the page may play sound; null if it cannot. */
  function audio(): AudioContext | null {
    if (context !== undefined) return context;
    if (!hasBeenActive()) {
      setBlocked(true);
      waitForGesture();
      return null;
    }
    try {
      context = createContext();
    } catch {
      context = null;
    }
    if (!context) return null;
    master = context.createGain();
    master.gain.value = 1;
    master.connect(context.destination);
    const ctx = context;
    const update = () => {
      setBlocked(ctx.state === 'suspended');
      if (ctx.state === 'suspended') waitForGesture();
      else stopWaiting();
    };
    ctx.addEventListener?.('statechange', update);
    update();
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    return context;
  }

  function track(node: AudioScheduledSourceNode, stopAt: number): void {
    playing.add(node);
    node.addEventListener?.('ended', () => playing.delete(node));
    node.stop(stopAt);
  }

  function tone(
    ctx: AudioContext,
    frequencies: number[],
    start: number,
    duration: number,
    level: number,
    type: OscillatorType = 'sine',
  ): void {
    if (!master) return;
    const gain = ctx.createGain();
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(level, start + 0.02);
    gain.gain.setValueAtTime(level, start + Math.max(0.03, duration - 0.05));
    gain.gain.linearRampToValueAtTime(0, start + duration);
    gain.connect(master);
    for (const frequency of frequencies) {
      const oscillator = ctx.createOscillator();
      oscillator.type = type;
      oscillator.frequency.value = frequency;
      oscillator.connect(gain);
      oscillator.start(start);
      track(oscillator, start + duration);
    }
  }

  function noise(ctx: AudioContext, start: number, duration: number, level: number, crackle: boolean): void {
    if (!master) return;
    const length = Math.max(1, Math.floor(ctx.sampleRate * duration));
    const buffer = ctx.createBuffer(1, length, ctx.sampleRate);
    const data = buffer.getChannelData(0);
    for (let i = 0; i < length; i++) {
      // Crackle: sparse pops; background noise: soft continuous hiss.
      data[i] = crackle ? (Math.random() < 0.004 ? Math.random() * 2 - 1 : 0) : (Math.random() * 2 - 1) * 0.5;
    }
    const source = ctx.createBufferSource();
    source.buffer = buffer;
    const filter = ctx.createBiquadFilter();
    filter.type = crackle ? 'highpass' : 'lowpass';
    filter.frequency.value = crackle ? 1_500 : 700;
    const gain = ctx.createGain();
    gain.gain.value = level;
    source.connect(filter);
    filter.connect(gain);
    gain.connect(master);
    source.start(start);
    track(source, start + duration);
  }

  function ringOnce(): void {
    const ctx = audio();
    if (!ctx || muted) return;
    const now = ctx.currentTime + 0.01;
    // Two close tones beat like a ringer.
    tone(ctx, [440, 480], now, RING_ON_S, 0.12);
  }

  function holdBar(): void {
    const ctx = audio();
    if (!ctx || muted) return;
    const now = ctx.currentTime + 0.01;
    HOLD_NOTES.forEach((frequency, i) =>
      tone(ctx, [frequency], now + i * HOLD_NOTE_S, HOLD_NOTE_S * 0.9, 0.05, 'triangle'),
    );
  }

  function stopAll(): void {
    for (const node of playing) {
      try {
        node.stop();
      } catch {
        // Already stopped.
      }
    }
    playing.clear();
  }

  /** Starts or stops the loops to match what is wanted now. */
  function refresh(): void {
    if (disposed) return;
    const wantRing = ringing && !muted;
    const wantHold = holding && !muted && !ringing;
    if (!wantRing && ringTimer !== undefined) {
      stopEvery(ringTimer);
      ringTimer = undefined;
    }
    if (!wantHold && holdTimer !== undefined) {
      stopEvery(holdTimer);
      holdTimer = undefined;
    }
    if (!wantRing && !wantHold) stopAll();
    if (wantRing && ringTimer === undefined) {
      ringOnce();
      ringTimer = every(ringOnce, RING_PERIOD_MS);
    }
    if (wantHold && holdTimer === undefined) {
      holdBar();
      holdTimer = every(holdBar, HOLD_PERIOD_MS);
    }
  }

  function restart(): void {
    if (ringTimer !== undefined) stopEvery(ringTimer);
    if (holdTimer !== undefined) stopEvery(holdTimer);
    ringTimer = undefined;
    holdTimer = undefined;
    refresh();
  }

  return {
    setRinging(on) {
      if (ringing === on) return;
      ringing = on;
      if (!on) stopAll();
      refresh();
    },
    setHoldMusic(on) {
      if (holding === on) return;
      holding = on;
      if (!on) stopAll();
      refresh();
    },
    playCue(cue) {
      if (muted || disposed) return;
      const ctx = audio();
      if (!ctx || ctx.state !== 'running') return;
      const now = ctx.currentTime + 0.01;
      switch (cue) {
        case 'crackle':
          noise(ctx, now, 1.2, 0.6, true);
          break;
        case 'noise':
          noise(ctx, now, 2.5, 0.08, false);
          break;
        case 'doorbell':
          tone(ctx, [659.25], now, 0.5, 0.1);
          tone(ctx, [523.25], now + 0.55, 0.8, 0.1);
          break;
        case 'alarm':
          for (let i = 0; i < 3; i++) tone(ctx, [880], now + i * 0.4, 0.25, 0.08, 'square');
          break;
        case 'hangup':
          // The French busy tone: 440 Hz, 0.5 s on, 0.5 s off.
          for (let i = 0; i < 3; i++) tone(ctx, [440], now + i, 0.5, 0.1);
          break;
        case 'sigh':
        case 'crying':
        case 'silence':
        case 'ring':
        case 'hold_music':
          // Sighs, tears, silence: the voice and the screen carry them; the ring and the hold
          // music have their own loops.
          break;
      }
    },
    setMuted(value) {
      if (muted === value) return;
      muted = value;
      if (muted) stopAll();
      refresh();
    },
    isBlocked: () => blocked,
    onBlockedChange(listener) {
      blockedListeners.add(listener);
      return () => blockedListeners.delete(listener);
    },
    dispose() {
      disposed = true;
      ringing = false;
      holding = false;
      if (ringTimer !== undefined) stopEvery(ringTimer);
      if (holdTimer !== undefined) stopEvery(holdTimer);
      stopAll();
      stopWaiting();
      blockedListeners.clear();
      void context?.close().catch(() => undefined);
    },
  };
}
