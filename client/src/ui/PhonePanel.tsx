import { useEffect, useRef } from 'react';
import type { RoleView, TimelineEntry } from '@ecoute/engine';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { CallTimer } from './CallTimer.js';

export interface PhoneControls {
  /** Whether the phone may be used now (connected to the session, not paused). */
  enabled: boolean;
  onPickup: () => void;
  onHangup: () => void;
}

const PHASE_TEXT: Record<RoleView['phase'], MessageKey> = {
  ringing: 'phone.ringing',
  connected: 'phone.connected',
  ended: 'phone.ended',
};

/** The phone: rings, then shows the call time; with `controls`, « Décrocher » and « Raccrocher ». */
export function PhonePanel({
  view,
  entries,
  controls,
}: {
  view: RoleView;
  entries: TimelineEntry[];
  controls?: PhoneControls;
}) {
  const { t } = useI18n();
  const statusRef = useRef<HTMLParagraphElement>(null);
  const shownPhase = useRef(view.phase);

  // Picking up or hanging up removes the focused button: keep keyboard focus in the panel.
  useEffect(() => {
    if (shownPhase.current === view.phase) return;
    shownPhase.current = view.phase;
    const active = document.activeElement;
    if (controls && (active === null || active === document.body)) statusRef.current?.focus();
  }, [view.phase, controls]);

  return (
    <section className={`panel phone phone--${view.phase}`} aria-labelledby="phone-heading">
      <h2 id="phone-heading">{t('phone.heading')}</h2>
      <p ref={statusRef} tabIndex={-1} className="phone__status">
        {t(PHASE_TEXT[view.phase])}
      </p>
      <CallTimer entries={entries} view={view} />
      {controls && view.phase === 'ringing' ? (
        <button
          type="button"
          className="button--big button--pickup"
          disabled={!controls.enabled}
          onClick={controls.onPickup}
        >
          {t('phone.pickup')}
        </button>
      ) : null}
      {controls && view.phase === 'connected' ? (
        <button
          type="button"
          className="button--big button--hangup"
          disabled={!controls.enabled}
          onClick={controls.onHangup}
        >
          {t('phone.hangup')}
        </button>
      ) : null}
    </section>
  );
}
