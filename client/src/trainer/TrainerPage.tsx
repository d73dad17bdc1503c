import { useRef } from 'react';
import { useParams } from 'react-router';
import { CurvesPanel } from '../charts/CurvesPanel.js';
import { GraphPanel } from '../charts/GraphPanel.js';
import { useI18n } from '../i18n/index.js';
import { useSessionNow } from '../ui/useCallElapsed.js';
import { JoinedAs } from '../join/JoinedAs.js';
import { useSessionContext } from '../socket/index.js';
import { DebriefLink } from '../debrief/DebriefLink.js';
import { OutcomePanel } from '../ui/OutcomePanel.js';
import { callPaused } from '../ui/callPaused.js';
import { PhonePanel } from '../ui/PhonePanel.js';
import { RolePageTitle } from '../ui/RolePageTitle.js';
import { SessionNotices } from '../ui/SessionNotices.js';
import { TextSendForm } from '../ui/TextSendForm.js';
import { ToggleSwitch } from '../ui/ToggleSwitch.js';
import { Transcript } from '../ui/Transcript.js';
import { Tabs } from '../ui/Tabs.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { useKnownLabels } from '../ui/useKnownLabels.js';
import { useSendInput } from '../ui/useSendInput.js';
import { useFocusRescue } from '../ui/useFocusRescue.js';
import { ShortcutSettings } from '../ui/ShortcutSettings.js';
import { STORED_SWITCHES, useStoredSwitch } from '../ui/useStoredSwitch.js';
import { BookmarkControl } from './BookmarkControl.js';
import { EffectButtons } from './EffectButtons.js';
import { InjectButtons } from './InjectButtons.js';
import { InjectEffect } from './InjectEffect.js';
import { InterpretationsPanel, type ReadingsProps } from './InterpretationsPanel.js';
import { ListenerWordsPanel } from './ListenerWordsPanel.js';
import { PersonaPanel } from './PersonaPanel.js';
import { PickRequest } from './PickRequest.js';
import { PresencePanel } from './PresencePanel.js';
import { RoleLinksPanel } from './RoleLinksPanel.js';
import { CourseMembersPanel } from '../lti/CourseMembersPanel.js';
import { ScenarioStates } from './ScenarioStates.js';
import { StateList } from './StateList.js';
import { SessionControls } from './SessionControls.js';
import { VariableGauges } from './VariableGauges.js';
import './trainer.css';
import { ScenarioText } from '../i18n/ScenarioText.js';

/**
 * The trainer's console: the live call plus everything hidden from the listener (variables as
 * gauges and curves, the state graph and the path taken), and the controls: injects, generic
 * events, an ad-lib caller line, a whisper, pause and resume, end, bookmarks, projector mode;
 * the role links with their QR codes, and who is connected.
 */
