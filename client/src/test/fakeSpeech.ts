// A stand-in for the browser's speech synthesis (jsdom has none): records what would be spoken.

export class FakeUtterance {
  voice: SpeechSynthesisVoice | null = null;
  lang = '';
  rate = 1;
  pitch = 1;
  constructor(readonly text: string) {}
}

export function fakeVoice(lang: string, name = `voice-${lang}`): SpeechSynthesisVoice {
  return { lang, name, default: false, localService: true, voiceURI: name };
}

export class FakeSpeechSynthesis {
  readonly spoken: FakeUtterance[] = [];
  cancelled = 0;
  constructor(private voices: SpeechSynthesisVoice[]) {}
  getVoices(): SpeechSynthesisVoice[] {
    return this.voices;
  }
  speak(utterance: FakeUtterance): void {
    this.spoken.push(utterance);
  }
  cancel(): void {
    this.cancelled++;
  }
  addEventListener(): void {}
  removeEventListener(): void {}

  /** Installs `SpeechSynthesisUtterance` globally (the hook builds them) and returns this as a SpeechSynthesis. */
  install(): SpeechSynthesis {
    (globalThis as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance = FakeUtterance;
    return this as unknown as SpeechSynthesis;
  }
}
