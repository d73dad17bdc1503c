import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, within } from '@testing-library/react';
import { translate, type MessageParams } from '../../i18n/catalogue.js';
import type { MessageKey } from '../../i18n/fr.js';
import { renderWithSession } from '../../test/renderWithSession.js';
import { formatDuration } from '../../ui/formatDuration.js';
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

/** What an author reads, from the French catalogue (the call's own lines are the draft's, above). */
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;
const ADVANCE = fr('studio.play.advance');
/** The call's status line: the call time once picked up, then where the call stands. */
const statusLine = () => {
  const line = screen
    .getAllByRole('status')
    .find((element) => element.classList.contains('test-play__status'));
  if (!line) throw new Error('no status line');
  return line;
};
const status = () => statusLine().textContent ?? '';

describe('TestPlayPanel', () => {
  it('takes the focus to the answers once picked up, as the listener’s console; keeps it in the call when hanging up disables its button, and when the ending disables the clock’s button', () => {
    renderWithSession(<TestPlayPanel text={TINY} onClose={() => {}} />);
    const line = statusLine();
    const pickup = button(fr('studio.play.pickup'));
    pickup.focus();
    fireEvent.click(pickup);
    expect(pickup.disabled).toBe(true);
    // The listener's turn: the answers' heading (`moves.heading`), as the console does — not the
    // status line, nor the next button (`studio.play.hangup`).
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 3, name: fr('moves.heading') }));
    const hangup = button(fr('studio.play.hangup'));
    hangup.focus();
    fireEvent.click(hangup);
    expect(document.activeElement).toBe(line);
    expect(status()).toContain('La personne a raccroché.');

    // The silence that ends the call disables `studio.play.advance`: the focus goes to the status line,
    // which says how the call ended (`studio.play.ended`, as a move that ends it), not to the page.
    fireEvent.click(button(fr('studio.play.restart')));
    fireEvent.click(button(fr('studio.play.pickup')));
    const advance = button(ADVANCE);
    advance.focus();
    fireEvent.click(advance);
    fireEvent.click(advance);
    expect(advance.disabled).toBe(true);
    expect(document.activeElement).toBe(line);
    expect(status()).toContain('La personne est partie.');
  });

  it('nests its parts one level under « Test de l’appel »: the call’s parts and the trainer’s side in h3, the side’s own in h4', () => {
    renderWithSession(<TestPlayPanel text={TINY} onClose={() => {}} />);
    const outline = Array.from(
      document.querySelector('.test-play')!.querySelectorAll('h1, h2, h3, h4, h5, h6'),
    ).map((heading) => `${heading.tagName.toLowerCase()}: ${heading.textContent}`);
    expect(outline).toEqual([
      `h2: ${fr('studio.play.heading')}`,
      `h3: ${fr('transcript.heading')}`,
      `h3: ${fr('moves.heading')}`,
      `h3: ${fr('studio.play.trainer')}`,
      `h4: ${fr('trainer.variables.heading')}`,
      `h4: ${fr('studio.play.injects')}`,
    ]);
  });

  it('plays the draft to an ending with the moves, an inject and the simulated clock', () => {
    const progress: (TestPlayProgress | null)[] = [];
    renderWithSession(<TestPlayPanel text={TINY} onProgress={(p) => progress.push(p)} onClose={() => {}} />);
    // As the consoles' status bar: no call time while the phone rings.
    expect(status()).toBe(fr('studio.play.ringing'));
    expect(button(fr('studio.play.hangup')).disabled).toBe(true);
    // Nothing runs before the pickup: the clock's button waits for it too.
    expect(button(ADVANCE).disabled).toBe(true);

    fireEvent.click(button(fr('studio.play.pickup')));
    // The consoles' clock (`formatDuration`, « 0:00 »), not the terminal player's « 00:00 ».
    expect(status()).toContain(fr('studio.play.time', { time: formatDuration(0) }));
    expect(formatDuration(0)).toBe('0:00');
    expect(screen.getAllByText('Allô ? Bonjour.').length).toBeGreaterThan(0);
    // As written (Testing Library's matchers fold its no-break space).
    expect(document.body.textContent).toContain(fr('studio.play.states', { states: 'Accueil' }));
    expect(progress.at(-1)?.states).toEqual(['accueil']);

    // The trainer's inject: its line, and the hidden variable moves in the sidebar.
    fireEvent.click(button('On sonne à la porte'));
    expect(screen.getAllByText('Attendez, on sonne.').length).toBeGreaterThan(0);
    expect(screen.getAllByText(/3 sur 10/).length).toBeGreaterThan(0);

    // The clock moves only when told: 10 s, then 10 more and the 20 s silence ends the call.
    fireEvent.click(button(ADVANCE));
    expect(status()).toContain(fr('studio.play.time', { time: '0:10' }));
    expect(status()).not.toContain(fr('studio.play.ended', { message: '' }).trim());
    fireEvent.click(button(ADVANCE));
    expect(status()).toContain(fr('studio.play.time', { time: '0:20' }));
    expect(status()).toContain('La personne est partie.');
    expect(button(ADVANCE).disabled).toBe(true);
    expect(progress.at(-1)?.states).toEqual(['seule']);
    expect(progress.at(-1)?.transitions).toContain('accueil|after 20000|0');
  });

  it('shows the call time from the pickup on, as the consoles do, and none while the phone rings', () => {
    renderWithSession(<TestPlayPanel text={TINY} onClose={() => {}} />);
    // While the phone rings, no call time (the consoles' status bar shows none).
    expect(status()).toBe(fr('studio.play.ringing'));
    fireEvent.click(button(fr('studio.play.pickup')));
    expect(status()).toBe(`${fr('studio.play.time', { time: '0:00' })} — ${fr('studio.play.connected')}`);
    fireEvent.click(button(ADVANCE));
    expect(status()).toContain(fr('studio.play.time', { time: '0:10' }));
    // The same clock as the transcript's: the greeting at the pickup, 0:00.
    const greeting = screen.getAllByText('Allô ? Bonjour.')[0]!.closest('li');
    expect(greeting?.textContent).toContain('0:00');
    // The 20 s silence counts from the pickup too: it ends the call at 0:20 of call time.
    fireEvent.click(button(ADVANCE));
    expect(status()).toContain(fr('studio.play.time', { time: '0:20' }));
    expect(status()).toContain('La personne est partie.');
  });

  it('reaches the good ending by a move, and starts again from the text', () => {
    renderWithSession(<TestPlayPanel text={TINY} onClose={() => {}} />);
    fireEvent.click(button(fr('studio.play.pickup')));
    const moves = screen.getByRole('heading', { name: fr('moves.heading') }).closest('section');
    expect(moves).toBeTruthy();
    const introduce = within(moves as HTMLElement).getByRole('button', { name: /Se présenter/ });
    introduce.focus();
    fireEvent.click(introduce);
    expect(status()).toContain('La personne a été aidée.');
    // The move that ended the call is gone with the others: the focus is on how the call ended,
    // not on the moves' heading over `moves.none`.
    expect(document.activeElement).toBe(statusLine());
    expect(screen.getAllByText('Merci, au revoir.').length).toBeGreaterThan(0);

    fireEvent.click(button(fr('studio.play.restart')));
    expect(status()).toContain(fr('studio.play.ringing'));
    expect(screen.queryAllByText('Merci, au revoir.')).toHaveLength(0);
  });

  it('says why a draft with errors cannot be played', () => {
    renderWithSession(<TestPlayPanel text={'id: [oops'} onClose={() => {}} />);
    expect(screen.getByRole('alert').textContent).toContain(fr('studio.play.invalid'));
  });
});
