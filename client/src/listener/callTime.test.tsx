// One clock on the listener's console too (issue 12): a whisper's time and a note's time are call
// time from the pickup, as the status bar and the transcript count it (the phone rang 20 s here).
import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import type { TimelineEntry } from '@ecoute/engine';
import { inputEntry } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { NotesPad } from './NotesPad.js';
import { WhisperPanel } from './WhisperPanel.js';

const entries: TimelineEntry[] = [
  inputEntry(1, { kind: 'pickup' }, 'listener', 20_000),
  inputEntry(2, { kind: 'whisper', text: 'Présentez-vous.' }, 'trainer', 95_000),
  inputEntry(3, { kind: 'note', text: 'Elle a un smartphone', shared: false }, 'listener', 80_000),
];

describe('call time on the listener’s console', () => {
  it('times the whisper from the pickup', () => {
    const { container } = renderWithSession(<WhisperPanel entries={entries} />);
    expect(screen.getByText('Présentez-vous.')).toBeTruthy();
    expect(container.querySelector('.whisper__time')?.textContent).toMatch(/1:15/);
  });

  it('times a note from the pickup', () => {
    const { container } = renderWithSession(<NotesPad entries={entries} enabled onNote={async () => true} />);
    expect(container.textContent).toContain('Elle a un smartphone');
    expect(container.textContent).toMatch(/1:00/);
    expect(container.textContent).not.toMatch(/1:20/);
  });
});
