// The floor (`classroom.tab.floor`): every call of the class as a tile, most urgent first, as the server
// sends them (at most once a second); commands to all calls and a message to every learner.
import { useId, useRef, useState, type FormEvent } from 'react';
import type { ClassCall, FloorCommand, FloorTile } from '@ecoute/protocol';
import { pluralForm, useI18n, type MessageKey } from '../i18n/index.js';
import { FloorTileCard } from './FloorTileCard.js';

/** What the floor says after a command: its own words for the class-wide ones. */
function doneKey(command: FloorCommand, form: 'one' | 'other'): MessageKey {
  switch (command.kind) {
    case 'message':
      return `classroom.floor.messageSent.${form}`;
    case 'pause_all':
      return `classroom.floor.pausedAll.${form}`;
    case 'resume_all':
      return `classroom.floor.resumedAll.${form}`;
    // One call's command: what was done, and in how many calls (the server's count).
    case 'pause':
      return `classroom.floor.pausedAll.${form}`;
    case 'resume':
      return `classroom.floor.resumedAll.${form}`;
    case 'whisper':
      return `classroom.floor.whisperSent.${form}`;
    case 'adlib':
      return `classroom.floor.adlibSent.${form}`;
  }
}

export function FloorView({
  tiles,
  calls,
  listenAs = null,
  send,
}: {
  tiles: readonly FloorTile[];
  calls: readonly ClassCall[];
  /** The signed-in trainer's name, given to each tile's `classroom.floor.listen`. */
  listenAs?: string | null;
  send: (command: FloorCommand) => Promise<{ ok: boolean; applied?: number }>;
}) {
  const { t, lang } = useI18n();
  const [message, setMessage] = useState('');
  const [status, setStatus] = useState('');
  const messageId = useId();
  // Sent empty: said under the field (tied to it), which takes the focus, as on each call's tile.
  const [empty, setEmpty] = useState(false);
  const emptyId = useId();
  const messageField = useRef<HTMLInputElement>(null);
  const links = new Map(calls.map((c) => [c.sessionId, c]));
  const alerting = tiles.filter((tile) => tile.alerts.some((a) => a.kind !== 'ended')).length;
  const run = async (command: FloorCommand): Promise<boolean> => {
    const ack = await send(command);
    const count = ack.applied ?? 0;
    setStatus(ack.ok ? t(doneKey(command, pluralForm(lang, count)), { count }) : '');
    return ack.ok;
  };
  const broadcast = async (event: FormEvent) => {
    event.preventDefault();
    if (message.trim() === '') {
      setEmpty(true);
      messageField.current?.focus();
      return;
    }
    if (await run({ kind: 'message', text: message })) setMessage('');
  };
  // Nothing paused: `classroom.floor.resumeAll` says so (aria-disabled keeps the focus on it).
  const nonePaused = !tiles.some((tile) => tile.paused);
  return (
    <section className="floor" aria-labelledby="floor-heading">
      <h2 id="floor-heading">{t('classroom.tab.floor')}</h2>
      <div className="floor__controls">
        <button type="button" onClick={() => void run({ kind: 'pause_all' })}>
          {t('classroom.floor.pauseAll')}
        </button>
        <button
          type="button"
          aria-disabled={nonePaused}
          onClick={() => {
            if (!nonePaused) void run({ kind: 'resume_all' });
          }}
        >
          {t('classroom.floor.resumeAll')}
        </button>
      </div>
      <form className="floor__message" onSubmit={(e) => void broadcast(e)}>
        <label htmlFor={messageId}>{t('classroom.floor.message')}</label>
        <div className="floor__message-row">
          <input
            ref={messageField}
            id={messageId}
            value={message}
            maxLength={2000}
            aria-invalid={empty || undefined}
            aria-describedby={empty ? emptyId : undefined}
            onChange={(e) => {
              setMessage(e.target.value);
              if (e.target.value.trim() !== '') setEmpty(false);
            }}
          />
          <button type="submit">{t('classroom.floor.send')}</button>
        </div>
        {empty ? (
          <p id={emptyId} className="floor__error" role="alert">
            {t('classroom.floor.messageEmpty')}
          </p>
        ) : null}
      </form>
      <p role="status" className="floor__status">
        {status}{' '}
        {alerting > 0 ? t(`classroom.floor.announce.${pluralForm(lang, alerting)}`, { count: alerting }) : ''}
      </p>
      {tiles.length === 0 ? (
        <p>{t('classroom.floor.empty')}</p>
      ) : (
        <div className="floor__tiles" aria-label={t('classroom.floor.tiles')} role="list">
          {tiles.map((tile) => (
            <div role="listitem" key={tile.sessionId}>
              <FloorTileCard
                tile={tile}
                trainerLink={links.get(tile.sessionId)?.trainerLink ?? null}
                observerLink={links.get(tile.sessionId)?.observerLink ?? null}
                listenAs={listenAs}
                send={run}
              />
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
