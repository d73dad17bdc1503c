import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { CallerActorView, TimelineEntry } from '@ecoute/engine';
import { MAX_TEXT_LENGTH } from '@ecoute/protocol';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { ClassMessages } from '../join/ClassMessageNotice.js';
import { ClassReturnLink } from '../join/ClassReturnLink.js';
import { JoinedAs } from '../join/JoinedAs.js';
import { useSessionContext } from '../socket/index.js';
import { InjectButtons } from '../trainer/InjectButtons.js';
import { OutcomePanel } from '../ui/OutcomePanel.js';
import { PhonePanel } from '../ui/PhonePanel.js';
import { RolePageTitle } from '../ui/RolePageTitle.js';
import { SessionNotices } from '../ui/SessionNotices.js';
import { Transcript } from '../ui/Transcript.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { useKnownLabels } from '../ui/useKnownLabels.js';
import { useSendInput } from '../ui/useSendInput.js';
import { useFocusRescue } from '../ui/useFocusRescue.js';
import { waitingForListener } from '../ui/listenerJoined.js';
import '../ui/roleLayout.css';
import '../ui/textSendForm.css';
import './callerActor.css';
import { ScenarioText } from '../i18n/ScenarioText.js';
import { PersonaCard } from './PersonaCard.js';

/**
 * A learner plays the caller: cue cards (who they are, their secrets, what the call expects
 * now, the lines the machine suggests), a box to say their own lines (spoken to the listener),
 * and the reactions they may trigger. The machine still runs: state, variables and timeline
 * stay complete.
 */
export function CallerActorPage() {
  const { t } = useI18n();
  const session = useSessionContext();
  const view = session.view?.role === 'callerActor' ? session.view : null;
  const labels = useKnownLabels(view, session.labels);
  const { submit, errorCode } = useSendInput(session.send, session.entries);

  const role = t('role.callerActor');
  const title = view ? t('session.title', { role, scenario: view.scenario.title }) : role;
  useDocumentTitle(title);

  const pageRef = useRef<HTMLDivElement>(null);
  // When the call ends, the lines to say go: focus to the outcome that replaces them.
  useFocusRescue(pageRef, () => pageRef.current?.querySelector<HTMLElement>('#outcome-heading') ?? null);

  const online = session.status === 'connected';
  const inCall = online && view !== null && !view.paused && view.phase === 'connected';

  return (
    <div className="role-page role-page--caller-actor" ref={pageRef}>
      <RolePageTitle role={role} view={view} />
      <JoinedAs />
      <SessionNotices session={session} view={view} inputError={errorCode} />
      <ClassMessages />
      {view ? (
        <>
          <div className="role-layout role-layout--trainer">
            <div className="role-layout__side">
              <PersonaCard persona={view.persona} voice={view.voice} />
              <PhonePanel view={view} entries={session.entries} presence={session.presence} />
            </div>
            <div className="role-layout__main">
              <ExpectationsCard view={view} waiting={waitingForListener(view, session.presence)} />
              {/* At the end, the outcome where the lines to say were (first on a phone): the
                  suggestions and actor.speak.submit of a call that is over misled, the outcome sat under
                  the persona's long card. */}
              {view.ending ? (
                <>
                  <OutcomePanel ending={view.ending} />
                  <ClassReturnLink />
                </>
              ) : (
                <SpeakBox
                  view={view}
                  enabled={inCall}
                  onSpeak={(text, line) =>
                    submit(line ? { kind: 'speak', text, line } : { kind: 'speak', text })
                  }
                />
              )}
              <Transcript
                entries={session.entries}
                labels={labels}
                show={notOwnSpeak}
                hiddenNote="entry.notForListener"
              />
            </div>
            <div className="role-layout__side">
              <InjectButtons
                injects={view.choices}
                disabled={!inCall}
                onInject={(inject) => void submit({ kind: 'inject', inject })}
                heading={t('actor.choices.heading')}
                empty={t('actor.choices.none')}
              />
            </div>
          </div>
        </>
      ) : null}
    </div>
  );
}

/**
 * The actor's own `speak` is recorded (the trainer's console and the debrief read it: the line
 * was played, not the machine's) and gives the caller's `line` the listener hears, same words:
 * here it shows once, as that line — `entry.speak` before it read as a second line, and one the
 * listener did not hear.
 */
function notOwnSpeak(entry: TimelineEntry): boolean {
  return !(entry.kind === 'input' && entry.input.kind === 'speak');
}

