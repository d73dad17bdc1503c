// Bookmarks taken during the call and annotations added since, by time: jump to each; the
// trainer edits any comment (a bookmark keeps its original in the timeline), adds an
// annotation at the current moment, and deletes annotations.
import { memo, useCallback, useId, useLayoutEffect, useRef, useState } from 'react';
import type { DebriefMark } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { focusQuietly } from '../ui/useFocusRescue.js';
import { useCallClock } from './callClock.js';

export interface MarkActions {
  /** Resolves the new annotation's id, or the failure's code. */
  add: (t: number, comment: string) => Promise<{ id: string } | { code: string }>;
  update: (markId: string, comment: string) => Promise<string | null>;
  remove: (markId: string) => Promise<string | null>;
}

/** The marks themselves: drawn again when they change, not at each step of the moment. */
const MarksList = memo(function MarksList({
  marks,
  editable,
  onJump,
  actions,
  added,
  onRemoved,
}: {
  marks: readonly DebriefMark[];
  editable: boolean;
  onJump: (t: number, seq: number | null) => void;
  actions: MarkActions;
  /** The annotation just added from the form: it takes the focus. */
  added: string | null;
  /** An annotation deleted: its item (and the focus on its button) is gone. */
  onRemoved: () => void;
}) {
  return (
    <ul className="marks__list">
      {marks.map((mark) => (
        <MarkItem
          key={mark.id}
          mark={mark}
          editable={editable}
          onJump={onJump}
          actions={actions}
          justAdded={mark.id === added}
          onRemoved={onRemoved}
        />
      ))}
    </ul>
  );
});

export function MarksPanel({
  marks,
  editable,
  momentT,
  onJump,
  actions,
}: {
  marks: readonly DebriefMark[] | null;
  editable: boolean;
  /** The current moment, where a new annotation goes. */
  momentT: number;
  onJump: (t: number, seq: number | null) => void;
  actions: MarkActions;
}) {
  const { t } = useI18n();
  const clock = useCallClock();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  // Sent empty: `debrief.marks.commentMissing` under the field, which takes the focus.
  const [missing, setMissing] = useState(false);
  const missingId = useId();
  const field = useRef<HTMLTextAreaElement>(null);

  // The button stays enabled, empty or while the annotation is sent (a disabled button drops the
  // focus to the page, and says nothing of why); once added, the focus goes to the annotation in
  // the list, read out there.
  async function add(): Promise<void> {
    const comment = draft.trim();
    if (busy) return;
    if (!comment) {
      setMissing(true);
      field.current?.focus();
      return;
    }
    setBusy(true);
    const result = await actions.add(Math.round(momentT), comment);
    setBusy(false);
    if ('code' in result) return setError(result.code);
    setError(null);
    setDraft('');
    setAdded(result.id);
  }
  // A deleted annotation's item goes with the focused button: the focus goes to the list's heading.
  const removed = useCallback(() => {
    if (heading.current) focusQuietly(heading.current);
  }, []);

  return (
    <section className="panel marks" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading}>
        {t('debrief.marks.heading')}
      </h2>
      {marks === null ? <p className="muted">{t('debrief.marks.hidden')}</p> : null}
      {marks && marks.length === 0 ? <p className="muted">{t('debrief.marks.none')}</p> : null}
      {marks && marks.length > 0 ? (
        <MarksList
          marks={marks}
          editable={editable}
          onJump={onJump}
          actions={actions}
          added={added}
          onRemoved={removed}
        />
      ) : null}
      {editable ? (
        <form
          className="marks__add"
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <label>
            {t('debrief.marks.addLabel', { time: clock.format(momentT) })}
            <textarea
              ref={field}
              rows={2}
              maxLength={2000}
              value={draft}
              aria-invalid={missing || undefined}
              aria-describedby={missing ? missingId : undefined}
              onChange={(event) => {
                setDraft(event.target.value);
                if (event.target.value.trim() !== '') setMissing(false);
              }}
            />
          </label>
          {missing ? (
            <p id={missingId} className="debrief__missing">
              {t('debrief.marks.commentMissing')}
            </p>
          ) : null}
          <button type="submit" className="button button--small">
            {t('debrief.marks.add')}
          </button>
        </form>
      ) : null}
      <ErrorAlert code={error} />
    </section>
  );
}

