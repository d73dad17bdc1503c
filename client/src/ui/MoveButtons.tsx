import { useEffect, useId, useRef, type FocusEvent } from 'react';
import type { MoveCategory, MoveOption } from '@ecoute/engine';
import { useI18n, type MessageKey } from '../i18n/index.js';

// The order the categories are shown in, and their names: a new category fails to compile here.
const CATEGORIES: Record<MoveCategory, MessageKey> = {
  listening: 'moves.category.listening',
  information: 'moves.category.information',
  action: 'moves.category.action',
};

/** The moves the current state offers, one fieldset per category, each help text as description. */
export function MoveButtons({
  moves,
  disabled,
  onMove,
}: {
  moves: MoveOption[];
  disabled: boolean;
  onMove: (moveId: string) => void;
}) {
  const { t } = useI18n();
  const idPrefix = useId();
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
  const categories = (Object.keys(CATEGORIES) as MoveCategory[])
    .map((category) => ({ category, moves: moves.filter((move) => move.category === category) }))
    .filter((group) => group.moves.length > 0);

  return (
    <section
      className="panel moves"
      aria-labelledby={`${idPrefix}-heading`}
      onFocus={() => (focusInside.current = true)}
      onBlur={onBlur}
    >
      <h2 id={`${idPrefix}-heading`} ref={headingRef} tabIndex={-1}>
        {t('moves.heading')}
      </h2>
      {categories.length === 0 ? <p className="muted">{t('moves.none')}</p> : null}
      {categories.map((group) => (
        <fieldset key={group.category} className={`moves__group moves__group--${group.category}`}>
          <legend>{t(CATEGORIES[group.category])}</legend>
          <ul className="moves__list">
            {group.moves.map((move) => {
              const helpId = `${idPrefix}-${move.id}-help`;
              return (
                <li key={move.id}>
                  <button
                    type="button"
                    className="move"
                    disabled={disabled}
                    aria-describedby={move.help ? helpId : undefined}
                    onClick={() => onMove(move.id)}
                  >
                    {move.label}
                  </button>
                  {move.help ? (
                    <span id={helpId} className="move__help">
                      {move.help}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
    </section>
  );
}
