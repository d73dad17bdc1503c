// `scenario play`: the call in a terminal, as the listener, on a simulated clock. The session is
// driven one command line at a time (`command(line)` returns what to print), so the bin only reads
// lines and prints; tests drive it the same way. French UI text.
import { ManualScheduler } from '../clock/manual-scheduler.js';
import { SessionClock } from '../clock/session-clock.js';
import { CallRun } from '../run/call-run.js';
import type { CompiledScenario } from '../scenario/compile.js';
import { collectStates } from '../scenario/references.js';
import { formatReason } from '../scenario/availability.js';
import type { Cue, Input, Observation, Outcome } from '../timeline.js';
import type { MoveOption } from '../views/types.js';

export const CUE_LABELS: Record<Cue, string> = {
  ring: 'sonnerie',
  sigh: 'soupir',
  crying: 'pleurs',
  silence: 'silence',
  noise: 'bruit de fond',
  crackle: 'grésillement',
  alarm: 'alarme',
  doorbell: 'sonnette',
  hold_music: "musique d'attente",
  hangup: 'raccroche',
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  best: 'très bien',
  good: 'bien',
  partial: 'partiel',
  failure: 'échec',
};

const CATEGORY_LABELS = { listening: 'Écoute', information: 'Information', action: 'Action' } as const;

export const PLAY_HELP = [
  'Commandes :',
  '  décrocher              décrocher quand le téléphone sonne',
  '  <numéro> ou <action>   faire une action proposée (ex. 1, ou se_presenter)',
  '  dire <texte>           dire quelque chose avec vos mots',
  '  attendre <secondes>    laisser passer le temps (les minuteries se déclenchent)',
  '  vars                   voir les variables cachées',
  '  etat                   voir les états actifs, le temps, la phase',
  '  inject                 lister les événements du formateur ; inject <id> pour en déclencher un',
  '  pause / reprendre      suspendre / reprendre la séance',
  '  raccrocher             raccrocher',
  '  aide                   cette aide',
  '  quitter                quitter',
];

export interface PlayOutput {
  lines: string[];
  /** The user asked to quit (the call may still be running). */
  quit: boolean;
}

