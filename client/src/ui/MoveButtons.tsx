import { useEffect, useId, useRef, type FocusEvent } from 'react';
import type { MoveCategory, MoveOption } from '@ecoute/engine';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { ScenarioText } from '../i18n/ScenarioText.js';
import { headingTag, type HeadingLevel } from './headingLevel.js';
import { Kbd } from './Kbd.js';
import { layoutMoves } from './moveShortcuts.js';
import type { Shortcut } from './shortcuts.js';
import './moveButtons.css';

// The order the categories are shown in, and their names: a new category fails to compile here.
const CATEGORIES: Record<MoveCategory, MessageKey> = {
  listening: 'moves.category.listening',
  information: 'moves.category.information',
  action: 'moves.category.action',
};
export const CATEGORY_ORDER = Object.keys(CATEGORIES) as MoveCategory[];

/**
 * The moves the current state offers, one fieldset per category, each help text as
 * description; the scenarios' standard actions (alert a colleague, transfers, call-back) in a
 * group of their own, `moves.always`. With `shortcuts`, each button shows its key.
 * `readOnly` lists them without buttons (observers see what the listener is offered).
 */
export function MoveButtons({
  moves,
  disabled,
  onMove,
  shortcuts,
  readOnly = false,
  headingId,
  headingLevel = 2,
}: {
  moves: MoveOption[];
  disabled: boolean;
  onMove: (moveId: string) => void;
  shortcuts?: ReadonlyMap<string, Shortcut>;
  readOnly?: boolean;
  headingId?: string;
  /** Its heading's level (2 on the consoles; lower when nested under a section's own heading). */
  headingLevel?: HeadingLevel;
}) {
  const { t } = useI18n();
  const idPrefix = useId();
  const ownHeadingId = headingId ?? `${idPrefix}-heading`;
  const Heading = headingTag(headingLevel);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusInside = useRef(false);

  // A new state offers other moves: if the focused button went away with the old ones, keep
  // keyboard focus here rather than let it fall back to the top of the page.
  useEffect(() => {
    const active = document.activeElement;
    if (focusInside.current && (active === null || active === document.body)) headingRef.current?.focus();
  }, [moves]);

  function onBlur(event: FocusEvent<HTMLElement>): void {
    const next = event.relatedTarget;
    if (next instanceof Node && !event.currentTarget.contains(next)) focusInside.current = false;
  }
  const { stateMoves, alwaysMoves } = layoutMoves(moves, CATEGORY_ORDER);
  const groups = [
    ...CATEGORY_ORDER.map((category) => ({
      key: category as string,
      legend: t(CATEGORIES[category]),
      moves: stateMoves.filter((move) => move.category === category),
    })),
    { key: 'always', legend: t('moves.always'), moves: alwaysMoves },
  ].filter((group) => group.moves.length > 0);

  function renderMove(move: MoveOption) {
    const helpId = `${idPrefix}-${move.id}-help`;
    const shortcut = shortcuts?.get(move.id);
    return (
      <li key={move.id}>
        {readOnly ? (
          <span className="move move--readonly" aria-describedby={move.help ? helpId : undefined}>
            <ScenarioText>{move.label}</ScenarioText>
          </span>
        ) : (
          <button
            type="button"
            className="move"
            disabled={disabled}
            aria-describedby={move.help ? helpId : undefined}
            aria-keyshortcuts={shortcut?.aria}
            onClick={() => onMove(move.id)}
          >
            <ScenarioText className="move__label">{move.label}</ScenarioText>
            {shortcut ? <Kbd shortcut={shortcut} /> : null}
          </button>
        )}
        {move.help ? (
          <span id={helpId} className="move__help">
            <ScenarioText>{move.help}</ScenarioText>
          </span>
        ) : null}
      </li>
    );
  }

  return (
    <section
      className="panel moves"
      aria-labelledby={ownHeadingId}
      onFocus={() => (focusInside.current = true)}
      onBlur={onBlur}
    >
      <Heading id={ownHeadingId} ref={headingRef} tabIndex={-1}>
        {t(readOnly ? 'moves.headingReadOnly' : 'moves.heading')}
      </Heading>
      {groups.length === 0 ? <p className="muted">{t('moves.none')}</p> : null}
      {groups.map((group) => (
        <fieldset key={group.key} className={`moves__group moves__group--${group.key}`}>
          <legend>{group.legend}</legend>
          <ul className="moves__list">{group.moves.map(renderMove)}</ul>
        </fieldset>
      ))}
    </section>
  );
}
