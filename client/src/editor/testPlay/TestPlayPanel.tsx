// `studio.play.open`: the draft played in the page as the listener, with the trainer's sidebar
// (variables, active states, the scenario's injects) on a simulated clock that moves only on
// `studio.play.advance`. A lazy part of the editor's chunk; no server call, no session recorded.
// The active states go up to the editor, whose graph beside the text highlights them.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { EngineMessage, Input, TimelineEntry } from '@ecoute/engine';
import { engineText, engineWords, useI18n } from '../../i18n/index.js';
import { InjectButtons } from '../../trainer/InjectButtons.js';
import { VariableGauges } from '../../trainer/VariableGauges.js';
import { formatDuration } from '../../ui/formatDuration.js';
import { callElapsed } from '../../ui/useCallElapsed.js';
import { MoveButtons } from '../../ui/MoveButtons.js';
import { Transcript } from '../../ui/Transcript.js';
import { focusQuietly, useFocusRescue } from '../../ui/useFocusRescue.js';
import { startTestPlay, type TestPlaySnapshot, type TestPlayStart } from './testPlaySession.js';

export interface TestPlayProgress {
  states: string[];
  entries: TimelineEntry[];
  transitions: string[];
}

export default function TestPlayPanel({
  text,
  onProgress,
  onClose,
}: {
  /** The draft's text: read when the test starts, and again on restart. */
  text: string;
  onProgress?: (progress: TestPlayProgress | null) => void;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const headingId = useId();
  const sideId = useId();
  const movesHeadingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const panel = useRef<HTMLElement>(null);
  const statusLine = useRef<HTMLParagraphElement>(null);
  const [start, setStart] = useState<TestPlayStart>(() => startTestPlay(text));
  const [snapshot, setSnapshot] = useState<TestPlaySnapshot | null>(() =>
    start.ok ? start.session.snapshot() : null,
  );
  // A refusal as the run gave it (a code and its parameters): worded in the page's language, again
  // if the language changes.
  const [refused, setRefused] = useState<EngineMessage | null>(null);
  // As on the listener's console: a control that disables itself or goes (a move or an inject
  // used up, the call ended) passes the focus on in its panel instead of dropping it to the page.
  // A move that ended the call took every move away: the focus goes to the status line, which says
  // how the call ended (`studio.play.ended`), as the console's goes to its outcome — not to the
  // moves' heading over `moves.none`, the ending out of sight.
  useFocusRescue(panel, () => (snapshot?.view.ending ? statusLine.current : null));
  const progress = useRef(onProgress);
  progress.current = onProgress;

  const publish = useCallback((next: TestPlayStart) => {
    const shot = next.ok ? next.session.snapshot() : null;
    setSnapshot(shot);
    progress.current?.(
      next.ok && shot
        ? { states: shot.view.states, entries: shot.entries, transitions: [...next.session.transitions] }
        : null,
    );
  }, []);

  useEffect(() => {
    heading.current?.focus();
  }, []);
  useEffect(() => {
    publish(start);
    return () => {
      if (start.ok) start.session.dispose();
    };
  }, [start, publish]);
  useEffect(() => () => progress.current?.(null), []);

  const apply = (input: Input): boolean => {
    if (!start.ok) return false;
    const result = start.session.apply(input);
    setRefused(result.ok ? null : result.text);
    publish(start);
    return result.ok;
  };
  // The listener's console's rule (its pick-up, 547c471): once picked up, it is the listener's
  // turn, and the focus goes to the answers' heading (`moves.heading`) once they are drawn — not
  // to the next button (`studio.play.hangup`: an Enter held a moment too long would hang up).
  // Hanging up, or a pick-up that the call refused or that ended it, keeps the focus in the call,
  // on its status line, which says so.
  const answersAfterPickup = useRef(false);
  const phone = (input: Input) => {
    const ok = apply(input);
    if (input.kind === 'pickup' && ok) answersAfterPickup.current = true;
    else if (statusLine.current) focusQuietly(statusLine.current);
  };
  const phase = snapshot?.view.phase;
  useEffect(() => {
    if (!answersAfterPickup.current || phase === 'ringing') return;
    answersAfterPickup.current = false;
    const answers = phase === 'connected' ? document.getElementById(movesHeadingId) : null;
    const target = answers ?? statusLine.current;
    if (target) focusQuietly(target);
  }, [phase, movesHeadingId]);
  const advance = () => {
    if (!start.ok) return;
    start.session.advance();
    setRefused(null);
    publish(start);
  };
  const restart = () => {
    setRefused(null);
    setStart(startTestPlay(text));
  };

  const view = snapshot?.view;
  const elapsed = view && snapshot ? callElapsed(snapshot.entries, view, view.t) : null;
  return (
    <section ref={panel} className="test-play" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t('studio.play.heading')}
      </h2>
      <p className="muted">{t('studio.play.notice')}</p>
      <div className="studio__actions">
        <button type="button" onClick={restart}>
          {t('studio.play.restart')}
        </button>
        <button type="button" onClick={onClose}>
          {t('studio.play.close')}
        </button>
      </div>
      {!start.ok || !view || !snapshot ? (
        <div role="alert">
          <p>{t('studio.play.invalid')}</p>
          <ul>
            {(start.ok ? [] : start.issues).map((issue, i) => (
              <li key={i}>{engineWords(lang, issue.text, issue.message)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="test-play__panes">
          <div className="test-play__call">
            <p ref={statusLine} className="test-play__status" role="status">
              {/* The consoles' clock (`callElapsed`, read by `formatDuration`): call time from the
                  pickup, none while the phone rings (`studio.play.ringing` alone). */}
              {elapsed === null ? null : (
                <>
                  {t('studio.play.time', { time: formatDuration(elapsed) })}
                  {' — '}
                </>
              )}
              {view.ending
                ? t('studio.play.ended', { message: view.ending.message })
                : view.phase === 'ringing'
                  ? t('studio.play.ringing')
                  : t('studio.play.connected')}
            </p>
            <div className="studio__actions">
              <button
                type="button"
                disabled={view.phase !== 'ringing'}
                onClick={() => phone({ kind: 'pickup' })}
              >
                {t('studio.play.pickup')}
              </button>
              <button
                type="button"
                disabled={view.phase !== 'connected'}
                onClick={() => phone({ kind: 'hangup' })}
              >
                {t('studio.play.hangup')}
              </button>
              {/* Nothing runs before the pickup (the scenario starts there, and the call time with
                  it): while the phone rings the clock's button did nothing one could see. */}
              <button type="button" disabled={view.phase !== 'connected'} onClick={advance}>
                {t('studio.play.advance')}
              </button>
            </div>
            <p role="alert" className="test-play__refused">
              {refused ? engineText(lang, refused) : ''}
            </p>
            {/* Under the panel's h2: its parts one level lower, the trainer's side's own under its h3. */}
            <Transcript entries={snapshot.entries} labels={start.session.labels} headingLevel={3} />
            <MoveButtons
              moves={view.phase === 'connected' ? view.moves : []}
              disabled={view.phase !== 'connected'}
              onMove={(move) => void apply({ kind: 'move', move })}
              headingId={movesHeadingId}
              headingLevel={3}
            />
          </div>
          <aside className="test-play__trainer" aria-labelledby={sideId}>
            <h3 id={sideId}>{t('studio.play.trainer')}</h3>
            <p>
              {t('studio.play.states', {
                states: view.states.map((s) => start.session.labels.states.get(s) ?? s).join(', ') || '—',
              })}
            </p>
            <VariableGauges variables={view.variables} headingLevel={4} />
            <InjectButtons
              injects={view.injects}
              disabled={view.phase === 'ended'}
              onInject={(inject) => void apply({ kind: 'inject', inject })}
              heading={t('studio.play.injects')}
              headingLevel={4}
            />
          </aside>
        </div>
      )}
    </section>
  );
}