export function formatTime(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

const normalise = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

export class TerminalPlay {
  readonly compiled: CompiledScenario;
  readonly scheduler = new ManualScheduler();
  readonly clock = new SessionClock(this.scheduler);
  readonly run: CallRun;
  private timed: { t: number; observation: Observation }[] = [];
  private offered: MoveOption[] = [];

  constructor(compiled: CompiledScenario, options: { seed?: number } = {}) {
    this.compiled = compiled;
    this.run = new CallRun(compiled, {
      clock: this.clock,
      seed: options.seed ?? 1,
      onTimer: (observations) => this.timed.push(...observations),
    });
  }

  /** The opening text. */
  start(): string[] {
    const { scenario } = this.compiled;
    return [
      `« ${scenario.title} » — ${scenario.summary}`,
      `Vous êtes l'écoutant·e. Temps simulé : il ne passe que sur « attendre ». Tapez « aide » pour les commandes.`,
      '',
      `[${formatTime(this.clock.now())}] ☎ Le téléphone sonne… (tapez « décrocher »)`,
    ];
  }

  command(raw: string): PlayOutput {
    const line = raw.trim();
    if (line === '') return { lines: [], quit: false };
    const [word = '', ...rest] = line.split(/\s+/);
    const verb = normalise(word);
    const arg = line.slice(word.length).trim();
    switch (verb) {
      case 'aide':
      case '?':
        return this.out(PLAY_HELP);
      case 'quitter':
      case 'q':
        return { lines: ['Au revoir.'], quit: true };
      case 'decrocher':
        return this.apply({ kind: 'pickup' });
      case 'dire':
        if (!arg) return this.out(['Que dites-vous ? Ex. : dire Bonjour, je vous écoute.']);
        return this.apply({ kind: 'say', text: arg });
      case 'attendre':
        return this.wait(rest[0]);
      case 'vars':
        return this.out(this.variables());
      case 'etat':
        return this.out(this.status());
      case 'inject':
      case 'injects':
        return arg ? this.apply({ kind: 'inject', inject: arg }) : this.out(this.injects());
      case 'pause':
        return this.apply({ kind: 'pause' }, ['Séance suspendue : le temps est arrêté.']);
      case 'reprendre':
        return this.apply({ kind: 'resume' }, ['Séance reprise.']);
      case 'raccrocher':
        return this.apply({ kind: 'hangup' });
      default: {
        const n = Number(word);
        if (Number.isInteger(n) && String(n) === word) {
          const move = this.offered[n - 1];
          if (!move)
            return this.out([
              `Pas d'action numéro ${n}. ${this.offered.length ? `Choisissez entre 1 et ${this.offered.length}.` : ''}`.trim(),
            ]);
          return this.apply({ kind: 'move', move: move.id });
        }
        if (word in this.compiled.scenario.moves) return this.apply({ kind: 'move', move: word });
        return this.out([`Commande inconnue : « ${word} ». Tapez « aide ».`]);
      }
    }
  }

  private out(lines: string[]): PlayOutput {
    return { lines, quit: false };
  }

  private apply(input: Input, success: string[] = []): PlayOutput {
    const before = this.flushTimed();
    const result = this.run.apply(input);
    const lines = [...before, ...this.flushTimed()];
    if (!result.ok) {
      lines.push(`✗ ${result.message}`);
      if (input.kind === 'move' || input.kind === 'inject') {
        const reason = this.run.availabilityOf(input.kind === 'move' ? input.move : input.inject).reason;
        if (reason && this.isKnown(input)) lines.push(`  (${formatReason(reason)})`);
      }
      return this.out(lines);
    }
    lines.push(...success);
    lines.push(...this.describe(this.clock.now(), result.observations));
    lines.push(...this.prompt());
    return this.out(lines);
  }

  private isKnown(input: Input): boolean {
    return (
      (input.kind === 'move' && input.move in this.compiled.scenario.moves) ||
      (input.kind === 'inject' && input.inject in this.compiled.scenario.injects)
    );
  }

  private wait(arg: string | undefined): PlayOutput {
    const seconds = Number(arg?.replace(',', '.'));
    if (!arg || !Number.isFinite(seconds) || seconds <= 0 || seconds > 6 * 3600)
      return this.out(['Combien de secondes ? Ex. : attendre 20']);
    if (this.run.ended) return this.out(["L'appel est terminé."]);
    const lines = this.flushTimed();
    this.scheduler.advanceBy(Math.round(seconds * 1000));
    this.clock.runDue();
    lines.push(...this.flushTimed());
    if (this.clock.paused) lines.push('(la séance est suspendue : le temps de séance ne passe pas)');
    lines.push(`[${formatTime(this.clock.now())}] …`);
    if (lines.length > 1 || this.run.ended) lines.push(...this.prompt());
    return this.out(lines);
  }

  private flushTimed(): string[] {
    const timed = this.timed;
    this.timed = [];
    const lines: string[] = [];
    let i = 0;
    while (i < timed.length) {
      const t = timed[i]!.t;
      const group: Observation[] = [];
      while (i < timed.length && timed[i]!.t === t) group.push(timed[i++]!.observation);
      lines.push(...this.describe(t, group));
    }
    return lines;
  }

  private describe(t: number, observations: Observation[]): string[] {
    const time = `[${formatTime(t)}]`;
    const caller = this.compiled.scenario.persona.name.split(' ')[0];
    const lines: string[] = [];
    for (const o of observations) {
      switch (o.kind) {
        case 'line':
          lines.push(
            `${time} ${caller} : ${o.direction ? `(${o.direction}) ` : ''}« ${o.text} »${o.cue ? ` (${CUE_LABELS[o.cue]})` : ''}`,
          );
          break;
        case 'cue':
          lines.push(`${time} (${CUE_LABELS[o.cue]})`);
          break;
        case 'suggestion':
          lines.push(`${time} (réplique suggérée) ${caller} : « ${o.text} »`);
          break;
        case 'note':
          lines.push(`${time} ✎ note pour le formateur : ${o.text}`);
          break;
        case 'ending':
          lines.push(
            `${time} Fin de l'appel${o.ending ? ` : ${o.ending}` : ''}${o.outcome ? ` (${OUTCOME_LABELS[o.outcome]})` : ''} — ${o.message}`,
          );
          break;
        case 'variable':
        case 'state':
          break;
      }
    }
    return lines;
  }

  /** The moves on offer, numbered (the numbers the next command may use). */
  private prompt(): string[] {
    if (this.run.ended) {
      this.offered = [];
      return ["L'appel est terminé. Tapez « quitter »."];
    }
    if (this.run.phase !== 'connected') return [];
    this.offered = this.run.availableMoves();
    if (this.offered.length === 0) return ['(aucune action proposée : dites quelque chose, ou attendez)'];
    const lines = ['Actions :'];
    for (const category of ['listening', 'information', 'action'] as const) {
      const moves = this.offered.map((m, i) => ({ m, n: i + 1 })).filter(({ m }) => m.category === category);
      if (moves.length > 0)
        lines.push(
          `  ${CATEGORY_LABELS[category]} : ${moves.map(({ m, n }) => `${n}. ${m.label}`).join('  ')}`,
        );
    }
    return lines;
  }

  private variables(): string[] {
    const values = this.run.variables;
    return [
      'Variables cachées :',
      ...Object.entries(this.compiled.scenario.variables).map(
        ([id, v]) => `  ${v.label} (${id}) : ${values[id]} [${v.min}–${v.max}]`,
      ),
      ...(Object.keys(this.run.flags).length
        ? [
            `Drapeaux : ${Object.entries(this.run.flags)
              .filter(([, on]) => on)
              .map(([name]) => name)
              .join(', ')}`,
          ]
        : []),
    ];
  }

  private status(): string[] {
    const states = collectStates(this.compiled.scenario.machine);
    const phase = { ringing: 'le téléphone sonne', connected: 'en ligne', ended: 'terminé' }[this.run.phase];
    return [
      `Temps de séance : ${formatTime(this.clock.now())}${this.clock.paused ? ' (séance suspendue)' : ''} — appel ${phase}`,
      ...(this.run.states.length
        ? this.run.states.map((s) => {
            const description = states.get(s)?.node.description;
            return `  état ${s}${description ? ` : ${description}` : ''}`;
          })
        : []),
    ];
  }

  private injects(): string[] {
    const options = this.run.injectOptions();
    if (options.length === 0) return ['Ce scénario n’a pas d’événement à déclencher.'];
    return [
      'Événements du formateur (inject <id>) :',
      ...options.map(
        (o) =>
          `  ${o.available ? '•' : '×'} ${o.id} — ${o.label}${o.available ? '' : ` (${o.reason ? formatReason(o.reason) : 'indisponible'})`}`,
      ),
    ];
  }
}
