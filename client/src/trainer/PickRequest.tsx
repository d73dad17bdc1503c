import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { useStickyHeight } from '../ui/useStickyHeight.js';
import { CorrectionForm } from './CorrectionForm.js';
import { choicesOf, readingsOf, type ReadingsProps } from './InterpretationsPanel.js';

/**
 * Free speech with « Me demander de choisir »: a sentence not understood waits for the trainer's
 * pick (`speech.pending`) until the caller says « Pardon ? » — the listener waits in silence
 * meanwhile. The request comes first on the console (a phone's first screen, where it stays in
 * sight under the call status bar as the trainer scrolls: trainer.css), with its countdown and its
 * choices: the moves offered when the sentence was said.
 *
 * Said once (`speech.trainer.pickAlert`, an assertive region present before it comes: it times
 * out), not at each second of the countdown, which is shown only. Focus: on the choice at once if
 * it was nowhere (the page itself, its title); never taken from a person typing or choosing
 * elsewhere, nor from another control — the next Tab, wherever it is pressed, goes to the choice,
 * and once the request is gone, back where it was pressed.
 */
export function PickRequest({
  speech,
  entries,
  moves,
  labels,
  now,
  sessionNow,
  enabled,
  ended = false,
  onCorrect,
}: ReadingsProps & {
  /** Session time of the view. */
  now: number;
  /** The session time now, as the page estimates it: the countdown then counts down each second. */
  sessionNow?: () => number;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const box = useRef<HTMLElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  const pending = ended ? null : speech.pending;
  useStickyHeight(box, '--pick-request-height', pending !== null);

  // While a pick waits, the countdown is read again each second (the view's time stands still
  // between two updates).
  const [, setTick] = useState(0);
  const waiting = pending !== null && sessionNow !== undefined;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => setTick((tick) => tick + 1), 1000);
    return () => clearInterval(timer);
  }, [waiting]);
  const current = sessionNow ? Math.max(now, sessionNow()) : now;
  const seconds = pending ? Math.max(0, Math.ceil((pending.dueT - current) / 1000)) : 0;

  // The words said, fixed when the request comes (the seconds left then): said once.
  const [said, setSaid] = useState<{ n: number; text: string } | null>(null);
  if (pending && said?.n !== pending.n)
    setSaid({ n: pending.n, text: t('speech.trainer.pickAlert', { text: pending.text, seconds }) });

  const pendingN = pending?.n ?? null;
  // Where the Tab came from (a whisper half typed): focus goes back there once the pick is made
  // or has timed out, before the page's focus rescue (a layout effect of the page, run after it).
  const returnTo = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (pendingN !== null) return;
    const back = returnTo.current;
    returnTo.current = null;
    const active = document.activeElement;
    if (back?.isConnected && (!active || active === document.body)) back.focus();
  }, [pendingN]);
  useEffect(() => {
    if (pendingN === null) return;
    const active = document.activeElement;
    const title = box.current?.closest('.role-page')?.querySelector('h1');
    if (!active || active === document.body || active === title) {
      selectRef.current?.focus();
      return;
    }
    // Focus stays where the trainer is; the next Tab (forward) goes to the choice, once.
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key !== 'Tab' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
      const select = selectRef.current;
      document.removeEventListener('keydown', onKeyDown, true);
      if (!select || select.disabled || box.current?.contains(document.activeElement)) return;
      event.preventDefault();
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      select.focus();
    }
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [pendingN]);

  const reading = pending ? readingsOf(entries).find((r) => r.input.n === pending.n) : undefined;
  return (
    <>
      <p role="alert" className="visually-hidden pick-request__said">
        {pending && said?.n === pending.n ? said.text : null}
      </p>
      {pending ? (
        <section ref={box} className="pick-request" aria-labelledby={headingId}>
          <h2 id={headingId} className="pick-request__heading">
            {t('speech.trainer.pickHeading', { text: pending.text })}
          </h2>
          <p className="pick-request__countdown">{t('speech.trainer.pickCountdown', { seconds })}</p>
          <CorrectionForm
            key={pending.n}
            n={pending.n}
            moves={reading ? choicesOf(reading.input, moves, labels.moves) : moves}
            initial={pending.move}
            label={t('speech.trainer.pickLabel')}
            enabled={enabled}
            submitLabel={t('speech.trainer.pickSubmit')}
            selectRef={selectRef}
            onCorrect={onCorrect}
          />
        </section>
      ) : null}
    </>
  );
}