// Memoised: the panel follows the moment (its add form says when), its items do not.
const MarkItem = memo(function MarkItem({
  mark,
  editable,
  onJump,
  actions,
  justAdded,
  onRemoved,
}: {
  mark: DebriefMark;
  editable: boolean;
  onJump: (t: number, seq: number | null) => void;
  actions: MarkActions;
  justAdded: boolean;
  onRemoved: () => void;
}) {
  const { t } = useI18n();
  const clock = useCallClock();
  const itemRef = useRef<HTMLLIElement>(null);
  // In the commit that shows the change (a passive effect would leave the focus a moment on the
  // control that went, or on the page).
  useLayoutEffect(() => {
    if (justAdded && itemRef.current) focusQuietly(itemRef.current);
  }, [justAdded]);
  const [editing, setEditing] = useState(false);
  const [comment, setComment] = useState(mark.comment);
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const commentField = useRef<HTMLTextAreaElement>(null);
  const wasEditing = useRef(false);
  // `debrief.marks.edit` gives way to the form, whose field takes the focus; saved or cancelled, the form
  // gives way to the button again, which takes it back (unless it went elsewhere meanwhile).
  useLayoutEffect(() => {
    if (editing) commentField.current?.focus();
    else if (wasEditing.current) {
      const active = document.activeElement;
      if (!active || active === document.body || itemRef.current?.contains(active))
        editButton.current?.focus();
    }
    wasEditing.current = editing;
  }, [editing]);
  const kind = t(mark.kind === 'bookmark' ? 'debrief.marks.bookmark' : 'debrief.marks.annotation');

  async function save(): Promise<void> {
    const code = await actions.update(mark.id, comment.trim());
    setError(code);
    if (!code) setEditing(false);
  }

  return (
    <li ref={itemRef} className={`mark mark--${mark.kind}`}>
      <p>
        <span className="entry__time">{clock.format(mark.t)}</span> <strong>{kind}</strong>{' '}
        {editing ? null : mark.comment || <span className="muted">{t('debrief.marks.noComment')}</span>}
      </p>
      {mark.original !== null && !editing ? (
        <p className="hint">{t('debrief.marks.original', { comment: mark.original || t('ui.none') })}</p>
      ) : null}
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <label>
            {t('debrief.marks.editLabel', { time: clock.format(mark.t) })}
            <textarea
              ref={commentField}
              rows={2}
              maxLength={2000}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
            />
          </label>
          <button type="submit" className="button button--small">
            {t('debrief.marks.save')}
          </button>{' '}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setEditing(false);
              setComment(mark.comment);
            }}
          >
            {t('debrief.cancel')}
          </button>
        </form>
      ) : (
        <div className="mark__actions">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => onJump(mark.t, mark.seq)}
          >
            {t('debrief.seeMoment')}
            <span className="visually-hidden"> {t('debrief.atTime', { time: clock.format(mark.t) })}</span>
          </button>
          {editable ? (
            <>
              {' '}
              <button
                ref={editButton}
                type="button"
                className="button button--secondary button--small"
                onClick={() => setEditing(true)}
              >
                {t('debrief.marks.edit')}
                <span className="visually-hidden">
                  {' '}
                  {t('debrief.atTime', { time: clock.format(mark.t) })}
                </span>
              </button>
            </>
          ) : null}
          {editable && mark.kind === 'annotation' ? (
            <>
              {' '}
              <button
                type="button"
                className="button button--danger button--small"
                onClick={() =>
                  void actions.remove(mark.id).then((code) => {
                    setError(code);
                    if (!code) onRemoved();
                  })
                }
              >
                {t('debrief.marks.delete')}
                <span className="visually-hidden">
                  {' '}
                  {t('debrief.atTime', { time: clock.format(mark.t) })}
                </span>
              </button>
            </>
          ) : null}
        </div>
      )}
      <ErrorAlert code={error} />
    </li>
  );
});
