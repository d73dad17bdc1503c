import { useI18n } from '../i18n/index.js';
import { useSessionContext } from '../socket/index.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { OutcomePanel } from '../ui/OutcomePanel.js';
import { PausedBanner } from '../ui/PausedBanner.js';
import { PhonePanel } from '../ui/PhonePanel.js';
import { SessionStatusNotice } from '../ui/SessionStatusNotice.js';
import { Transcript } from '../ui/Transcript.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { useKnownLabels } from '../ui/useKnownLabels.js';
import { useSendInput } from '../ui/useSendInput.js';
import { InjectButtons } from './InjectButtons.js';
import { PersonaPanel } from './PersonaPanel.js';
import { ScenarioStates } from './ScenarioStates.js';
import { SessionControls } from './SessionControls.js';
import { VariableGauges } from './VariableGauges.js';

/** The trainer's page: the live call plus everything hidden from the listener, and the controls. */
export function TrainerPage() {
  const { t } = useI18n();
  const session = useSessionContext();
  const view = session.view?.role === 'trainer' ? session.view : null;
  const labels = useKnownLabels(view, session.labels);
  const { submit, errorCode } = useSendInput(session.send);

  const role = t('role.trainer');
  const title = view ? t('session.title', { role, scenario: view.scenario.title }) : role;
  useDocumentTitle(`${title} · ${t('app.name')}`);

  const online = session.status === 'connected';

  return (
    <div className="role-page role-page--trainer">
      <h1>{title}</h1>
      {view ? <p className="muted">{view.scenario.summary}</p> : null}
      <SessionStatusNotice
        status={session.status}
        errorCode={session.errorCode}
        wrongRole={session.view !== null && view === null}
      />
      {view ? (
        <>
          <PausedBanner paused={view.paused} />
          <ErrorAlert code={errorCode} />
          <div className="role-layout role-layout--trainer">
            <div className="role-layout__side">
              <PhonePanel view={view} entries={session.entries} />
              <SessionControls
                paused={view.paused}
                phase={view.phase}
                enabled={online}
                onPause={() => void submit({ kind: 'pause' })}
                onResume={() => void submit({ kind: 'resume' })}
                onEnd={() => void submit({ kind: 'end' })}
              />
              {view.ending ? <OutcomePanel ending={view.ending} /> : null}
              <InjectButtons
                injects={view.injects}
                disabled={!online || view.paused || view.phase === 'ended'}
                onInject={(inject) => void submit({ kind: 'inject', inject })}
              />
            </div>
            <div className="role-layout__main">
              <Transcript entries={session.entries} labels={labels} />
            </div>
            <div className="role-layout__side">
              <VariableGauges variables={view.variables} />
              <ScenarioStates states={view.states} />
              <PersonaPanel persona={view.persona} />
            </div>
          </div>
        </>
      ) : null}
    </div>
  );
}
