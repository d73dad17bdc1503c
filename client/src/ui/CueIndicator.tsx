import { useEffect, useRef, useState } from 'react';
import type { Cue, TimelineEntry } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import { cueLabel } from './describeEntry.js';
import './cueIndicator.css';

/** How long (ms) a cue stays shown after it arrived. */
export const CUE_SHOWN_MS = 12_000;

// Symbols the usual fonts carry: the sigh's wave dash (U+301C, CJK) drew an empty box on a
// machine without CJK fonts (Debian's Chromium, a training room's Linux PCs).
const CUE_ICONS: Record<Cue, string> = {
  ring: '☎',
  sigh: '∿',
  crying: '💧',
  silence: '…',
  noise: '≋',
  crackle: '⚡',
  alarm: '⏰',
  doorbell: '🔔',
  hold_music: '♪',
  hangup: '☎',
};

/** The latest non-verbal cue of the call, with the seq of its entry. */
export function latestCue(entries: TimelineEntry[]): { seq: number; cue: Cue } | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry?.kind !== 'observation') continue;
    const { observation } = entry;
    if (observation.kind === 'cue') return { seq: entry.seq, cue: observation.cue };
    if (observation.kind === 'line' && observation.cue) return { seq: entry.seq, cue: observation.cue };
  }
  return null;
}

/**
 * The last non-verbal cue (a sigh, tears, a silence, background noise, a crackle), shown for a
 * few seconds with its name and a quiet visual. Not a live region: the transcript announces it.
 */
export function CueIndicator({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useI18n();
  const found = latestCue(entries);
  // A cue already older than its time on screen when this page got it (a page opened or reloaded
  // in the middle of the call) is not shown: it belongs to the transcript, not to the present.
  const lastT = entries.at(-1)?.t ?? 0;
  const cueT = found ? (entries.find((e) => e.seq === found.seq)?.t ?? lastT) : lastT;
  const latest = found && lastT - cueT < CUE_SHOWN_MS ? found : null;
  const arrived = useRef<{ seq: number; at: number } | null>(null);
  const [, setTick] = useState(0);
  if (latest && arrived.current?.seq !== latest.seq) arrived.current = { seq: latest.seq, at: Date.now() };

  const seq = latest?.seq;
  useEffect(() => {
    if (seq === undefined) return;
    const timer = setTimeout(() => setTick((tick) => tick + 1), CUE_SHOWN_MS + 50);
    return () => clearTimeout(timer);
  }, [seq]);

  const shown = latest !== null && arrived.current !== null && Date.now() - arrived.current.at < CUE_SHOWN_MS;
  return (
    <p className={shown && latest ? `cue-indicator cue-indicator--on cue--${latest.cue}` : 'cue-indicator'}>
      {shown && latest ? (
        <>
          <span className="cue-indicator__icon" aria-hidden="true">
            {CUE_ICONS[latest.cue]}
          </span>{' '}
          <span className="cue-indicator__text">{t('cue.indicator', { cue: cueLabel(t, latest.cue) })}</span>
        </>
      ) : null}
    </p>
  );
}
