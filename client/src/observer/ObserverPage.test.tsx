import { describe, expect, it } from '@jest/globals';
import { renderHook, screen, within } from '@testing-library/react';
import type { ProjectorView } from '@ecoute/engine';
import { fakeSession } from '../test/fakeSession.js';
import { inputEntry, lineEntry, listenerView } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { ObserverPage } from './ObserverPage.js';
import { useProjectorHistory } from './useProjectorHistory.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// What an observer reads, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);
/** A text as `getByText` reads the page's: its no-break spaces as plain ones. */
const plain = (text: string) => text.replace(/\s+/g, ' ');

describe('ObserverPage', () => {
  it('follows the call read-only: transcript and phone, no control', () => {
    const session = fakeSession({
      view: listenerView({ role: 'observer' }),
      entries: [inputEntry(1, { kind: 'pickup' }), lineEntry(2, 'Allô ?', { cue: 'crying' })],
    });
    renderWithSession(<ObserverPage />, { session });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Observateur·rice — Nuit blanche');
    expect(screen.getByText('Allô ?')).not.toBeNull();
    expect(screen.getByText('(pleurs)')).not.toBeNull();
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(screen.queryByLabelText(fr('say.label'))).toBeNull();
  });

  it('in free speech shows no action list (the listener has none), not « no action now »', () => {
    const guided = fakeSession({ view: listenerView({ role: 'observer', moves: [] }), entries: [] });
    const { unmount } = renderWithSession(<ObserverPage />, { session: guided });
    expect(screen.queryByText(fr('moves.none'))).not.toBeNull();
    unmount();
    const free = fakeSession({
      view: listenerView({ role: 'observer', moves: [], mode: 'free_speech' }),
      entries: [],
    });
    renderWithSession(<ObserverPage />, { session: free });
    expect(screen.queryByText(fr('moves.none'))).toBeNull();
  });

  it('says the pause while the call is paused, and no longer once the paused call has ended', () => {
    const entries = [inputEntry(1, { kind: 'pickup' }), lineEntry(2, 'Allô ?')];
    const paused = renderWithSession(<ObserverPage />, {
      session: fakeSession({ view: listenerView({ role: 'observer', paused: true }), entries }),
    });
    expect(screen.getByText(fr('session.paused'))).not.toBeNull();
    paused.unmount();
    renderWithSession(<ObserverPage />, {
      session: fakeSession({
        view: listenerView({ role: 'observer', paused: true, phase: 'ended' }),
        entries,
      }),
    });
    expect(screen.queryByText(fr('session.paused'))).toBeNull();
    expect(screen.queryByText(fr('status.paused'))).toBeNull();
  });
});

describe('ObserverPage — projector mode', () => {
  const projector = {
    variables: [{ id: 'distress', label: 'Détresse', value: 70, min: 0, max: 100 }],
    states: ['detresse.forte'],
  };

  it('sees what the listener sees, and the hidden variables only when the trainer shows them', () => {
    const entries = [
      inputEntry(1, { kind: 'pickup' }),
      lineEntry(2, 'Allô ?'),
      inputEntry(3, { kind: 'whisper', text: 'Reformule.' }, 'trainer'),
    ];
    const { unmount } = renderWithSession(<ObserverPage />, {
      session: fakeSession({ view: listenerView({ role: 'observer' }), entries }),
    });
    expect(screen.queryByRole('meter')).toBeNull();
    expect(screen.getByRole('region', { name: fr('whisper.heading') })).not.toBeNull();
    expect(screen.getByRole('region', { name: fr('moves.headingReadOnly') }).textContent).toContain(
      'Reformuler',
    );
    unmount();
    renderWithSession(<ObserverPage />, {
      session: fakeSession({ view: listenerView({ role: 'observer', projector }), entries }),
    });
    expect(screen.getByRole('meter', { name: 'Détresse' }).getAttribute('value')).toBe('70');
    expect(screen.getByRole('region', { name: fr('graph.heading') })).not.toBeNull();
    expect(screen.getByText(plain(fr('observer.projectorOn')))).not.toBeNull();
  });

  it('says of an entry the listener does not see that the listener does not see it (the observers do)', () => {
    const entries = [
      inputEntry(1, { kind: 'pickup' }),
      inputEntry(2, { kind: 'projector', on: true }, 'trainer'),
    ];
    renderWithSession(<ObserverPage />, {
      session: fakeSession({ view: listenerView({ role: 'observer', projector }), entries }),
    });
    const transcript = screen.getByRole('region', { name: fr('transcript.heading') });
    const item = within(transcript).getAllByRole('listitem').at(-1)!;
    expect(item.textContent).toContain(`(${fr('entry.notForListener')})`);
    expect(item.textContent).not.toContain(fr('entry.trainerOnly'));
  });

  it('keeps the changes it has seen, for the curves and the path', () => {
    const { result, rerender } = renderHook(
      (props: { projector: ProjectorView; t: number }) => useProjectorHistory(props.projector, props.t),
      { initialProps: { projector, t: 10_000 } },
    );
    // The states as first seen start the path.
    expect(result.current).toHaveLength(1);
    rerender({
      projector: { variables: [{ ...projector.variables[0]!, value: 80 }], states: ['detresse.forte'] },
      t: 20_000,
    });
    rerender({
      projector: { variables: [{ ...projector.variables[0]!, value: 80 }], states: ['calme'] },
      t: 30_000,
    });
    expect(result.current.map((entry) => entry.kind === 'observation' && entry.observation)).toEqual([
      { kind: 'state', states: ['detresse.forte'] },
      { kind: 'variable', variable: 'distress', value: 80, previous: 70 },
      { kind: 'state', states: ['calme'] },
    ]);
    expect(result.current.every((entry) => entry.seq < 0)).toBe(true);
  });
});
