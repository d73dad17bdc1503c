// « Lancer une séance » in the studio offers the home page's choices: the focus on the first one,
// the hint mode and the learner playing the caller sent with the session, Escape to close.
import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import { translate } from '../i18n/catalogue.js';
import type { SessionChoices } from '../home/SessionOptions.js';
import { sessionRequest } from '../home/SessionOptions.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { LaunchSessionForm } from './LaunchSessionForm.js';

const fr = (key: Parameters<typeof translate>[1]) => translate('fr', key);

describe('LaunchSessionForm', () => {
  it('opens on « Un·e apprenant·e joue l’appelant·e » and sends the choices made', async () => {
    const sent: SessionChoices[] = [];
    let closed = 0;
    renderWithSession(
      <LaunchSessionForm
        version={2}
        onLaunch={async (choices) => {
          sent.push(choices);
          return null;
        }}
        onClose={() => closed++}
      />,
    );
    expect(
      screen.getByRole('form', { name: translate('fr', 'editor.launch.heading', { version: 2 }) }),
    ).toBeTruthy();
    const callerActor = screen.getByRole('switch', { name: fr('home.callerActor') });
    expect(document.activeElement).toBe(callerActor);
    expect(
      (screen.getByRole('radio', { name: new RegExp(fr('speech.mode.guided')) }) as HTMLInputElement).checked,
    ).toBe(true);
    fireEvent.click(callerActor);
    fireEvent.click(screen.getByRole('radio', { name: new RegExp(fr('speech.mode.free_speech')) }));
    fireEvent.click(screen.getByRole('switch', { name: fr('speech.home.askTrainer') }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: fr('home.create') })));
    expect(sent).toEqual([{ callerActor: true, hintMode: 'free_speech', askTrainer: true }]);
    expect(sessionRequest('appel', sent[0]!)).toEqual({
      scenarioId: 'appel',
      callerActor: true,
      hintMode: 'free_speech',
      askTrainer: true,
    });
    expect(closed).toBe(0);
  });

  it('says a refusal by its buttons, and closes on Escape or « Annuler »', async () => {
    let closed = 0;
    renderWithSession(
      <LaunchSessionForm version={1} onLaunch={async () => 'scenario/not_found'} onClose={() => closed++} />,
    );
    await act(async () => fireEvent.click(screen.getByRole('button', { name: fr('home.create') })));
    expect(screen.getByRole('alert').textContent).toBe(fr('error.scenario/not_found'));
    fireEvent.keyDown(screen.getByRole('switch', { name: fr('home.callerActor') }), { key: 'Escape' });
    expect(closed).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: fr('editor.launch.cancel') }));
    expect(closed).toBe(2);
    expect(sessionRequest('appel', { callerActor: false, hintMode: 'guided', askTrainer: false })).toEqual({
      scenarioId: 'appel',
    });
  });
});
