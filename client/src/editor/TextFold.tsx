// The call's text (YAML) in the studio, folded under the forms: trainers write a call with the
// forms; who prefers the text unfolds it once and finds it unfolded again in this browser
// (`STORED_SWITCHES.studioText`). A problem that points at a line of the text unfolds it for this
// visit only (`reveal`): the kept choice is the trainer's own click on the summary. A read-only
// call (no forms to write with) shows its text unfolded, as a plain section.
import { useCallback, useState, type ReactNode } from 'react';
import { STORED_SWITCHES, useStoredSwitch } from '../ui/useStoredSwitch.js';

export interface TextFoldState {
  open: boolean;
  /** The summary's click: opens or closes it, and keeps that choice. */
  toggle(): void;
  /** Opens it for this visit (a problem's « Aller à la ligne »), the kept choice unchanged. */
  reveal(): void;
}

export function useTextFold(): TextFoldState {
  const [kept, setKept] = useStoredSwitch(STORED_SWITCHES.studioText, false);
  const [revealed, setRevealed] = useState(false);
  const open = kept || revealed;
  const toggle = useCallback(() => {
    setKept(!open);
    setRevealed(false);
  }, [open, setKept]);
  const reveal = useCallback(() => setRevealed(true), []);
  return { open, toggle, reveal };
}

export function TextFold({
  fold,
  headingId,
  heading,
  intro,
  children,
}: {
  /** null: not folded (a read-only call). */
  fold: TextFoldState | null;
  headingId: string;
  heading: string;
  /** Said under the summary, unfolded: the forms and the text are one draft. */
  intro?: string;
  children: ReactNode;
}) {
  return (
    <section className="studio__text" aria-labelledby={headingId}>
      {fold ? (
        <details
          className="disclosure"
          open={fold.open}
          // Opened by the browser itself (its find in page): the page follows.
          onToggle={(event) => {
            if (event.currentTarget.open && !fold.open) fold.reveal();
          }}
        >
          <summary
            onClick={(event) => {
              // The page holds whether it is open (the kept choice), not the browser.
              event.preventDefault();
              fold.toggle();
            }}
          >
            <h2 id={headingId}>{heading}</h2>
          </summary>
          {intro ? <p className="muted">{intro}</p> : null}
          {children}
        </details>
      ) : (
        <>
          <h2 id={headingId}>{heading}</h2>
          {children}
        </>
      )}
    </section>
  );
}
