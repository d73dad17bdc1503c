// One call on the floor: who, which scenario, call time, state, variables with sparklines,
// alerts; and what the trainer can do from here (console, listen, whisper, speak, pause).
import { useId, useRef, useState, type FormEvent } from 'react';
import type { FloorAlert, FloorCommand, FloorTile } from '@ecoute/protocol';
import { pluralForm, useI18n } from '../i18n/index.js';
import { formatDuration } from '../ui/formatDuration.js';
import { withLinkName } from '../join/linkName.js';
import { Sparkline } from './Sparkline.js';
import { joinParts } from '../i18n/joinParts.js';
import { ScenarioText } from '../i18n/ScenarioText.js';

export function FloorTileCard({
  tile,
  trainerLink,
  observerLink,
  listenAs = null,
  send,
}: {
  tile: FloorTile;
  trainerLink: string | null;
  observerLink: string | null;
  /** The signed-in trainer's name: `classroom.floor.listen` joins the call under it (not asked). */
  listenAs?: string | null;
  send: (command: FloorCommand) => Promise<boolean>;
}) {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  // Sent empty: said under the field (tied to it), which takes the focus, as the studio's forms do.
  const [empty, setEmpty] = useState(false);
  const fieldRef = useRef<HTMLInputElement>(null);
  const emptyId = useId();
  const headingId = `tile-${tile.sessionId}`;
  const alertText = (alert: FloorAlert): string => {
    switch (alert.kind) {
      case 'silence': {
        // A length, in words (an `m:ss` reading was taken for a moment of the call).
        const seconds = Math.floor(alert.ms / 1000);
        const minutes = Math.floor(seconds / 60);
        return minutes > 0
          ? t('classroom.alert.silence', { minutes, seconds: seconds % 60 })
          : t('classroom.alert.silenceSeconds', { seconds });
      }
      case 'danger':
        return t('classroom.alert.danger', { variable: alert.variable });
      case 'protocol_missed':
        return t('classroom.alert.protocol', { criterion: alert.criterion });
      case 'ended':
        return alert.outcome
          ? `${t('classroom.alert.ended')} (${t(`outcome.${alert.outcome}`)})`
          : t('classroom.alert.ended');
    }
  };
  const submit = (kind: 'whisper' | 'adlib') => async (event?: FormEvent) => {
    event?.preventDefault();
    if (text.trim() === '') {
      setEmpty(true);
      fieldRef.current?.focus();
      return;
    }
    if (await send({ kind, sessionId: tile.sessionId, text })) setText('');
  };
  const live = tile.phase !== 'ended';
  return (
    <article
      className={`floor-tile${tile.urgency > 0 ? ' floor-tile--alert' : ''}${tile.paused ? ' floor-tile--paused' : ''}`}
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>
        {t('classroom.floor.tile', { group: tile.group, round: tile.round })}
        {t('ui.separator.dash')}
        <ScenarioText>{tile.scenarioTitle}</ScenarioText>
      </h3>
      <p className="floor-tile__who">
        {joinParts(
          t,
          [
            t('classroom.floor.listener', { name: tile.listener ?? t('ui.none') }),
            tile.callerActor
              ? t('classroom.floor.caller', { name: tile.callerActor })
              : t('classroom.floor.machine'),
            tile.observers.length > 0 &&
              t(`classroom.floor.observers.${pluralForm(lang, tile.observers.length)}`, {
                names: tile.observers.join(t('ui.listSeparator')),
              }),
          ],
          'dot',
        )}
      </p>
      <p>
        {joinParts(
          t,
          [
            t(`classroom.floor.phase.${tile.phase}`),
            tile.paused && t('classroom.floor.paused'),
            tile.callMs !== null && t('classroom.floor.time', { time: formatDuration(tile.callMs) }),
            tile.stateLabel && t('classroom.floor.state', { state: tile.stateLabel }),
          ],
          'dot',
        )}
      </p>
      {tile.alerts.length > 0 && (
        <ul className="floor-tile__alerts">
          {tile.alerts.map((alert) => (
            <li key={alert.kind + alertText(alert)} className={`floor-alert floor-alert--${alert.kind}`}>
              {alertText(alert)}
            </li>
          ))}
        </ul>
      )}
      <ul className="floor-tile__variables">
        {tile.variables.map((v) => (
          <li key={v.id} className={`floor-variable floor-variable--${v.level}`}>
            <span>
              <ScenarioText>{v.label}</ScenarioText>
              {t('ui.separator.colon')}
              {t('trainer.variables.value', { value: v.value, max: v.max })}
            </span>
            <Sparkline values={v.history} min={v.min} max={v.max} />
          </li>
        ))}
      </ul>
      <div className="floor-tile__actions">
        {trainerLink && (
          <a href={trainerLink} target="_blank" rel="noopener">
            {t('classroom.floor.openConsole')}
          </a>
        )}
        {observerLink && (
          <a
            href={listenAs ? withLinkName(observerLink, listenAs) : observerLink}
            target="_blank"
            rel="noopener"
          >
            {t('classroom.floor.listen')}
          </a>
        )}
        {live && (
          <button
            type="button"
            onClick={() => void send({ kind: tile.paused ? 'resume' : 'pause', sessionId: tile.sessionId })}
          >
            {tile.paused ? t('classroom.floor.resume') : t('classroom.floor.pause')}
          </button>
        )}
      </div>
      {live && (
        <form className="floor-tile__say" onSubmit={(e) => void submit('whisper')(e)}>
          <label className="floor-tile__say-label">
            {t('classroom.floor.whisperText')}
            <input
              ref={fieldRef}
              value={text}
              maxLength={2000}
              aria-invalid={empty || undefined}
              aria-describedby={empty ? emptyId : undefined}
              onChange={(e) => {
                setText(e.target.value);
                if (e.target.value.trim() !== '') setEmpty(false);
              }}
            />
          </label>
          {empty ? (
            <p id={emptyId} className="floor__error" role="alert">
              {t('classroom.floor.whisperEmpty')}
            </p>
          ) : null}
          <button type="submit">{t('classroom.floor.whisper')}</button>
          <button type="button" onClick={() => void submit('adlib')()}>
            {t('classroom.floor.adlib')}
          </button>
        </form>
      )}
    </article>
  );
}
