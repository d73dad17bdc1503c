import { useId } from 'react';
import type { TimelineEntry } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import { callTimeOf } from '../ui/callTime.js';
import '../ui/whisperTag.css';
import './whisperPanel.css';

export function latestWhisper(entries: TimelineEntry[]): { seq: number; t: number; text: string } | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry?.kind === 'input' && entry.input.kind === 'whisper')
      return { seq: entry.seq, t: entry.t, text: entry.input.text };
  }
  return null;
}

/**
 * The trainer's latest whisper, set apart from the call: it is for the listener (and the
 * observers), and the caller does not hear it. The transcript announces it; this keeps it in sight.
 */
export function WhisperPanel({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useI18n();
  const headingId = useId();
  const whisper = latestWhisper(entries);
  if (!whisper) return null;
  return (
    <section className="panel whisper" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('whisper.heading')}</h2>
      <p className="whisper-tag">{t('whisper.tag')}</p>
      <blockquote className="whisper__text">{whisper.text}</blockquote>
      <p className="whisper__time muted">{t('transcript.time', { time: callTimeOf(entries)(whisper.t) })}</p>
    </section>
  );
}
