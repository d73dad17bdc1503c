import { useEffect, useRef } from 'react';
import type { RoleView, TimelineEntry } from '@ecoute/engine';
import type { Presence } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';
import { callStatusKey } from './CallStatusBar.js';
import { CueIndicator } from './CueIndicator.js';
import { Kbd } from './Kbd.js';
import { waitingForListener } from './listenerJoined.js';
import { PHONE_KEYS } from './moveShortcuts.js';
import './phonePanel.css';

export interface PhoneControls {
  /** Whether the phone may be used now (connected to the session, not paused). */
  enabled: boolean;
  /** `byKeyboard`: Alt+C, or Enter or Space on `phone.pickup` (a click with no pointer, `detail` 0). */
  onPickup: (byKeyboard: boolean) => void;
  onHangup: () => void;
  onHold?: () => void;
  onUnhold?: () => void;
}

/**
 * The phone: it rings, then is in call (or on hold), then ended; the last non-verbal cue. With
 * `controls`: `phone.pickup`, `phone.hold` / `phone.unhold`, `phone.hangup`, each
 * with its shortcut.
 */
export function PhonePanel({
  view,
  entries,
  controls,
  presence = null,
}: {
  view: RoleView;
  entries: TimelineEntry[];
  controls?: PhoneControls;
  /** Who is in the session: until a listener joins, the phone waits for them rather than rings. */
  presence?: Presence | null;
}) {
  const { t } = useI18n();
  const statusRef = useRef<HTMLParagraphElement>(null);
  const shownPhase = useRef(`${view.phase}${view.onHold}`);

  // Picking up, holding or hanging up removes the focused button: keep keyboard focus here.
  useEffect(() => {
    const shown = `${view.phase}${view.onHold}`;
    if (shownPhase.current === shown) return;
    shownPhase.current = shown;
    const active = document.activeElement;
    if (controls && (active === null || active === document.body)) statusRef.current?.focus();
  }, [view.phase, view.onHold, controls]);

  const ringing = view.phase === 'ringing';
  const waiting = waitingForListener(view, presence);
  return (
    <section
      className={`panel phone phone--${view.phase}${waiting ? ' phone--waiting' : ''}${view.onHold ? ' phone--hold' : ''}${view.paused ? ' phone--paused' : ''}`}
      aria-labelledby="phone-heading"
    >
      <h2 id="phone-heading">{t('phone.heading')}</h2>
      <div className="phone__visual" aria-hidden="true">
        <span className="phone__icon">{view.onHold ? '♪' : '☎'}</span>
      </div>
      <p ref={statusRef} tabIndex={-1} className="phone__status">
        {t(callStatusKey(view, waiting))}
      </p>
      {view.onHold ? <p className="phone__hold-note">{t('phone.holdNote')}</p> : null}
      {/* The call over, no cue is shown any more (a reopened console showed the last one). */}
      {view.phase === 'ended' ? null : <CueIndicator entries={entries} />}
      {controls ? (
        <div className="phone__buttons">
          {ringing ? (
            <button
              type="button"
              className="button--big button--pickup"
              disabled={!controls.enabled}
              aria-keyshortcuts={PHONE_KEYS.pickup.aria}
              onClick={(event) => controls.onPickup(event.detail === 0)}
            >
              <span>{t('phone.pickup')}</span> <Kbd shortcut={PHONE_KEYS.pickup} />
            </button>
          ) : null}
          {view.phase === 'connected' && controls.onHold && controls.onUnhold ? (
            <button
              type="button"
              className="button--big button--hold button--secondary"
              disabled={!controls.enabled}
              aria-keyshortcuts={PHONE_KEYS.hold.aria}
              onClick={view.onHold ? controls.onUnhold : controls.onHold}
            >
              <span>{t(view.onHold ? 'phone.unhold' : 'phone.hold')}</span> <Kbd shortcut={PHONE_KEYS.hold} />
            </button>
          ) : null}
          {view.phase === 'connected' ? (
            <button
              type="button"
              className="button--big button--hangup"
              disabled={!controls.enabled}
              aria-keyshortcuts={PHONE_KEYS.hangup.aria}
              onClick={controls.onHangup}
            >
              <span>{t('phone.hangup')}</span> <Kbd shortcut={PHONE_KEYS.hangup} />
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