export function TrainerPage() {
  const { t } = useI18n();
  const { sessionId = '' } = useParams();
  const session = useSessionContext();
  const view = session.view?.role === 'trainer' ? session.view : null;
  const labels = useKnownLabels(view, session.labels);
  const { submit, errorCode } = useSendInput(session.send, session.entries);
  const sessionNow = useSessionNow(view);

  const role = t('role.trainer');
  const title = view ? t('session.title', { role, scenario: view.scenario.title }) : role;
  useDocumentTitle(title);

  const pageRef = useRef<HTMLDivElement>(null);
  const controlsRef = useRef<HTMLDivElement>(null);
  // When the call ends, the ad-lib and whisper forms go and the call's controls are off for good:
  // focus to the outcome's heading (`outcome.heading`), `debrief.open` next, as on the listener's.
  useFocusRescue(pageRef, () => pageRef.current?.querySelector<HTMLElement>('#outcome-heading') ?? null);
  // What the call's log announces: lines, words, moves and injects, or also hidden variables,
  // states and readings (kept in this browser).
  const [details, setDetails] = useStoredSwitch(STORED_SWITCHES.announceDetails, false);

  const online = session.status === 'connected';
  const playing = online && view !== null && !view.paused && view.phase !== 'ended';
  const inCall = playing && view.phase === 'connected';
  const ended = view?.phase === 'ended';
  // Free speech's readings and the pick request at the top: the same sentences, one correction.
  const readings: ReadingsProps | null =
    view?.speech.mode === 'free_speech'
      ? {
          speech: view.speech,
          entries: session.entries,
          moves: view.moves,
          labels,
          enabled: inCall,
          ended,
          onCorrect: (n, move) => submit({ kind: 'correct', n, move, applied: false }),
        }
      : null;
  // An ended call is no longer paused (pausing then ending left both shown): the phase wins.
  const paused = callPaused(view);
  // During the call a way to the live debrief; once ended, the trainer's next step: the primary
  // look, as on the listener's console.
  const debriefLink = (
    <p className="debrief-link">
      <DebriefLink className={ended ? 'button' : 'button button--secondary'} />
    </p>
  );

  return (
    <div className="role-page role-page--trainer trainer-console" ref={pageRef}>
      <div className="trainer-console__top">
        <RolePageTitle role={role} view={view} />
        <JoinedAs />
        {view?.callerActor ? <p className="notice">{t('trainer.callerActorOn')}</p> : null}
        {view ? (
          <p className="notice">{t('speech.trainer.mode', { mode: t(`speech.mode.${view.speech.mode}`) })}</p>
        ) : null}
      </div>
      <SessionNotices session={session} view={view} inputError={errorCode} />
      {view ? (
        <>
          {/* A sentence not understood waits for the trainer's pick: first on the console (a
              phone's first screen), its region there before it comes. */}
          {readings ? <PickRequest {...readings} now={view.t} sessionNow={sessionNow} /> : null}
          {/* One screen: each column scrolls inside, the page does not (1366×768 and up). */}
          <div className="trainer-console__grid">
            <div className="trainer-console__col trainer-console__col--controls" ref={controlsRef}>
              <PhonePanel view={view} entries={session.entries} presence={session.presence} />
              {/* Once the call has ended, its outcome and the debrief come first: the next step. */}
              {ended ? (
                <>
                  {view.ending ? <OutcomePanel ending={view.ending} /> : null}
                  {debriefLink}
                </>
              ) : null}
              <SessionControls
                paused={paused}
                phase={view.phase}
                enabled={online}
                onPause={() => void submit({ kind: 'pause' })}
                onResume={() => void submit({ kind: 'resume' })}
                onEnd={() => void submit({ kind: 'end' })}
              >
                <ToggleSwitch
                  className="projector-switch"
                  label={t('trainer.projector')}
                  note={t('trainer.projectorHint')}
                  checked={view.projector}
                  disabled={!online}
                  onChange={(on) => void submit({ kind: 'projector', on })}
                />
              </SessionControls>
              {/* After the end the server refuses injects and line events (`session/ended`): gone. */}
              {ended ? null : (
                <>
                  {debriefLink}
                  <InjectButtons
                    injects={view.injects}
                    disabled={!playing}
                    onInject={(inject) => void submit({ kind: 'inject', inject })}
                  />
                  <InjectEffect entries={session.entries} labels={labels} />
                  <EffectButtons
                    disabled={!inCall}
                    onEffect={(effect) => void submit({ kind: 'effect', effect })}
                  />
                </>
              )}
              <BookmarkControl
                entries={session.entries}
                enabled={online}
                sessionNow={sessionNow}
                onBookmark={(comment, moment) => submit({ kind: 'bookmark', comment, moment })}
                area={() => controlsRef.current}
              />
              <ShortcutSettings />
            </div>
            <div className="trainer-console__col trainer-console__col--call">
              <Transcript entries={session.entries} labels={labels} details={details} />
              <ToggleSwitch
                className="announce-switch"
                label={t('trainer.announceDetails')}
                checked={details}
                onChange={setDetails}
              />
              {/* In free speech the readings come right under what was said, before the forms. */}
              {readings ? <InterpretationsPanel {...readings} /> : null}
              {/* After the end the server refuses both (`session/ended`): not offered, said why. */}
              {ended ? (
                <p className="muted">{t('trainer.callOver')}</p>
              ) : (
                <>
                  <TextSendForm
                    className="adlib-form"
                    label={t('trainer.adlib.label')}
                    hint={t('trainer.adlib.hint')}
                    submitLabel={t('trainer.adlib.submit')}
                    disabled={!inCall}
                    onSend={(text) => submit({ kind: 'adlib', text })}
                  />
                  <TextSendForm
                    className="whisper-form"
                    label={t('trainer.whisper.label')}
                    hint={t('trainer.whisper.hint')}
                    submitLabel={t('trainer.whisper.submit')}
                    disabled={!online}
                    onSend={(text) => submit({ kind: 'whisper', text })}
                  />
                </>
              )}
            </div>
            <div className="trainer-console__col trainer-console__col--state">
              <VariableGauges variables={view.variables} />
              <Tabs
                className="trainer-console__tabs"
                label={t('trainer.tabs.label')}
                items={[
                  {
                    id: 'graph',
                    label: t('trainer.tabs.graph'),
                    content: (
                      <>
                        {/* On a phone the states as a list first: the drawing cuts names there. */}
                        <StateList graph={session.graph} states={view.states} entries={session.entries} />
                        <GraphPanel graph={session.graph} states={view.states} entries={session.entries} />
                      </>
                    ),
                  },
                  {
                    id: 'states',
                    label: t('trainer.tabs.states'),
                    content: (
                      <ScenarioStates
                        states={view.states}
                        entries={session.entries}
                        graph={session.graph}
                        labels={labels}
                      />
                    ),
                  },
                  {
                    id: 'curves',
                    label: t('trainer.tabs.curves'),
                    content: (
                      <CurvesPanel variables={view.variables} entries={session.entries} now={view.t} />
                    ),
                  },
                  {
                    id: 'caller',
                    label: t('trainer.tabs.caller'),
                    content: (
                      <>
                        <p className="muted">
                          <ScenarioText>{view.scenario.summary}</ScenarioText>
                        </p>
                        <PersonaPanel persona={view.persona} />
                        <ListenerWordsPanel entries={session.entries} />
                      </>
                    ),
                  },
                  {
                    id: 'people',
                    label: t('trainer.tabs.people'),
                    content: (
                      <>
                        <PresencePanel presence={session.presence} callerActor={view.callerActor} />
                        <RoleLinksPanel sessionId={sessionId} />
                        <CourseMembersPanel sessionId={sessionId} />
                      </>
                    ),
                  },
                ]}
              />
            </div>
          </div>
        </>
      ) : null}
    </div>
  );
}
