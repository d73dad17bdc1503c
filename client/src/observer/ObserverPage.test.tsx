import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { fakeSession } from '../test/fakeSession.js';
import { inputEntry, lineEntry, listenerView } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { ObserverPage } from './ObserverPage.js';

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
    expect(screen.queryByLabelText('Ce que je dis')).toBeNull();
  });
});
