import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { fakeSession } from '../test/fakeSession.js';
import { inputEntry, lineEntry, listenerView, trainerView } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { ListenerPage } from './ListenerPage.js';

function button(name: string): HTMLButtonElement {
  return screen.getByRole('button', { name });
}

async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(element);
  });
}

const inCall = [
  inputEntry(1, { kind: 'pickup' }, 'listener', 2_000),
  lineEntry(2, 'Allô ?', { cue: 'sigh' }),
];

describe('ListenerPage', () => {
  it('rings, and picks up with « Décrocher »', async () => {
    const session = fakeSession({ view: listenerView({ phase: 'ringing', moves: [] }) });
    renderWithSession(<ListenerPage />, { session });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Écoutant·e — Nuit blanche');
    expect(screen.getByText('Le téléphone sonne…')).not.toBeNull();
    expect(screen.queryByRole('button', { name: 'Raccrocher' })).toBeNull();
    await click(button('Décrocher'));
    expect(session.sent).toEqual([{ kind: 'pickup' }]);
  });

  it('shows the call: timer, transcript in a live region, moves, « Ce que je dis », « Raccrocher »', async () => {
    const session = fakeSession({ view: listenerView({ t: 65_000 }), entries: inCall });
    renderWithSession(<ListenerPage />, { session });
    expect(screen.getByRole('timer').textContent).toBe('1:03');
    const transcript = screen.getByRole('region', { name: 'Transcription' });
    expect(transcript.querySelector('[aria-live="polite"]')?.textContent).toContain('(soupir)');
    await click(button('Reformuler'));
    await click(button('Raccrocher'));
    expect(session.sent).toEqual([{ kind: 'move', move: 'reformuler' }, { kind: 'hangup' }]);
  });

  it('says the typed words with Enter, then clears the field', async () => {
    const session = fakeSession({ view: listenerView(), entries: inCall });
    renderWithSession(<ListenerPage />, { session });
    const field = screen.getByLabelText<HTMLTextAreaElement>('Ce que je dis');
    fireEvent.change(field, { target: { value: '  Je vous écoute.  ' } });
    await act(async () => {
      fireEvent.keyDown(field, { key: 'Enter' });
    });
    expect(session.sent).toEqual([{ kind: 'say', text: 'Je vous écoute.' }]);
    expect(field.value).toBe('');
  });

  it('keeps the words when they are refused, and shows why by code', async () => {
    const session = fakeSession({
      view: listenerView(),
      entries: inCall,
      ack: () => ({ ok: false, code: 'input/rate_limited', message: 'slow down' }),
    });
    renderWithSession(<ListenerPage />, { session });
    const field = screen.getByLabelText<HTMLTextAreaElement>('Ce que je dis');
    fireEvent.change(field, { target: { value: 'Bonjour' } });
    await click(button('Dire'));
    expect(field.value).toBe('Bonjour');
    const alerts = screen.getAllByRole('alert').map((alert) => alert.textContent);
    expect(alerts).toContain('Trop de messages en peu de temps : ralentissez.');
  });

  it('suspends the controls while the trainer pauses the session', () => {
    const session = fakeSession({ view: listenerView({ paused: true }), entries: inCall });
    renderWithSession(<ListenerPage />, { session });
    expect(screen.getByText('Séance suspendue par le formateur')).not.toBeNull();
    expect(button('Raccrocher').disabled).toBe(true);
    expect(button('Reformuler').disabled).toBe(true);
    expect(screen.getByLabelText<HTMLTextAreaElement>('Ce que je dis').disabled).toBe(true);
  });

  it('shows the outcome when the call has ended', () => {
    const session = fakeSession({
      view: listenerView({
        phase: 'ended',
        ending: {
          ending: 'orientee',
          outcome: 'good',
          message: 'Vous avez orienté vers le 3114.',
          reason: 'scenario',
        },
      }),
      entries: inCall,
    });
    renderWithSession(<ListenerPage />, { session });
    const outcome = within(screen.getByRole('region', { name: "Issue de l'appel" }));
    expect(outcome.getByText('bien')).not.toBeNull();
    expect(outcome.getByText('Vous avez orienté vers le 3114.')).not.toBeNull();
    expect(screen.queryByRole('button', { name: 'Raccrocher' })).toBeNull();
    expect(screen.queryByLabelText('Ce que je dis')).toBeNull();
  });

  it('explains a refused connection by its code', () => {
    renderWithSession(<ListenerPage />, {
      session: fakeSession({ status: 'error', errorCode: 'auth/invalid_token' }),
    });
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toContain(
      'Lien de séance invalide ou expiré.',
    );
  });

  it('says so when the link opens another role', () => {
    renderWithSession(<ListenerPage />, { session: fakeSession({ view: trainerView() }) });
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toContain(
      "Ce lien n'ouvre pas ce rôle : utilisez le lien reçu pour votre rôle.",
    );
    expect(screen.queryByRole('button', { name: 'Reformuler' })).toBeNull();
  });

  it('shows « connexion » while connecting, and switches language', () => {
    renderWithSession(<ListenerPage />, { session: fakeSession({ status: 'connecting' }), lang: 'en' });
    expect(screen.getByRole('status').textContent).toBe('Connecting to the session…');
  });
});
