import { useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { useSessionContext } from '../socket/index.js';
import { OutcomePanel } from '../ui/OutcomePanel.js';
import { PausedBanner } from '../ui/PausedBanner.js';
import { PhonePanel } from '../ui/PhonePanel.js';
import { SessionStatusNotice } from '../ui/SessionStatusNotice.js';
import { Transcript } from '../ui/Transcript.js';
import { useCallerVoice } from '../ui/useCallerVoice.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { useKnownLabels } from '../ui/useKnownLabels.js';
import { VoiceSwitch } from '../ui/VoiceSwitch.js';

/** What the listener sees, read-only: for the group and the projector. */
export function ObserverPage() {
  const { t } = useI18n();
  const session = useSessionContext();
  const view = session.view?.role === 'observer' ? session.view : null;
  const labels = useKnownLabels(view, session.labels);
  // Off by default: in a training room the listener's own device already speaks the caller.
  const [voiceOn, setVoiceOn] = useState(false);
  const voice = useCallerVoice({
    entries: session.entries,
    voice: view?.voice,
    enabled: voiceOn && !view?.paused,
    ready: view !== null,
  });

  const role = t('role.observer');
  const title = view ? t('session.title', { role, scenario: view.scenario.title }) : role;
  useDocumentTitle(`${title} · ${t('app.name')}`);

  return (
    <div className="role-page role-page--observer">
      <h1>{title}</h1>
      <p className="muted">{t('observer.readonly')}</p>
      <SessionStatusNotice
        status={session.status}
        errorCode={session.errorCode}
        wrongRole={session.view !== null && view === null}
      />
      {view ? (
        <>
          <PausedBanner paused={view.paused} />
          <div className="role-layout">
            <div className="role-layout__side">
              <PhonePanel view={view} entries={session.entries} />
              <VoiceSwitch checked={voiceOn} onChange={setVoiceOn} available={voice.available} />
              {view.ending ? <OutcomePanel ending={view.ending} /> : null}
            </div>
            <div className="role-layout__main">
              <Transcript entries={session.entries} labels={labels} />
            </div>
          </div>
        </>
      ) : null}
    </div>
  );
}
