import { useId, useState, type Ref } from 'react';
import { joinParts } from '../i18n/joinParts.js';
import type { TimelineEntry } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import { callTimeOf } from '../ui/callTime.js';
import { PHONE_KEYS } from '../ui/moveShortcuts.js';
import { TextSendForm } from '../ui/TextSendForm.js';
import { ToggleSwitch } from '../ui/ToggleSwitch.js';

/** The listener's own notes in the timeline, oldest first. */
export function listenerNotes(
  entries: TimelineEntry[],
): { seq: number; t: number; text: string; shared: boolean }[] {
  return entries.flatMap((entry) =>
    entry.kind === 'input' && entry.input.kind === 'note'
      ? [{ seq: entry.seq, t: entry.t, text: entry.input.text, shared: entry.input.shared }]
      : [],
  );
}

/**
 * A private notes pad: each note is recorded for the debrief, with the sharing switch as it is
 * when the note is written (shared notes reach the trainer live; private ones stay the
 * listener's).
 */
export function NotesPad({
  entries,
  enabled,
  onNote,
  fieldRef,
}: {
  entries: TimelineEntry[];
  enabled: boolean;
  onNote: (text: string, shared: boolean) => Promise<boolean>;
  fieldRef?: Ref<HTMLTextAreaElement>;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const [shared, setShared] = useState(false);
  const notes = listenerNotes(entries);
  const callTime = callTimeOf(entries);
  return (
    <section className="panel notes" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('notes.heading')}</h2>
      <p className="hint">{t('notes.intro')}</p>
      <TextSendForm
        framed={false}
        className="notes__form"
        label={t('notes.label')}
        hint={t('notes.hint')}
        submitLabel={t('notes.submit')}
        disabled={!enabled}
        onSend={(text) => onNote(text, shared)}
        shortcut={PHONE_KEYS.notes}
        {...(fieldRef ? { fieldRef } : {})}
      >
        <ToggleSwitch label={t('notes.share')} checked={shared} onChange={setShared} />
      </TextSendForm>
      {notes.length > 0 ? (
        <ol className="notes__list" aria-label={t('notes.listLabel')}>
          {notes.map((note) => (
            <li key={note.seq} className={note.shared ? 'note note--shared' : 'note'}>
              <p className="note__text">{note.text}</p>
              <p className="note__meta">
                {joinParts(
                  t,
                  [
                    t(note.shared ? 'notes.shared' : 'notes.private'),
                    t('transcript.time', { time: callTime(note.t) }),
                  ],
                  'dot',
                )}
              </p>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
