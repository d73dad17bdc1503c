// The floor (« plateau »): every call of the class as a tile, most urgent first, as the server
// sends them (at most once a second); commands to all calls and a message to every learner.
import { useState, type FormEvent } from 'react';
import type { ClassCall, FloorCommand, FloorTile } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';
import { FloorTileCard } from './FloorTileCard.js';

export function FloorView({
  tiles,
  calls,
  send,
}: {
  tiles: readonly FloorTile[];
  calls: readonly ClassCall[];
  send: (command: FloorCommand) => Promise<{ ok: boolean; applied?: number }>;
}) {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const [status, setStatus] = useState('');
  const links = new Map(calls.map((c) => [c.sessionId, c]));
  const alerting = tiles.filter((tile) => tile.alerts.some((a) => a.kind !== 'ended')).length;
  const run = async (command: FloorCommand): Promise<boolean> => {
    const ack = await send(command);
    setStatus(ack.ok ? t('classroom.floor.sent', { count: ack.applied ?? 0 }) : '');
    return ack.ok;
  };
  const broadcast = async (event: FormEvent) => {
    event.preventDefault();
    if (message.trim() !== '' && (await run({ kind: 'message', text: message }))) setMessage('');
  };
  return (
    <section className="floor" aria-labelledby="floor-heading">
      <h2 id="floor-heading">{t('classroom.tab.floor')}</h2>
      <div className="floor__controls">
        <button type="button" onClick={() => void run({ kind: 'pause_all' })}>
          {t('classroom.floor.pauseAll')}
        </button>
        <button type="button" onClick={() => void run({ kind: 'resume_all' })}>
          {t('classroom.floor.resumeAll')}
        </button>
        <form onSubmit={(e) => void broadcast(e)}>
          <label>
            {t('classroom.floor.message')}
            <input value={message} maxLength={2000} onChange={(e) => setMessage(e.target.value)} />
          </label>
          <button type="submit">{t('classroom.floor.send')}</button>
        </form>
      </div>
      <p role="status" className="floor__status">
        {status} {alerting > 0 ? t('classroom.floor.announce', { count: alerting }) : ''}
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
                send={run}
              />
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
