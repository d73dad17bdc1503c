// Which moves the console shows where, and under which key: the current state's moves by
// category with digits, the scenarios' standard "always at hand" actions with Alt + a letter.
import type { MoveOption } from '@ecoute/engine';
import { moveShortcut, standardShortcut, type KeyMap } from './shortcutKeys.js';
import { inKeySet, type ShortcutKeySet } from './shortcutMode.js';
import { altLetter, type Shortcut } from './shortcuts.js';

/** The scenarios' standard moves that every state offers (scenarios/README.md). */
export const ALWAYS_AVAILABLE_MOVES = [
  'alerter_collegue',
  'transferer_15',
  'transferer_17',
  'transferer_112',
  'transferer_3114',
  'transferer_service',
  'mettre_en_attente',
  'reprendre_appel',
  'programmer_rappel',
] as const;

const ALWAYS = new Set<string>(ALWAYS_AVAILABLE_MOVES);

/** Hold and resume are the phone's own button (it sends `hold` / `unhold`, which the machine sees as these moves). */
export const PHONE_HOLD_MOVES: ReadonlySet<string> = new Set(['mettre_en_attente', 'reprendre_appel']);

/* The standard actions' keys: Alt + a letter, French mnemonics (coLlègue, Samu, Police, Urgences,
   Numéro national, auTre service, proGrammer), `STANDARD_SLOTS` in shortcutKeys.ts. */

/** The phone's and the page's own keys (kept apart from the moves' letters above). */
export const PHONE_KEYS = {
  pickup: altLetter('C'),
  hangup: altLetter('R'),
  hold: altLetter('A'),
  voice: altLetter('V'),
  sounds: altLetter('M'),
  say: altLetter('J'),
  notes: altLetter('O'),
} as const;

export function isAlwaysAvailable(moveId: string): boolean {
  return ALWAYS.has(moveId);
}

export interface MoveLayout {
  /** The current state's own moves, in display order (by category). */
  stateMoves: MoveOption[];
  /** The standard actions offered now, in their standard order (hold excluded: the phone has it). */
  alwaysMoves: MoveOption[];
  shortcuts: ReadonlyMap<string, Shortcut>;
}

/**
 * Splits the offered moves and gives each its key. `categoryOrder` orders the state's moves;
 * `keys` is the person's key set for the digits (`ShortcutSettings`: alone, or with Alt), `map`
 * the keys they chose instead of the defaults (`ShortcutRemap`).
 */
export function layoutMoves(
  moves: readonly MoveOption[],
  categoryOrder: readonly string[],
  keys: ShortcutKeySet = 'plain',
  map: KeyMap = {},
): MoveLayout {
  const stateMoves = categoryOrder.flatMap((category) =>
    moves.filter((move) => move.category === category && !ALWAYS.has(move.id)),
  );
  const alwaysMoves = ALWAYS_AVAILABLE_MOVES.flatMap((id) =>
    PHONE_HOLD_MOVES.has(id) ? [] : moves.filter((move) => move.id === id),
  );
  const shortcuts = new Map<string, Shortcut>();
  stateMoves.forEach((move, index) => {
    const shortcut = moveShortcut(index, map);
    if (shortcut) shortcuts.set(move.id, inKeySet(shortcut, keys));
  });
  for (const move of alwaysMoves) {
    const shortcut = standardShortcut(move.id, map);
    if (shortcut) shortcuts.set(move.id, shortcut);
  }
  return { stateMoves, alwaysMoves, shortcuts };
}

/** A move key that does nothing now: a digit past the moves shown, or a standard move not offered. */
export interface IdleKey {
  shortcut: Shortcut;
  /** The standard move it would send (none for a digit past the moves shown). */
  moveId?: string;
}

/**
 * The move keys of `layout` that no move takes now: the digits past the state's moves, and the
 * standard moves of the call (`callMoves`) not offered at this step (hold excluded: the phone's
 * key). Bound disabled, they say why they do nothing instead of staying silent.
 */
export function idleKeys(
  layout: MoveLayout,
  callMoves: ReadonlySet<string>,
  keys: ShortcutKeySet = 'plain',
  map: KeyMap = {},
): IdleKey[] {
  const idle: IdleKey[] = [];
  for (let index = layout.stateMoves.length; index < 20; index++) {
    const shortcut = moveShortcut(index, map);
    if (shortcut) idle.push({ shortcut: inKeySet(shortcut, keys) });
  }
  for (const moveId of ALWAYS_AVAILABLE_MOVES) {
    if (PHONE_HOLD_MOVES.has(moveId) || !callMoves.has(moveId) || layout.shortcuts.has(moveId)) continue;
    const shortcut = standardShortcut(moveId, map);
    if (shortcut) idle.push({ shortcut, moveId });
  }
  return idle;
}
