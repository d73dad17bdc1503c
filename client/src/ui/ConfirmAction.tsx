import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A button whose action cannot be undone (delete a session, end a call, free a learner's place,
 * erase a learner, revoke links): pressed, it gives way in place to the question and two buttons,
 * the first (`yes`) taking the focus. Cancelling (its button or Escape) or answering gives the focus
 * back to the button, unless the answer moved it on (its row deleted: the caller focuses a heading).
 * One pattern for every such question, so a keyboard or screen-reader user meets it the same way.
 */
export function ConfirmAction({
  children,
  question,
  yes,
  no,
  onConfirm,
  onAsk,
  label,
  disabled = false,
  small = false,
  tone = 'button--danger',
}: {
  /** What the button reads (a visually hidden detail may follow). */
  children: ReactNode;
  question: string;
  yes: string;
  no: string;
  /** The action; the question stays (its buttons disabled) until it settles. */
  onConfirm: () => unknown;
  /** Called when the button is pressed: false leaves the question unasked (a field left empty). */
  onAsk?: () => boolean;
  /** The button's accessible name when its text alone is ambiguous (which learner, which session). */
  label?: string;
  /** Also withdraws a question already open (the call ended meanwhile). */
  disabled?: boolean;
  /** The small buttons of a table row. */
  small?: boolean;
  /** The button's look (and any class of its own): a danger button unless said otherwise. */
  tone?: string;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [giveBack, setGiveBack] = useState(0);
  const opener = useRef<HTMLButtonElement>(null);
  const yesButton = useRef<HTMLButtonElement>(null);
  const group = useRef<HTMLDivElement>(null);
  const mounted = useRef(true);
  const questionId = useId();
  const open = asking && !disabled;
  const size = small ? 'button button--small ' : '';

  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  useEffect(() => {
    if (open) yesButton.current?.focus();
  }, [open]);
  useEffect(() => {
    if (giveBack > 0) opener.current?.focus();
  }, [giveBack]);

  function close(focusBack = true): void {
    setAsking(false);
    if (focusBack) setGiveBack((n) => n + 1);
  }
  async function confirm(): Promise<void> {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      if (mounted.current) {
        setBusy(false);
        // The action may have moved the focus on (to a heading, its row about to go): it stays there.
        const focused = document.activeElement;
        close(!focused || focused === document.body || !!group.current?.contains(focused));
      }
    }
  }

  if (!open)
    return (
      <button
        ref={opener}
        type="button"
        className={`${size}${tone}`}
        aria-label={label}
        disabled={disabled}
        onClick={() => {
          if (!onAsk || onAsk()) setAsking(true);
        }}
      >
        {children}
      </button>
    );
  return (
    <div
      ref={group}
      className="confirm"
      role="group"
      aria-labelledby={questionId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) {
          event.stopPropagation();
          close();
        }
      }}
    >
      <p id={questionId}>{question}</p>
      <button
        ref={yesButton}
        type="button"
        className={`${size}button--danger`}
        disabled={busy}
        onClick={() => void confirm()}
      >
        {yes}
      </button>
      <button type="button" className={`${size}button--secondary`} disabled={busy} onClick={close}>
        {no}
      </button>
    </div>
  );
}
