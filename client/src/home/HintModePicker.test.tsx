import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import type { SessionLinks } from '@ecoute/protocol';
import { renderWithSession } from '../test/renderWithSession.js';
import type { HomeApi } from './homeApi.js';
import { HomePage } from './HomePage.js';

const links: SessionLinks = {
  sessionId: 'abc',
  links: { listener: '/listener/abc#k=l1', trainer: '/trainer/abc#k=t1', observer: '/observer/abc#k=o1' },
};

function fakeApi() {
  const requests: unknown[] = [];
  const api: HomeApi = {
    listScenarios: () =>
      Promise.resolve({
        ok: true,
        data: [
          {
            id: 'mutuelle',
            version: 1,
            title: 'Mutuelle',
            summary: '',
            difficulty: 'medium',
            durationMinutes: 20,
          },
        ],
      }),
    createSession: (request) => {
      requests.push(request);
      return Promise.resolve({ ok: true, data: links });
    },
  };
  return { api, requests };
}

describe('the hint mode chosen at creation', () => {
  it('is guided unless the trainer chooses, and sends free speech with the trainer’s pick', async () => {
    const { api, requests } = fakeApi();
    renderWithSession(<HomePage api={api} origin="https://ecoute.test" />);
    await screen.findByRole('radio', { name: 'Mutuelle' });
    expect((screen.getByRole('radio', { name: /^Guidé/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole('switch', { name: /Me demander de choisir/ })).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Créer la séance' }));
    });
    fireEvent.click(screen.getByRole('radio', { name: /^Parole libre/ }));
    fireEvent.click(screen.getByRole('switch', { name: /Me demander de choisir/ }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Créer la séance' }));
    });
    fireEvent.click(screen.getByRole('radio', { name: /^Sans indices/ }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Créer la séance' }));
    });
    expect(requests).toEqual([
      { scenarioId: 'mutuelle' },
      { scenarioId: 'mutuelle', hintMode: 'free_speech', askTrainer: true },
      { scenarioId: 'mutuelle', hintMode: 'no_hints' },
    ]);
  });
});
