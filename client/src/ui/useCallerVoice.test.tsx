import { describe, expect, it } from '@jest/globals';
import { renderHook } from '@testing-library/react';
import type { TimelineEntry } from '@ecoute/engine';
import { inputEntry, lineEntry } from '../test/fixtures.js';
import { FakeSpeechSynthesis, fakeVoice } from '../test/fakeSpeech.js';
import { useCallerVoice, type CallerVoiceOptions } from './useCallerVoice.js';

const voice = { lang: 'fr-FR', rate: 1, pitch: 1 };

function setup(voices = [fakeVoice('en-US'), fakeVoice('fr-CA'), fakeVoice('fr-FR')]) {
  const fake = new FakeSpeechSynthesis(voices);
  const synth = fake.install();
  const initial: CallerVoiceOptions = { entries: [], voice, enabled: true, ready: false, synth };
  const hook = renderHook((props: CallerVoiceOptions) => useCallerVoice(props), { initialProps: initial });
  const rerender = (entries: TimelineEntry[], extra: Partial<CallerVoiceOptions> = {}) =>
    hook.rerender({ ...initial, entries, ready: true, ...extra });
  return { fake, hook, rerender };
}

describe('useCallerVoice', () => {
  it('speaks new caller lines with a French voice, not the lines already there on arrival', () => {
    const { fake, rerender } = setup();
    const history = [lineEntry(1, 'Déjà dit')];
    rerender(history);
    expect(fake.spoken).toHaveLength(0);
    rerender([
      ...history,
      inputEntry(2, { kind: 'pickup' }),
      lineEntry(3, 'Allô ?', { voice: { rate: 0.8 } }),
    ]);
    expect(fake.spoken.map((utterance) => utterance.text)).toEqual(['Allô ?']);
    expect(fake.spoken[0]?.voice?.lang).toBe('fr-FR');
    expect(fake.spoken[0]?.rate).toBe(0.8);
    expect(fake.spoken[0]?.pitch).toBe(1);
  });

  it("never speaks a line's stage direction", () => {
    const { fake, rerender } = setup();
    rerender([]);
    rerender([lineEntry(1, 'Voilà.', { direction: 'il lit lentement sur son carnet' })]);
    expect(fake.spoken.map((utterance) => utterance.text)).toEqual(['Voilà.']);
  });

  it('stays silent when muted', () => {
    const { fake, rerender } = setup();
    rerender([]);
    rerender([lineEntry(1, 'Allô ?')], { enabled: false });
    expect(fake.spoken).toHaveLength(0);
    expect(fake.cancelled).toBeGreaterThan(0);
  });

  it('says no voice is available without a French one, and speaks nothing', () => {
    const { fake, hook, rerender } = setup([fakeVoice('en-GB')]);
    rerender([]);
    rerender([lineEntry(1, 'Allô ?')]);
    expect(hook.result.current.available).toBe(false);
    expect(fake.spoken).toHaveLength(0);
  });
});
