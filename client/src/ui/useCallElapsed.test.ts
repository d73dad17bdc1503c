import { describe, expect, it } from '@jest/globals';
import type { TimelineEntry } from '@ecoute/engine';
import { callElapsed } from './useCallElapsed.js';

// The consoles' call time as one rule (the status bar's `CallTimer` on the live clock, the
// studio's test-play on its simulated one): from the pickup, none before it, stopped at the ending.
const at = new Date(0).toISOString();
const joined: TimelineEntry = {
  seq: 1,
  t: 2_000,
  at,
  source: 'listener',
  kind: 'input',
  input: { kind: 'join', name: 'Léa' },
};
const pickup: TimelineEntry = {
  seq: 2,
  t: 10_000,
  at,
  source: 'listener',
  kind: 'input',
  input: { kind: 'pickup' },
};
const ending: TimelineEntry = {
  seq: 3,
  t: 40_000,
  at,
  source: 'system',
  kind: 'observation',
  observation: { kind: 'ending', ending: 'ok', outcome: 'best', message: 'Bravo.', reason: 'scenario' },
};

describe('callElapsed', () => {
  it('is none while the phone rings, whatever the session time', () => {
    expect(callElapsed([joined], { phase: 'ringing', t: 9_000 }, 9_000)).toBeNull();
  });

  it('counts from the pickup, not from the start of the session', () => {
    expect(callElapsed([joined, pickup], { phase: 'connected', t: 10_000 }, 10_000)).toBe(0);
    expect(callElapsed([joined, pickup], { phase: 'connected', t: 10_000 }, 25_000)).toBe(15_000);
  });

  it('stops at the ending once the call has ended', () => {
    expect(callElapsed([joined, pickup, ending], { phase: 'ended', t: 40_000 }, 90_000)).toBe(30_000);
  });
});
