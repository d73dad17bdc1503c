// One clock in the trainer's console (issue 12): the path of states, the bookmarks and the
// listener's words read call time, counted from the pickup, as the status bar, the transcript
// and the debrief do — not session time (the phone rang 20 s before the pickup here).
import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import type { TimelineEntry } from '@ecoute/engine';
import { inputEntry, observationEntry } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { callTimeOf } from '../ui/callTime.js';
import { BookmarkControl } from './BookmarkControl.js';
import { ListenerWordsPanel } from './ListenerWordsPanel.js';
import { ScenarioStates } from './ScenarioStates.js';

const entries: TimelineEntry[] = [
  observationEntry(1, { kind: 'state', states: ['accueil'] }, 'system', 0),
  inputEntry(2, { kind: 'pickup' }, 'listener', 20_000),
  inputEntry(3, { kind: 'say', text: 'Bonjour, je m’appelle Camille.' }, 'listener', 27_000),
  observationEntry(4, { kind: 'state', states: ['besoin'] }, 'system', 95_000),
  inputEntry(5, { kind: 'bookmark', comment: 'Bonne reformulation' }, 'trainer', 95_000),
];

describe('call time in the trainer’s console', () => {
  it('callTimeOf counts from the pickup, 0:00 before it, session time when never picked up', () => {
    expect(callTimeOf(entries)(95_000)).toBe('1:15');
    expect(callTimeOf(entries)(5_000)).toBe('0:00');
    expect(callTimeOf(entries.slice(0, 1))(95_000)).toBe('1:35');
  });

  it('the path of states reads call time', () => {
    const { container } = renderWithSession(<ScenarioStates states={['besoin']} entries={entries} />);
    const path = container.querySelector('.states__path')!;
    const times = Array.from(path.querySelectorAll('.states__time')).map((time) => time.textContent);
    expect(times).toEqual(['0:00', '1:15']);
  });

  it('the bookmarks read call time', () => {
    renderWithSession(
      <BookmarkControl entries={entries} enabled sessionNow={() => 95_000} onBookmark={async () => true} />,
    );
    const item = screen.getByText('Bonne reformulation', { exact: false });
    expect(within(item).getByText('1:15')).toBeTruthy();
  });

  it('the listener’s words read call time', () => {
    renderWithSession(<ListenerWordsPanel entries={entries} />);
    const item = screen.getByText('Bonjour, je m’appelle Camille.').closest('li')!;
    expect(within(item).getByText('0:07')).toBeTruthy();
  });
});
