// The non-verbal cue « now »: shown as it arrives, not when it is already old news (a console
// opened or reloaded later), and not once the call is over.
import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { inputEntry, listenerView, observationEntry } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { CueIndicator } from './CueIndicator.js';
import { PhonePanel } from './PhonePanel.js';

const silence = observationEntry(3, { kind: 'cue', cue: 'silence' }, 'caller', 100_000);

describe('the cue indicator', () => {
  it('shows a cue that just arrived', () => {
    renderWithSession(<CueIndicator entries={[inputEntry(1, { kind: 'pickup' }, 'listener', 0), silence]} />);
    expect(screen.getByText(/Signal non verbal/).textContent).toContain('silence');
  });

  it('does not show a cue already older than its time on screen (the page opened later)', () => {
    const later = inputEntry(4, { kind: 'join', name: 'Camille' }, 'listener', 160_000);
    renderWithSession(<CueIndicator entries={[silence, later]} />);
    expect(screen.queryByText(/Signal non verbal/)).toBeNull();
  });

  it('is gone from the phone once the call has ended', () => {
    renderWithSession(<PhonePanel view={listenerView({ phase: 'ended' })} entries={[silence]} />);
    expect(screen.queryByText(/Signal non verbal/)).toBeNull();
  });
});
