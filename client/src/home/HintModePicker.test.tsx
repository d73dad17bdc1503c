import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import type { ScenarioSummary, SessionLinks } from '@ecoute/protocol';
import { renderWithSession } from '../test/renderWithSession.js';
import type { HomeApi } from './homeApi.js';
import { HomePage } from './HomePage.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// What a trainer reads, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);
/** An accessible name that starts with `words`. */
const startingWith = (words: string) => (name: string) => name.startsWith(words);

const links: SessionLinks = {
  sessionId: 'abc',
  links: { listener: '/ecoute/abc#k=l1', trainer: '/animation/abc#k=t1', observer: '/observation/abc#k=o1' },
};

const call = (id: string, title: string, moves: number, withExamples: number): ScenarioSummary => ({
  id,
  version: 1,
  title,
  summary: '',
  difficulty: 'medium',
  durationMinutes: 20,
  speechExamples: { moves, withExamples },
});

function fakeApi(scenarios: ScenarioSummary[] = [call('mutuelle', 'Mutuelle', 12, 12)]) {
  const requests: unknown[] = [];
  const api: HomeApi = {
    listScenarios: () => Promise.resolve({ ok: true, data: scenarios }),
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
    expect(
      (screen.getByRole('radio', { name: startingWith(fr('speech.mode.guided')) }) as HTMLInputElement)
        .checked,
    ).toBe(true);
    expect(screen.queryByRole('switch', { name: /Me demander de choisir/ })).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('home.create') }));
    });
    fireEvent.click(screen.getByRole('radio', { name: startingWith(fr('speech.mode.free_speech')) }));
    fireEvent.click(screen.getByRole('switch', { name: /Me demander de choisir/ }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('home.create') }));
    });
    fireEvent.click(screen.getByRole('radio', { name: startingWith(fr('speech.mode.no_hints')) }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('home.create') }));
    });
    expect(requests).toEqual([
      { scenarioId: 'mutuelle' },
      { scenarioId: 'mutuelle', hintMode: 'free_speech', askTrainer: true },
      { scenarioId: 'mutuelle', hintMode: 'no_hints' },
    ]);
  });

  it('says by « Parole libre » when most moves of the chosen call have no example phrases', async () => {
    const { api } = fakeApi([
      call('atelier', 'Appel écrit dans l’atelier', 8, 0),
      call('mutuelle', 'Mutuelle', 12, 12),
      call('moitie', 'À moitié', 10, 3),
    ]);
    renderWithSession(<HomePage api={api} origin="https://ecoute.test" />);
    await screen.findByRole('radio', { name: 'Mutuelle' });
    const freeSpeech = screen.getByRole('radio', { name: startingWith(fr('speech.mode.free_speech')) });
    // Offered, not chosen: the notice is there already, and describes the choice.
    const notice = screen.getByText(/^Cet appel n'a pas de phrases exemples pour ses actions/);
    expect(freeSpeech.getAttribute('aria-describedby')).toBe(notice.id);
    expect(notice.textContent).toContain(
      "seules les phrases qui reprennent le nom d'une action seront reconnues",
    );
    expect(notice.textContent).toContain('atelier d');
    fireEvent.click(freeSpeech);
    expect(screen.getByText(/^Cet appel n'a pas de phrases exemples/).className).toContain('--chosen');

    // A call whose moves have their phrases: nothing to say.
    fireEvent.click(screen.getByRole('radio', { name: 'Mutuelle' }));
    expect(screen.queryByText(/phrases exemples/)).toBeNull();
    expect(freeSpeech.hasAttribute('aria-describedby')).toBe(false);

    // Most of them without: counted.
    fireEvent.click(screen.getByRole('radio', { name: 'À moitié' }));
    expect(screen.getByText(/^7 des 10 actions de cet appel n'ont pas de phrases exemples/)).not.toBeNull();
  });
});