/** No active state: before the pick-up, after the end, or a moment the scenario leaves free. */
const NO_STATE_KEYS = {
  ringing: 'actor.expects.ringing',
  connected: 'actor.expects.free',
  ended: 'actor.expects.ended',
} as const satisfies Record<CallerActorView['phase'], MessageKey>;

/**
 * `waiting`: no listener has joined yet (`waitingForListener`): the phone rings for no one.
 * Closing (`view.closing`: the machine reached its ending, the caller's last words to say), the
 * ending's states expect nothing more of the listener: the card says the call ends after them.
 */
function ExpectationsCard({ view, waiting }: { view: CallerActorView; waiting: boolean }) {
  const { t } = useI18n();
  const headingId = useId();
  // The states the call ended in expect nothing any more (they read as a cue to go on playing).
  const states = view.phase === 'ended' || view.closing ? [] : view.states;
  return (
    <section className="panel cue-card expectations" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('actor.expects.heading')}</h2>
      {view.closing ? <p>{t('actor.expects.closing')}</p> : null}
      {states.length === 0 && !view.closing ? (
        <p className="muted">{t(waiting ? 'actor.expects.waitingListener' : NO_STATE_KEYS[view.phase])}</p>
      ) : null}
      <ul className="expectations__list">
        {states.map((state) => (
          <li key={state.id}>
            <strong>
              <ScenarioText>{state.label}</ScenarioText>
            </strong>
            {state.description ? (
              <p className="expectations__text">
                <ScenarioText>{state.description}</ScenarioText>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The actor's line: typed, or one of the machine's suggestions as it is or adapted. */
function SpeakBox({
  view,
  enabled,
  onSpeak,
}: {
  view: CallerActorView;
  enabled: boolean;
  onSpeak: (text: string, line?: string) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const fieldId = useId();
  const hintId = useId();
  const [text, setText] = useState('');
  const [fromLine, setFromLine] = useState<string | null>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const canSay = enabled && text.trim().length > 0;

  async function say(): Promise<void> {
    if (!canSay) return;
    if (await onSpeak(text.trim(), fromLine ?? undefined)) {
      setText('');
      setFromLine(null);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    void say();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void say();
    }
  }

  return (
    <section className="panel speak" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('actor.suggestions.heading')}</h2>
      {/* The caller's last words: said, they end the call (the engine's `closing`). */}
      {view.closing ? <p className="suggestions__closing">{t('actor.suggestions.closing')}</p> : null}
      {view.suggestions.length === 0 ? <p className="muted">{t('actor.suggestions.none')}</p> : null}
      <ul className="suggestions__list">
        {view.suggestions.map((suggestion) => (
          <li key={suggestion.line} className="suggestion">
            <p className="suggestion__text" id={`${headingId}-${suggestion.line}`}>
              {/* How to say it (the line's stage direction: « souffle », « la voix tremble »), in
                  italics as the transcripts show it, entry.direction. */}
              {suggestion.direction ? (
                <>
                  <i className="suggestion__direction">
                    <ScenarioText>{t('entry.direction', { direction: suggestion.direction })}</ScenarioText>
                  </i>{' '}
                </>
              ) : null}
              <ScenarioText>{suggestion.text}</ScenarioText>
            </p>
            <div className="controls__row">
              <button
                type="button"
                disabled={!enabled}
                onClick={() => void onSpeak(suggestion.text, suggestion.line)}
                aria-describedby={`${headingId}-${suggestion.line}`}
              >
                {t('actor.suggestions.say')}
              </button>
              <button
                type="button"
                className="button--secondary"
                onClick={() => {
                  setText(suggestion.text);
                  setFromLine(suggestion.line);
                  fieldRef.current?.focus();
                }}
                aria-describedby={`${headingId}-${suggestion.line}`}
              >
                {t('actor.suggestions.adapt')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <form className="text-form" onSubmit={onSubmit}>
        <label htmlFor={fieldId} className="text-form__label">
          {t('actor.speak.label')}
        </label>
        <textarea
          ref={fieldRef}
          id={fieldId}
          aria-describedby={hintId}
          value={text}
          maxLength={MAX_TEXT_LENGTH}
          rows={3}
          disabled={!enabled}
          onChange={(event) => {
            setText(event.target.value);
            if (event.target.value.trim() === '') setFromLine(null);
          }}
          onKeyDown={onKeyDown}
        />
        <p id={hintId} className="hint">
          {t('actor.speak.hint')}
        </p>
        <button type="submit" disabled={!canSay}>
          {t('actor.speak.submit')}
        </button>
      </form>
    </section>
  );
}
