import { describe, it, expect } from '@jest/globals';
import { compileScenario } from '../scenario/compile.js';
import { testScenario } from '../testing/fixtures.js';
import { TerminalPlay } from './play.js';

/** Feeds the commands one by one, as the bin does with piped stdin, and returns all the output. */
function session(commands: string[]) {
  const play = new TerminalPlay(compileScenario(testScenario()));
  const out = [...play.start()];
  for (const command of commands) {
    const { lines, quit } = play.command(command);
    out.push(...lines);
    if (quit) break;
  }
  return { play, text: out.join('\n') };
}

describe('TerminalPlay', () => {
  it('rings, picks up, shows caller lines and numbered moves, and plays moves by number or id', () => {
    const { text, play } = session(['décrocher', '1', 'informer']);
    expect(text).toContain('☎ Le téléphone sonne');
    expect(text).toContain('[00:00] Paul : « Bonjour ? »');
    expect(text).toMatch(/Actions :\n {2}Écoute : 1\. Écouter/);
    expect(text).toContain('[00:00] Paul : « Merci. »');
    expect(text).toContain('✎ note pour le formateur : Information donnée.');
    expect(play.run.states).toEqual(['milieu.humeur.calme', 'milieu.tache.fait']);
  });

  it('skips time: timers fire with their own time; pause stops session time', () => {
    const { text, play } = session([
      'decrocher',
      'attendre 1,5',
      'pause',
      'attendre 60',
      'reprendre',
      'etat',
    ]);
    expect(text).toContain('[00:01] Paul : « Vous êtes là ? » (silence)');
    expect(text).toContain('(la séance est suspendue : le temps de séance ne passe pas)');
    expect(text).toContain('Temps de séance : 00:01 — appel en ligne');
    expect(text).toContain('  état debut');
    expect(play.clock.now()).toBe(1500);
  });

  it('shows hidden variables, injects with their reasons, refusals with their reasons', () => {
    const { text } = session(['décrocher', 'vars', 'inject', 'inject bruit', 'informer', 'danse']);
    expect(text).toContain('  Détresse (detresse) : 5 [0–10]');
    expect(text).toContain('  × bruit — Bruit (Pas prévu à cette étape (Debut))');
    expect(text).toContain("✗ L'événement « bruit » n'a pas d'effet à ce moment de l'appel.");
    expect(text).toContain("✗ L'action « informer » n'est pas disponible à ce moment de l'appel.");
    expect(text).toContain('  (Pas prévu à cette étape (Debut))');
    expect(text).toContain('Commande inconnue : « danse »');
  });

  it('says free text, hangs up with the ending, then offers nothing; quits', () => {
    const { text, play } = session([
      'décrocher',
      'dire Bonjour, je vous écoute.',
      'raccrocher',
      '1',
      'quitter',
      'aide',
    ]);
    expect(text).toContain('[00:00] Paul : « Vous raccrochez ? »');
    expect(text).toContain(
      "Fin de l'appel : raccroche_machine (partiel) — Il a entendu que vous raccrochiez.",
    );
    expect(text).toContain("L'appel est terminé. Tapez « quitter ».");
    expect(text).toContain("Pas d'action numéro 1.");
    expect(text).toContain('Au revoir.');
    expect(text).not.toContain('Commandes :');
    expect(play.run.ended).toBe(true);
  });
});
