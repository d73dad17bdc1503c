import { useMemo, useRef } from 'react';
import { useFocusRescue } from '../ui/useFocusRescue.js';
import { CurvesPanel } from '../charts/CurvesPanel.js';
import { GraphPanel } from '../charts/GraphPanel.js';
import { useI18n } from '../i18n/index.js';
import { ClassMessages } from '../join/ClassMessageNotice.js';
import { ClassReturnLink } from '../join/ClassReturnLink.js';
import { JoinedAs } from '../join/JoinedAs.js';
import { shownToListener } from '../listener/ListenerPage.js';
import { WhisperPanel } from '../listener/WhisperPanel.js';
import { useSessionContext } from '../socket/index.js';
import { ScenarioStates } from '../trainer/ScenarioStates.js';
import { VariableGauges } from '../trainer/VariableGauges.js';
import { MoveButtons } from '../ui/MoveButtons.js';
import { OutcomePanel } from '../ui/OutcomePanel.js';
import { PhonePanel } from '../ui/PhonePanel.js';
import { RolePageTitle } from '../ui/RolePageTitle.js';
import { SessionNotices } from '../ui/SessionNotices.js';
import { Transcript } from '../ui/Transcript.js';
import { useCallerVoice } from '../ui/useCallerVoice.js';
import { STORED_SWITCHES, useStoredSwitch } from '../ui/useStoredSwitch.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { useKnownLabels } from '../ui/useKnownLabels.js';
import { VoiceSwitch } from '../ui/VoiceSwitch.js';
import { useProjectorHistory } from './useProjectorHistory.js';
import '../ui/roleLayout.css';
import './observer.css';

/**
 * What the listener sees, read-only: for the group and the projector. When the trainer switches
 * projector mode on, the hidden variables and the state graph too.
 */
export function ObserverPage() {
  const { t } = useI18n();
  const session = useSessionContext();
  const view = session.view?.role === 'observer' ? session.view : null;
  const labels = useKnownLabels(view, session.labels);
  // Off by default: in a training room the listener's own device already speaks the caller. Kept
  // in this browser, apart from the listener's choice (a projector's computer is not theirs).
  const [voiceOn, setVoiceOn] = useStoredSwitch(STORED_SWITCHES.observerVoice, false);
  const voice = useCallerVoice({
    entries: session.entries,
    voice: view?.voice,
    enabled: voiceOn && !view?.paused,
    ready: view !== null,
  });

  const pageRef = useRef<HTMLDivElement>(null);
  useFocusRescue(pageRef);

  const role = t('role.observer');
  const title = view ? t('session.title', { role, scenario: view.scenario.title }) : role;
  useDocumentTitle(title);
  const projector = view?.projector ?? null;
  const seen = useProjectorHistory(projector, view?.t ?? 0);
  const projected = useMemo(
    () => [...session.entries, ...seen].sort((a, b) => a.t - b.t),
    [session.entries, seen],
  );

  return (
    <div className="role-page role-page--observer" ref={pageRef}>
      <RolePageTitle role={role} view={view} />
      <JoinedAs />
      <p className="muted">{t('observer.readonly')}</p>
      <SessionNotices session={session} view={view} />
      <ClassMessages />
      {view ? (
        <>
          {projector ? <p className="notice notice--projector">{t('observer.projectorOn')}</p> : null}
          <div className={`role-layout${projector ? ' role-layout--trainer' : ''}`}>
            <div className="role-layout__side">
              <PhonePanel view={view} entries={session.entries} presence={session.presence} />
              <div className="panel sound-switches">
                <VoiceSwitch checked={voiceOn} onChange={setVoiceOn} available={voice.available} />
              </div>
              {view.ending ? <OutcomePanel ending={view.ending} /> : null}
              {view.ending ? <ClassReturnLink /> : null}
            </div>
            <div className="role-layout__main">
              {/* What the listener does not see and this page shows (projector mode: the trainer's
                  switch, the states) is the observers' too: entry.notForListener, not entry.trainerOnly. */}
              <Transcript
                entries={session.entries}
                labels={labels}
                show={shownToListener}
                hiddenNote="entry.notForListener"
              />
              <WhisperPanel entries={session.entries} />
              {/* In free speech the listener has no action list: none is shown (not `moves.none`). */}
              {view.phase === 'connected' && view.mode !== 'free_speech' ? (
                <MoveButtons moves={view.moves} disabled onMove={() => undefined} readOnly />
              ) : null}
            </div>
            {projector ? (
              <div className="role-layout__side">
                <VariableGauges variables={projector.variables} />
                <CurvesPanel variables={projector.variables} entries={projected} now={view.t} />
                <ScenarioStates states={projector.states} entries={projected} graph={session.graph} />
              </div>
            ) : null}
          </div>
          {projector ? (
            <GraphPanel graph={session.graph} states={projector.states} entries={projected} />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
