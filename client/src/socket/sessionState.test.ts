import { describe, expect, it } from '@jest/globals';
import { inputEntry, lineEntry, listenerView, snapshot, update } from '../test/fixtures.js';
import { initialSessionState, mergeEntries, sessionReducer, type SessionState } from './sessionState.js';

function synced(seq: number, entries = [lineEntry(1, 'Allô ?')]): SessionState {
  return sessionReducer(initialSessionState, { type: 'synced', snapshot: snapshot(seq, entries) });
}

describe('sessionReducer', () => {
  it('takes a first sync as the whole state', () => {
    const state = synced(3, [lineEntry(1, 'Allô ?'), inputEntry(3, { kind: 'pickup' })]);
    expect(state.status).toBe('connected');
    expect(state.seq).toBe(3);
    expect(state.entries.map((entry) => entry.seq)).toEqual([1, 3]);
    expect(state.view?.phase).toBe('connected');
  });

  it('applies an update that starts at its seq', () => {
    const view = listenerView({ t: 90_000 });
    const state = sessionReducer(synced(3), {
      type: 'update',
      update: update(3, 5, [lineEntry(5, 'Oui')], view),
    });
    expect(state.seq).toBe(5);
    expect(state.entries.map((entry) => entry.seq)).toEqual([1, 5]);
    expect(state.view).toBe(view);
    expect(state.needsResync).toBe(false);
  });

  it('keeps the view of an update that leaves it out, at the time of the update', () => {
    const before = synced(3);
    const { view: _unchanged, ...withoutView } = update(
      3,
      4,
      [lineEntry(4, 'Oui')],
      listenerView({ t: 95_000 }),
    );
    const state = sessionReducer(before, { type: 'update', update: withoutView });
    expect(state.seq).toBe(4);
    expect(state.view).toEqual({ ...before.view, t: 95_000 });
    expect(state.view).not.toBe(before.view);
  });

  it('flags a gap instead of applying an update that starts past its seq', () => {
    const before = synced(3);
    const state = sessionReducer(before, { type: 'update', update: update(4, 6, [lineEntry(6, 'Trou')]) });
    expect(state.needsResync).toBe(true);
    expect(state.seq).toBe(3);
    expect(state.entries).toBe(before.entries);
  });

  it('ignores an update it has already seen', () => {
    const before = synced(5);
    expect(sessionReducer(before, { type: 'update', update: update(2, 4, [lineEntry(4, 'Vieux')]) })).toBe(
      before,
    );
  });

  it('keeps only the new part of an update that overlaps what it has', () => {
    const before = synced(4, [lineEntry(1, 'a'), lineEntry(4, 'b')]);
    const state = sessionReducer(before, {
      type: 'update',
      update: update(2, 6, [lineEntry(4, 'b'), lineEntry(6, 'c')]),
    });
    expect(state.entries.map((entry) => entry.seq)).toEqual([1, 4, 6]);
    expect(state.seq).toBe(6);
  });

  it('merges a resync after a gap without duplicates and clears the flag', () => {
    const gapped = sessionReducer(synced(3), { type: 'update', update: update(4, 6, [lineEntry(6, 'x')]) });
    const state = sessionReducer(gapped, {
      type: 'synced',
      snapshot: snapshot(6, [lineEntry(4, 'manquée'), lineEntry(6, 'x')]),
    });
    expect(state.entries.map((entry) => entry.seq)).toEqual([1, 4, 6]);
    expect(state.seq).toBe(6);
    expect(state.needsResync).toBe(false);
  });

  it('keeps the newer view when an update overtook the sync answer', () => {
    const newer = listenerView({ t: 99_000 });
    const ahead = sessionReducer(synced(3), {
      type: 'update',
      update: update(3, 8, [lineEntry(8, 'y')], newer),
    });
    const state = sessionReducer(ahead, { type: 'synced', snapshot: snapshot(6, [lineEntry(5, 'z')]) });
    expect(state.view).toBe(newer);
    expect(state.seq).toBe(8);
    expect(state.entries.map((entry) => entry.seq)).toEqual([1, 5, 8]);
  });

  it('stays in error once failed, even if the transport says it is reconnecting', () => {
    const failed = sessionReducer(initialSessionState, { type: 'failed', errorCode: 'auth/invalid_token' });
    expect(sessionReducer(failed, { type: 'connecting' })).toBe(failed);
    expect(failed.errorCode).toBe('auth/invalid_token');
  });
});

describe('mergeEntries', () => {
  it('sorts entries that arrive out of order', () => {
    const merged = mergeEntries([lineEntry(1, 'a'), lineEntry(5, 'e')], [lineEntry(3, 'c')]);
    expect(merged.map((entry) => entry.seq)).toEqual([1, 3, 5]);
  });
});

describe('labels', () => {
  it('come with a sync, so a late joiner can name moves made before it joined', () => {
    const synced = sessionReducer(initialSessionState, { type: 'synced', snapshot: snapshot(3, []) });
    expect(synced.labels?.moves).toEqual({ reformuler: 'Reformuler' });
  });
});

describe('presence and graph', () => {
  const graph = {
    nodes: [{ id: 'a', label: 'a', parent: null, type: 'atomic' as const, description: null }],
    edges: [],
  };

  it('keeps who is connected as the server last said', () => {
    const state = sessionReducer(initialSessionState, {
      type: 'presence',
      presence: { participants: [{ role: 'listener', name: 'Camille', connections: 1 }] },
    });
    expect(state.presence?.participants[0]?.name).toBe('Camille');
  });

  it('takes the graph from a sync, or from an update that brings it (projector switched on)', () => {
    const synced = sessionReducer(initialSessionState, { type: 'synced', snapshot: snapshot(2, []) });
    expect(synced.graph).toBeNull();
    const withGraph = sessionReducer(synced, { type: 'update', update: { ...update(2, 3, []), graph } });
    expect(withGraph.graph).toBe(graph);
    // A later update without it, or a sync that has none, keeps it.
    const later = sessionReducer(withGraph, { type: 'update', update: update(3, 4, []) });
    expect(later.graph).toBe(graph);
    expect(sessionReducer(later, { type: 'synced', snapshot: snapshot(4, []) }).graph).toBe(graph);
  });
});
