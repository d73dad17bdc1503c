// Why a key of the listener's console does nothing now, in the person's words: the console's
// status line says it when such a key is pressed (`useShortcuts`' `onUnavailable`).
import type { CallPhase } from '@ecoute/engine';
import type { I18n } from '../i18n/I18nContext.js';

export interface KeyReasons {
  /** The keys that need the console live (notes): offline, read only, paused; none when live. */
  notLive: string | undefined;
  /** The keys that need the call picked up (hold, hang up, « Ce que je dis », the moves). */
  notInCall: string;
  /** « Décrocher » when the phone does not ring. */
  pickup: string;
}

export function keyReasons(
  state: { connected: boolean; readOnly: boolean; paused: boolean; phase: CallPhase | undefined },
  t: I18n['t'],
): KeyReasons {
  const notLive = !state.connected
    ? t('shortcuts.unavailable.offline')
    : state.readOnly
      ? t('shortcuts.unavailable.readOnly')
      : state.paused
        ? t('shortcuts.unavailable.paused')
        : undefined;
  const ended = t('shortcuts.unavailable.ended');
  return {
    notLive,
    notInCall: notLive ?? (state.phase === 'ringing' ? t('shortcuts.unavailable.ringing') : ended),
    pickup: notLive ?? (state.phase === 'connected' ? t('shortcuts.unavailable.picked') : ended),
  };
}
