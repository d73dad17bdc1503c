import { useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { useSessionContext } from '../socket/index.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { MoveButtons } from '../ui/MoveButtons.js';
import { OutcomePanel } from '../ui/OutcomePanel.js';
import { PausedBanner } from '../ui/PausedBanner.js';
import { PhonePanel } from '../ui/PhonePanel.js';
import { SayForm } from '../ui/SayForm.js';
import { SessionStatusNotice } from '../ui/SessionStatusNotice.js';
import { Transcript } from '../ui/Transcript.js';
import { useCallerVoice } from '../ui/useCallerVoice.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { useKnownLabels } from '../ui/useKnownLabels.js';
import { useSendInput } from '../ui/useSendInput.js';
import { VoiceSwitch } from '../ui/VoiceSwitch.js';

/** The learner's page: the phone, the caller's voice and transcript, moves and own words. */
export function ListenerPage() {
  const { t } = useI18n();
  const session = useSessionContext();
  const view = session.view?.role === 'listener' ? session.view : null;
  const labels = useKnownLabels(view, session.labels);
  const { submit, errorCode } = useSendInput(session.send);
  const [voiceOn, setVoiceOn] = useState(true);
  const voice = useCallerVoice({
    entries: session.entries,
    voice: view?.voice,
    enabled: voiceOn && !view?.paused,
    ready: view !== null,
  });

  const role = t('role.listener');
  const title = view ? t('session.title', { role, scenario: view.scenario.title }) : role;
  useDocumentTitle(`${title} · ${t('app.name')}`);

  const live = session.status === 'connected' && view !== null && !view.paused;
  const inCall = live && view.phase === 'connected';

  return (
    <div className="role-page role-page--listener">
      <h1>{title}</h1>
      <SessionStatusNotice
        status={session.status}
        errorCode={session.errorCode}
        wrongRole={session.view !== null && view === null}
      />
      {view ? (
        <>
          <PausedBanner paused={view.paused} />
          <ErrorAlert code={errorCode} />
          <div className="role-layout">
            <div className="role-layout__side">
              <PhonePanel
                view={view}
                entries={session.entries}
                controls={{
                  enabled: live,
                  onPickup: () => void submit({ kind: 'pickup' }),
                  onHangup: () => void submit({ kind: 'hangup' }),
                }}
              />
              <VoiceSwitch checked={voiceOn} onChange={setVoiceOn} available={voice.available} />
              {view.ending ? <OutcomePanel ending={view.ending} /> : null}
            </div>
            <div className="role-layout__main">
              <Transcript entries={session.entries} labels={labels} />
              {view.phase === 'connected' ? (
                <>
                  <MoveButtons
                    moves={view.moves}
                    disabled={!inCall}
                    onMove={(move) => void submit({ kind: 'move', move })}
                  />
                  <SayForm disabled={!inCall} onSay={(text) => submit({ kind: 'say', text })} />
                </>
              ) : null}
            </div>
          </div>
        </>
      ) : null}
    </div>
  );
}
