// What a transcript's live region says aloud (WCAG 4.1.3): what matters, once. Lines, the
// listener's words and moves, injects and effects, the ending — not the pause (the paused banner
// says it), nor arrivals, notes, bookmarks; hidden variables, states and readings only when the
// trainer asks for them (`details`).
import type { TimelineEntry } from '@ecoute/engine';

export function announceEntry(entry: TimelineEntry, options: { details?: boolean } = {}): boolean {
  if (entry.kind === 'input') {
    switch (entry.input.kind) {
      case 'pause':
      case 'resume':
      case 'join':
      case 'note':
      case 'bookmark':
      case 'projector':
        return false;
      case 'interpret':
      case 'correct':
        return options.details === true;
      case 'pickup':
      case 'hangup':
      case 'say':
      case 'move':
      case 'inject':
      case 'end':
      case 'hold':
      case 'unhold':
      case 'whisper':
      case 'adlib':
      case 'effect':
        return true;
      case 'speak':
        // The caller actor's words are heard as the `line` they give: said once, there.
        return false;
    }
  }
  switch (entry.observation.kind) {
    case 'variable':
    case 'state':
    case 'note':
      return options.details === true;
    case 'suggestion':
      // The caller actor reads suggestions in their own panel: the line is heard once, when said.
      return false;
    case 'line':
    case 'cue':
    case 'ending':
      return true;
  }
}
