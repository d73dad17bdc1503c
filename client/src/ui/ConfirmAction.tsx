import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A button whose action cannot be undone (delete a session, end a call, free a learner's place,
 * erase a learner, revoke links or a badge, publish a call's version): pressed, it gives way in
 * place to the question and two buttons, the first (`yes`) taking the focus — or, when the action
 * needs a reason, a field for it first (`yes` waits for it). Cancelling (its button or Escape) or answering gives the focus
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
  yesTone = 'button--danger',
  reason,
  details,
}: {
  /** What the button reads (a visually hidden detail may follow). */
  children: ReactNode;
  question: string;
  yes: string;
  no: string;
  /** The action (with the reason given, trimmed); the question stays, disabled, until it settles. */
  onConfirm: (reason: string) => unknown;
  /** Called when the button is pressed: false leaves the question unasked (a field left empty); a
   * promise asks once it settles (the question says what the server found first). */
  onAsk?: () => boolean | Promise<boolean>;
  /** The button's accessible name when its text alone is ambiguous (which learner, which session). */
  label?: string;
  /** Also withdraws a question already open (the call ended meanwhile). */
  disabled?: boolean;
  /** The small buttons of a table row. */
  small?: boolean;
  /** The button's look (and any class of its own): a danger button unless said otherwise. */
  tone?: string;
  /** The look of `yes`: a danger button unless said otherwise (publishing deletes nothing). */
  yesTone?: string;
  /** A reason the action requires (a badge's revocation says why): its label and longest length. */
  reason?: { label: string; maxLength: number };
  /** What the author should know before answering (a call's parts left as the template wrote them), under the question. */
  details?: ReactNode;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [giveBack, setGiveBack] = useState(0);
  const opener = useRef<HTMLButtonElement>(null);
  const yesButton = useRef<HTMLButtonElement>(null);
  const reasonField = useRef<HTMLInputElement>(null);
  const group = useRef<HTMLDivElement>(null);
  const [reasonText, setReasonText] = useState('');
  const mounted = useRef(true);
  const questionId = useId();
  const reasonId = useId();
  const detailsId = useId();
  const missingReason = reason !== undefined && reasonText.trim() === '';
  const open = asking && !disabled;
  const size = small ? 'button button--small ' : '';

  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  useEffect(() => {
    if (open) (reasonField.current ?? yesButton.current)?.focus();
  }, [open]);
  useEffect(() => {
    if (giveBack > 0) opener.current?.focus();
  }, [giveBack]);

  function close(focusBack = true): void {
    setAsking(false);
    setReasonText('');
    if (focusBack) setGiveBack((n) => n + 1);
  }
  async function confirm(): Promise<void> {
    setBusy(true);
    try {
      await onConfirm(reasonText.trim());
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
          const ask = onAsk ? onAsk() : true;
          if (ask === true) setAsking(true);
          else if (ask !== false)
            void ask.then((yes) => {
              if (yes && mounted.current) setAsking(true);
            });
        }}
      >
        {children}
      </button>
    );
  return (
    <div
      ref={group}
      // Before an action that deletes nothing, framed in the accent colour, not the danger one.
      className={yesTone.includes('button--danger') ? 'confirm' : 'confirm confirm--plain'}
      role="group"
      aria-labelledby={questionId}
      aria-describedby={details ? detailsId : undefined}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) {
          event.stopPropagation();
          close();
        }
      }}
    >
      <p id={questionId}>{question}</p>
      {details ? (
        <div id={detailsId} className="confirm__details">
          {details}
        </div>
      ) : null}
      {/* A form (laid out as the box's own children), so that Enter in the reason answers as `yes`. */}
      <form
        className="confirm__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy && !missingReason) void confirm();
        }}
      >
        {reason !== undefined ? (
          <div className="form-field confirm__reason">
            <label htmlFor={reasonId}>{reason.label}</label>
            <input
              ref={reasonField}
              id={reasonId}
              type="text"
              required
              maxLength={reason.maxLength}
              value={reasonText}
              disabled={busy}
              onChange={(event) => setReasonText(event.target.value)}
            />
          </div>
        ) : null}
        <button
          ref={yesButton}
          type="submit"
          className={`${size}${yesTone}`}
          disabled={busy || missingReason}
        >
          {yes}
        </button>
        <button type="button" className={`${size}button--secondary`} disabled={busy} onClick={() => close()}>
          {no}
        </button>
      </form>
    </div>
  );
}
