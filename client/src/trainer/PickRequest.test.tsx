import { describe, expect, it, jest } from '@jest/globals';
import { act, screen } from '@testing-library/react';
import type { TimelineEntry } from '@ecoute/engine';
import { renderWithSession } from '../test/renderWithSession.js';
import type { KnownLabels } from '../ui/useKnownLabels.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';
import { PickRequest } from './PickRequest.js';

const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);
const plain = (text: string) => text.replace(/\s+/g, ' ');
const labels: KnownLabels = {
  moves: new Map([['reformuler', 'Reformuler']]),
  injects: new Map(),
  variables: new Map(),
  states: new Map(),
};
const entries: TimelineEntry[] = [];

describe('PickRequest', () => {
  it('counts down each second on the page’s session clock, said once', () => {
    jest.useFakeTimers();
    try {
      let now = 6_000;
      renderWithSession(
        <PickRequest
          speech={{
            mode: 'free_speech',
            pending: { n: 0, text: 'Hmm bon', move: 'reformuler', score: 0.1, dueT: 21_000 },
          }}
          entries={entries}
          moves={[{ id: 'reformuler', label: 'Reformuler', category: 'listening', help: '' }]}
          labels={labels}
          now={6_000}
          sessionNow={() => now}
          enabled
          onCorrect={() => Promise.resolve(true)}
        />,
      );
      const said = fr('speech.trainer.pickAlert', { text: 'Hmm bon', seconds: 15 });
      expect(screen.getByRole('alert').textContent).toBe(said);
      expect(screen.getByText(plain(fr('speech.trainer.pickCountdown', { seconds: 15 })))).not.toBeNull();
      now = 10_200;
      act(() => {
        jest.advanceTimersByTime(1_000);
      });
      expect(screen.getByText(plain(fr('speech.trainer.pickCountdown', { seconds: 11 })))).not.toBeNull();
      expect(screen.getByRole('alert').textContent).toBe(said);
    } finally {
      jest.useRealTimers();
    }
  });

  it('asks nothing once the call is over', () => {
    renderWithSession(
      <PickRequest
        speech={{ mode: 'free_speech', pending: { n: 0, text: 'Bof', move: null, score: 0, dueT: 9_000 } }}
        entries={entries}
        moves={[]}
        labels={labels}
        now={6_000}
        enabled={false}
        ended
        onCorrect={() => Promise.resolve(true)}
      />,
    );
    expect(screen.queryByRole('region')).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe('');
  });
});
