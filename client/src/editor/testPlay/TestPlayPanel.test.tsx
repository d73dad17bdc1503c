import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderWithSession } from '../../test/renderWithSession.js';
import TestPlayPanel, { type TestPlayProgress } from './TestPlayPanel.js';

// A tiny call: a greeting, an inject the trainer may send, a 20 s silence that ends the call
// unless the listener introduces themself first.
const TINY = `
id: essai
version: 1
title: Essai
summary: Un appel d'essai.
difficulty: easy
durationMinutes: 5
persona: { name: Camille, age: 40, place: Lyon, voice: { lang: fr-FR, rate: 1, pitch: 1 }, background: Seule. }
variables:
  confiance: { label: Confiance, min: 0, max: 10, initial: 5 }
lines:
  bonjour: { text: "Allô ? Bonjour." }
  sonnette: { text: "Attendez, on sonne." }
  merci: { text: "Merci, au revoir." }
  silence: { text: "Vous êtes là ? Tant pis." }
moves:
  se_presenter: { label: Se présenter, category: listening, help: Dire son prénom. }
injects:
  sonnette: { label: On sonne à la porte, help: Une voisine. }
endings:
  aidee: { outcome: best, message: La personne a été aidée. }
  partie: { outcome: failure, message: La personne est partie. }
  raccroche: { outcome: failure, message: La personne a raccroché. }
hangupEnding: raccroche
machine:
  id: appel
  initial: accueil
  states:
    accueil:
      label: Accueil
      entry: { type: say, params: { line: bonjour } }
      after:
        20000: seule
      on:
        se_presenter: ecoute
        sonnette:
          actions:
            - { type: say, params: { line: sonnette } }
            - { type: adjust, params: { variable: confiance, by: -2 } }
    ecoute:
      label: Écoute
      type: final
      entry:
        - { type: say, params: { line: merci } }
        - { type: end, params: { ending: aidee } }
    seule:
      label: Seule
      type: final
      entry:
        - { type: say, params: { line: silence } }
        - { type: end, params: { ending: partie } }
`;

const button = (name: string | RegExp) => screen.getByRole('button', { name }) as HTMLButtonElement;
/** The catalogue puts a non-breaking space between a number and its unit. */
const ADVANCE = /^Avancer de 10\s+s$/;
const status = () => screen.getByText(/Temps de l'appel/).textContent ?? '';

describe('TestPlayPanel', () => {
  it('keeps the focus in the call when « Décrocher » or « Raccrocher » disables itself, and when the ending disables « Avancer »', () => {
    renderWithSession(<TestPlayPanel text={TINY} onClose={() => {}} />);
    const line = screen.getByText(/Temps de l'appel/);
    const pickup = button('Décrocher');
    pickup.focus();
    fireEvent.click(pickup);
    expect(pickup.disabled).toBe(true);
    // The call's status line (« En ligne »), not the next button (« Raccrocher »).
    expect(document.activeElement).toBe(line);
    const hangup = button('Raccrocher');
    hangup.focus();
    fireEvent.click(hangup);
    expect(document.activeElement).toBe(line);
    expect(status()).toContain('La personne a raccroché.');

    // The silence that ends the call disables « Avancer »: the focus goes on to what follows it
    // in the panel (the transcript, where the ending is read), not to the page.
    fireEvent.click(button('Recommencer avec le texte actuel'));
    fireEvent.click(button('Décrocher'));
    const advance = button(ADVANCE);
    advance.focus();
    fireEvent.click(advance);
    fireEvent.click(advance);
    expect(advance.disabled).toBe(true);
    expect(document.activeElement).toBe(
      screen.getByText('Vous êtes là ? Tant pis.').closest('.transcript__scroll'),
    );
  });

  it('plays the draft to an ending with the moves, an inject and the simulated clock', () => {
    const progress: (TestPlayProgress | null)[] = [];
    renderWithSession(<TestPlayPanel text={TINY} onProgress={(p) => progress.push(p)} onClose={() => {}} />);
    expect(status()).toContain('00:00');
    expect(status()).toContain('Le téléphone sonne.');
    expect(button('Raccrocher').disabled).toBe(true);

    fireEvent.click(button('Décrocher'));
    expect(screen.getAllByText('Allô ? Bonjour.').length).toBeGreaterThan(0);
    expect(screen.getByText(/États actifs/).textContent).toContain('Accueil');
    expect(progress.at(-1)?.states).toEqual(['accueil']);

    // The trainer's inject: its line, and the hidden variable moves in the sidebar.
    fireEvent.click(button('On sonne à la porte'));
    expect(screen.getAllByText('Attendez, on sonne.').length).toBeGreaterThan(0);
    expect(screen.getAllByText(/3 sur 10/).length).toBeGreaterThan(0);

    // The clock moves only when told: 10 s, then 10 more and the 20 s silence ends the call.
    fireEvent.click(button(ADVANCE));
    expect(status()).toContain('00:10');
    expect(status()).not.toContain('Appel terminé');
    fireEvent.click(button(ADVANCE));
    expect(status()).toContain('00:20');
    expect(status()).toContain('La personne est partie.');
    expect(button(ADVANCE).disabled).toBe(true);
    expect(progress.at(-1)?.states).toEqual(['seule']);
    expect(progress.at(-1)?.transitions).toContain('accueil|after 20000|0');
  });

  it('reaches the good ending by a move, and starts again from the text', () => {
    renderWithSession(<TestPlayPanel text={TINY} onClose={() => {}} />);
    fireEvent.click(button('Décrocher'));
    const moves = screen
      .getByRole('heading', { name: /Toujours disponibles|Écoute|actions/i })
      .closest('section');
    expect(moves).toBeTruthy();
    fireEvent.click(within(moves as HTMLElement).getByRole('button', { name: /Se présenter/ }));
    expect(status()).toContain('La personne a été aidée.');
    expect(screen.getAllByText('Merci, au revoir.').length).toBeGreaterThan(0);

    fireEvent.click(button('Recommencer avec le texte actuel'));
    expect(status()).toContain('Le téléphone sonne.');
    expect(screen.queryAllByText('Merci, au revoir.')).toHaveLength(0);
  });

  it('says why a draft with errors cannot be played', () => {
    renderWithSession(<TestPlayPanel text={'id: [oops'} onClose={() => {}} />);
    expect(screen.getByRole('alert').textContent).toContain('corrigez');
  });
});
