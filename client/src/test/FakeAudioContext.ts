// A stand-in for Web Audio (jsdom has none): records the sound sources started and stopped.

class FakeParam {
  value = 0;
  setValueAtTime(): this {
    return this;
  }
  linearRampToValueAtTime(): this {
    return this;
  }
}

class FakeNode {
  connect(): void {}
  disconnect(): void {}
}

export class FakeSource extends FakeNode {
  started: number | null = null;
  stoppedAt: number | null = null;
  stoppedNow = false;
  readonly frequency = new FakeParam();
  type = 'sine';
  buffer: unknown = null;
  constructor(readonly kind: 'oscillator' | 'buffer') {
    super();
  }
  start(at = 0): void {
    this.started = at;
  }
  stop(at?: number): void {
    if (at === undefined) this.stoppedNow = true;
    else this.stoppedAt = at;
  }
  addEventListener(): void {}
}

export class FakeAudioContext {
  state: 'suspended' | 'running' | 'closed';
  currentTime = 0;
  sampleRate = 8000;
  readonly destination = new FakeNode();
  readonly sources: FakeSource[] = [];
  private listeners: (() => void)[] = [];

  constructor(state: 'suspended' | 'running' = 'running') {
    this.state = state;
  }
  createGain() {
    return Object.assign(new FakeNode(), { gain: new FakeParam() });
  }
  createOscillator(): FakeSource {
    const source = new FakeSource('oscillator');
    this.sources.push(source);
    return source;
  }
  createBufferSource(): FakeSource {
    const source = new FakeSource('buffer');
    this.sources.push(source);
    return source;
  }
  createBiquadFilter() {
    return Object.assign(new FakeNode(), { type: 'lowpass', frequency: new FakeParam() });
  }
  createBuffer(_channels: number, length: number) {
    const data = new Float32Array(length);
    return { getChannelData: () => data };
  }
  addEventListener(_type: string, listener: () => void): void {
    this.listeners.push(listener);
  }
  resume(): Promise<void> {
    this.state = 'running';
    for (const listener of this.listeners) listener();
    return Promise.resolve();
  }
  close(): Promise<void> {
    this.state = 'closed';
    return Promise.resolve();
  }
  /** Sources started and not stopped for good. */
  playing(): FakeSource[] {
    return this.sources.filter((source) => source.started !== null && !source.stoppedNow);
  }
  asAudioContext(): AudioContext {
    return this as unknown as AudioContext;
  }
}
