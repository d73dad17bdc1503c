// A bookmark marks the moment « Marquer ce moment » was pressed, not the moment its comment was
// saved (typing it takes seconds: the debrief jumped past what the trainer wanted to show).
import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, within } from '@testing-library/react';
import type { TimelineEntry } from '@ecoute/engine';
import { inputEntry } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { BookmarkControl } from './BookmarkControl.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// The page's words, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);
/** An accessible name that starts with `words`. */
const startingWith = (words: string) => (name: string) => name.startsWith(words);

const pickedUp: TimelineEntry[] = [inputEntry(1, { kind: 'pickup' }, 'listener', 20_000)];

describe('the trainer’s bookmarks', () => {
  it('sends the moment the field was opened, whatever the time the comment took', async () => {
    let now = 95_000;
    const sent: [string, number][] = [];
    renderWithSession(
      <BookmarkControl
        entries={pickedUp}
        enabled
        sessionNow={() => now}
        onBookmark={(comment, moment) => {
          sent.push([comment, moment]);
          return Promise.resolve(true);
        }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: startingWith(fr('bookmark.open')) }));
    now = 104_500;
    fireEvent.change(screen.getByRole('textbox', { name: fr('bookmark.label') }), {
      target: { value: 'Elle reformule' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('bookmark.save') }));
    });
    expect(sent).toEqual([['Elle reformule', 95_000]]);
  });

  it('lists a bookmark at the moment it marks (call time), not when it was recorded', () => {
    const entries = [
      ...pickedUp,
      inputEntry(2, { kind: 'bookmark', comment: 'Bonne reformulation', moment: 95_000 }, 'trainer', 104_500),
    ];
    renderWithSession(
      <BookmarkControl entries={entries} enabled sessionNow={() => 0} onBookmark={async () => true} />,
    );
    const item = screen.getByText('Bonne reformulation', { exact: false });
    expect(within(item).getByText('1:15')).toBeTruthy();
  });
});
