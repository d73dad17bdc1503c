import { describe, expect, it } from '@jest/globals';
import { FakeAudioContext } from '../test/FakeAudioContext.js';
import { createPhoneSounds, type PhoneSoundsOptions } from './phoneAudio.js';

function setup(options: { active?: boolean; state?: 'suspended' | 'running' } = {}) {
  const context = new FakeAudioContext(options.state ?? 'running');
  const target = new EventTarget();
  const timers: (() => void)[] = [];
  let active = options.active ?? true;
  const made: PhoneSoundsOptions = {
    createContext: () => context.asAudioContext(),
    hasBeenActive: () => active,
    gestureTarget: target,
    setInterval: (run) => {
      timers.push(run);
      return timers.length as unknown as ReturnType<typeof setInterval>;
    },
    clearInterval: (handle) => {
      timers[(handle as unknown as number) - 1] = () => undefined;
    },
  };
  const sounds = createPhoneSounds(made);
  return {
    context,
    sounds,
    tick: () => timers.forEach((run) => run()),
    gesture: () => {
      active = true;
      target.dispatchEvent(new Event('keydown'));
    },
  };
}

describe('createPhoneSounds', () => {
  it('rings with two tones, again each cycle, and stops at once when told', () => {
    const { context, sounds, tick } = setup();
    sounds.setRinging(true);
    expect(context.sources.filter((s) => s.kind === 'oscillator').map((s) => s.frequency.value)).toEqual([
      440, 480,
    ]);
    tick();
    expect(context.sources).toHaveLength(4);
    sounds.setRinging(false);
    expect(context.playing()).toHaveLength(0);
    tick();
    expect(context.sources).toHaveLength(4);
  });

  it('plays hold music on hold, not while ringing, and nothing when muted', () => {
    const { context, sounds } = setup();
    sounds.setMuted(true);
    sounds.setRinging(true);
    sounds.setHoldMusic(true);
    expect(context.sources).toHaveLength(0);
    sounds.setRinging(false);
    sounds.setMuted(false);
    expect(context.sources.length).toBeGreaterThan(4);
    expect(context.sources.every((source) => source.kind === 'oscillator')).toBe(true);
    sounds.setHoldMusic(false);
    expect(context.playing()).toHaveLength(0);
  });

  it('gives line crackle and background noise a short noise, sighs no sound', () => {
    const { context, sounds } = setup();
    sounds.setRinging(false);
    sounds.playCue('sigh');
    expect(context.sources).toHaveLength(0);
    sounds.setHoldMusic(false);
    // The context is made on first need.
    sounds.setRinging(true);
    sounds.setRinging(false);
    const before = context.sources.length;
    sounds.playCue('crackle');
    sounds.playCue('noise');
    expect(context.sources.slice(before).map((source) => source.kind)).toEqual(['buffer', 'buffer']);
  });

  it('waits for a first gesture before making sound (no autoplay error), then rings', () => {
    const { context, sounds, gesture } = setup({ active: false });
    const seen: boolean[] = [];
    sounds.onBlockedChange((blocked) => seen.push(blocked));
    sounds.setRinging(true);
    expect(sounds.isBlocked()).toBe(true);
    expect(context.sources).toHaveLength(0);
    gesture();
    expect(sounds.isBlocked()).toBe(false);
    expect(context.sources.length).toBeGreaterThan(0);
    expect(seen).toEqual([true, false]);
  });

  it('says so while the browser keeps the context suspended, and resumes it on a gesture', () => {
    const { context, sounds, gesture } = setup({ state: 'suspended' });
    sounds.setRinging(true);
    // `resume()` was tried at once; the fake lets it through, as a browser does after a gesture.
    expect(context.state).toBe('running');
    gesture();
    expect(sounds.isBlocked()).toBe(false);
  });

  it('is silent without Web Audio', () => {
    const sounds = createPhoneSounds({ createContext: () => null, hasBeenActive: () => true });
    expect(() => {
      sounds.setRinging(true);
      sounds.playCue('crackle');
      sounds.dispose();
    }).not.toThrow();
  });
});
