import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { TimelineEntry } from '@ecoute/engine';
import { MAX_TEXT_LENGTH } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';
import { callTimeOf } from '../ui/callTime.js';
import { Kbd } from '../ui/Kbd.js';
import { inKeySet, useShortcutKeySet } from '../ui/shortcutMode.js';
import { plainLetter } from '../ui/shortcuts.js';
import { useShortcuts } from '../ui/useShortcuts.js';
import './scenarioStates.css';

export const BOOKMARK_KEY = plainLetter('B');

/**
 * Marks the moment for the debrief: the B key (or the button) opens a small comment field; Enter
 * records the bookmark, Escape gives up. The bookmark marks the moment the field was opened (the
 * comment takes a few seconds to type), given by `sessionNow`. The marked moments are listed below.
 */
export function BookmarkControl({
  entries,
  enabled,
  onBookmark,
  sessionNow,
  area,
}: {
  entries: readonly TimelineEntry[];
  enabled: boolean;
  /** Where the B key acts (the trainer's controls): a single key acts only with focus there. */
  area?: () => HTMLElement | null;
  /** The session time now, as the page estimates it (ms). */
  sessionNow: () => number;
  onBookmark: (comment: string, moment: number) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const [keySet] = useShortcutKeySet();
  /** B, or Alt+B when the person chose the Alt key set. */
  const bookmarkKey = inKeySet(BOOKMARK_KEY, keySet);
  const fieldId = useId();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const fieldRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  /** Where focus was when the field opened: it goes back there once the bookmark is saved. */
  const returnTo = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);

  /** The moment marked: when the field opened. */
  const marked = useRef(0);

  function openField(): void {
    marked.current = Math.round(sessionNow());
    const active = document.activeElement;
    returnTo.current = active instanceof HTMLElement && active !== document.body ? active : null;
    setOpen(true);
  }

  useShortcuts([{ shortcut: bookmarkKey, enabled, run: openField }], {
    active: true,
    ...(area ? { area } : {}),
  });

  useEffect(() => {
    if (open) fieldRef.current?.focus();
    else if (wasOpen.current) {
      // The field is gone: focus goes back where it was (or to `bookmark.open`), never to the page.
      const back = returnTo.current;
      returnTo.current = null;
      if (back?.isConnected && !(back as HTMLButtonElement).disabled) back.focus();
      else buttonRef.current?.focus();
    }
    wasOpen.current = open;
  }, [open]);

  function close(): void {
    setOpen(false);
    setComment('');
  }

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (await onBookmark(comment.trim(), marked.current)) close();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  }

  const bookmarks = entries.flatMap((entry) =>
    entry.kind === 'input' && entry.input.kind === 'bookmark'
      ? [{ seq: entry.seq, t: entry.input.moment ?? entry.t, comment: entry.input.comment }]
      : [],
  );

  const callTime = callTimeOf(entries);

  return (
    <section className="panel bookmarks" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('bookmark.heading')}</h2>
      {open ? (
        <form className="bookmark__form" onSubmit={(event) => void save(event)}>
          <label htmlFor={fieldId}>{t('bookmark.label')}</label>
          <input
            ref={fieldRef}
            id={fieldId}
            type="text"
            value={comment}
            maxLength={MAX_TEXT_LENGTH}
            onChange={(event) => setComment(event.target.value)}
            onKeyDown={onKeyDown}
          />
          <div className="controls__row">
            <button type="submit" disabled={!enabled}>
              {t('bookmark.save')}
            </button>
            <button type="button" className="button--secondary" onClick={close}>
              {t('trainer.end.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button
          ref={buttonRef}
          type="button"
          disabled={!enabled}
          aria-keyshortcuts={bookmarkKey.aria}
          onClick={openField}
        >
          <span>{t('bookmark.open')}</span> <Kbd shortcut={bookmarkKey} />
        </button>
      )}
      {bookmarks.length > 0 ? (
        <ol className="bookmarks__list">
          {bookmarks.map((bookmark) => (
            <li key={bookmark.seq}>
              <span className="states__time">{callTime(bookmark.t)}</span>{' '}
              {bookmark.comment || t('bookmark.noComment')}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
