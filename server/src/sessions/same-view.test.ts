import { describe, expect, it } from '@jest/globals';
import type { RoleView } from '@ecoute/engine';
import { sameData, sameViewButTime } from './same-view.js';

const view = (over: Record<string, unknown> = {}): RoleView =>
  ({
    role: 'listener',
    scenario: { id: 's', version: 1, title: 'S' },
    voice: { lang: 'fr-FR', rate: 1, pitch: 1 },
    phase: 'connected',
    paused: false,
    t: 1000,
    moves: [{ id: 'ecouter', category: 'accueil', label: 'Écouter' }],
    ending: null,
    onHold: false,
    projector: null,
    ...over,
  }) as unknown as RoleView;

describe('sameViewButTime', () => {
  it('ignores the session time only', () => {
    expect(sameViewButTime(view(), view({ t: 2500 }))).toBe(true);
  });

  it('sees any other change, however deep', () => {
    expect(sameViewButTime(view(), view({ paused: true }))).toBe(false);
    expect(sameViewButTime(view(), view({ moves: [] }))).toBe(false);
    expect(
      sameViewButTime(view(), view({ moves: [{ id: 'ecouter', category: 'accueil', label: 'Écouter !' }] })),
    ).toBe(false);
    expect(sameViewButTime(view(), view({ ending: { ending: 'rappel' } }))).toBe(false);
    expect(sameViewButTime(view(), view({ projector: { variables: [], states: [] } }))).toBe(false);
    // The same number of fields, but not the same ones.
    const { t: _t, ...withoutT } = view() as unknown as Record<string, unknown>;
    expect(sameViewButTime(view(), { ...withoutT, extra: 1 } as unknown as RoleView)).toBe(false);
    expect(sameViewButTime(view({ extra: 1 }), view())).toBe(false);
    expect(sameViewButTime(view(), view({ extra: 1 }))).toBe(false);
  });
});

describe('sameData', () => {
  it('compares plain data structurally', () => {
    expect(sameData({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData({ a: 1, c: 2 }, { a: 1, b: 2 })).toBe(false);
    expect(sameData([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameData(null, {})).toBe(false);
    expect(sameData('1', 1)).toBe(false);
  });
});
