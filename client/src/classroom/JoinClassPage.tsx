// `/classe?code=…`: a learner joins a group session with its code and a pseudonym (no account),
// then waits on this page: their role and link arrive with each round, and the trainer's
// messages in a live region; once their call ended, how it ended (from the server: the same after
// a reload), the listener's debrief and the next round to come. The learner token is kept in this
// browser for the class.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import {
  ErrorCode,
  MAX_NAME_LENGTH,
  roleLinkOf,
  type ClassJoined,
  type ClassMessage,
  type LearnerAssignment,
} from '@ecoute/protocol';
import { formatTime } from '../i18n/formatDate.js';
import { useI18n } from '../i18n/index.js';
import { connectClassroom } from '../socket/classroomSocket.js';
import { rememberClassReturn } from '../join/classReturn.js';
import { saveDisplayName } from '../join/displayName.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { classroomApi } from './classroomApi.js';
import { joinHeading } from './joinHeading.js';
import { LearnerAssignmentPanel } from './LearnerAssignmentPanel.js';
import { forgetPlace, keepPlace, savedPlace } from './learnerPlace.js';
import './classroom.css';

export function JoinClassPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const [pseudonym, setPseudonym] = useState('');
  const [joined, setJoined] = useState<ClassJoined | null>(() => savedPlace());
  const [assignment, setAssignment] = useState<LearnerAssignment | null>(null);
  const [messages, setMessages] = useState<ClassMessage[]>([]);
  const [error, setError] = useState<string | null>(null);
  // The heading (and the tab's title) follow the step: joining, waiting for a role, role given.
  const heading = joinHeading(t, joined, assignment);
  useDocumentTitle(heading);
  const errorId = useId();
  const codeId = useId();
  const pseudonymId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Set by a join from the form: the form goes, the focus goes to the heading that replaced it
  // (`classroom.join.heading.waiting`) — not back to the page's top (it was lost on the body).
  const focusHeading = useRef(false);
  useEffect(() => {
    if (!joined || !focusHeading.current) return;
    focusHeading.current = false;
    headingRef.current?.focus();
  }, [joined]);

  useEffect(() => {
    if (!joined) return;
    const connection = connectClassroom(
      { classId: joined.classId, learnerToken: joined.token },
      {
        assignment: (a) => {
          setAssignment(a);
          // The role page asks a display name: it is the pseudonym already given.
          if (a) {
            const called = roleLinkOf(a.link);
            if (called) saveDisplayName(called.sessionId, called.role, joined.pseudonym);
            // The call link (classroom.join.open) leaves this page: the call page links back here at its end.
            rememberClassReturn(
              a.link,
              `${window.location.pathname}${window.location.search}`,
              joined.classId,
            );
          }
        },
        // The round's last message comes again on a reconnection: kept once.
        message: (m) =>
          setMessages((all) => (all.some((o) => o.at === m.at && o.text === m.text) ? all : [...all, m])),
        status: (s) => {
          if (typeof s === 'object') {
            setError(s.failed);
            // A token that opens nothing (wrong, erased), whose place was taken back from another
            // device, or freed by the trainer: the form again — for the latter two with the
            // pseudonym, to take the place back here in one click (refused while the other
            // device's page is open).
            const retired = s.failed === ErrorCode.ClassTakenOver || s.failed === ErrorCode.ClassPlaceFreed;
            if (s.failed === ErrorCode.ClassJoinInvalid || retired) {
              forgetPlace();
              if (retired) setPseudonym(joined.pseudonym);
              setJoined(null);
            }
          } else if (s === 'connected') setError(null);
        },
      },
    );
    return () => connection.close();
  }, [joined]);

  const join = async (event: FormEvent) => {
    event.preventDefault();
    // What a previous try said goes: a refusal read again would seem to be this try's.
    setError(null);
    const result = await classroomApi.join(code, pseudonym);
    if (!result.ok) return setError(result.code);
    keepPlace(result.data);
    focusHeading.current = true;
    setJoined(result.data);
  };

  return (
    <div className="classroom classroom-join">
      <h1 ref={headingRef} tabIndex={-1}>
        {heading}
      </h1>
      <ErrorAlert code={error} id={errorId} />
      {!joined ? (
        <form className="form-stack" onSubmit={(e) => void join(e)}>
          <div className="form-field">
            <label htmlFor={codeId}>{t('classroom.join.code')}</label>
            <input
              id={codeId}
              required
              autoCapitalize="characters"
              autoComplete="off"
              maxLength={6}
              value={code}
              aria-describedby={error ? errorId : undefined}
              onChange={(e) => setCode(e.target.value)}
            />
          </div>
          <div className="form-field">
            <label htmlFor={pseudonymId}>{t('classroom.join.pseudonym')}</label>
            <input
              id={pseudonymId}
              required
              // The server's limit (`classJoinSchema`): typing stops there, in sight.
              maxLength={MAX_NAME_LENGTH}
              value={pseudonym}
              aria-describedby={error ? errorId : undefined}
              onChange={(e) => setPseudonym(e.target.value)}
            />
          </div>
          <button type="submit">{t('classroom.join.submit')}</button>
        </form>
      ) : (
        <section aria-live="polite" className="classroom-assignment">
          {assignment ? (
            <LearnerAssignmentPanel assignment={assignment} />
          ) : (
            <p>{t('classroom.join.waiting', { name: joined.pseudonym })}</p>
          )}
        </section>
      )}
      {messages.length > 0 && (
        <section aria-labelledby="class-messages">
          <h2 id="class-messages">{t('classroom.join.messages')}</h2>
          <ul role="log" aria-live="polite" className="classroom-messages">
            {messages.map((m) => (
              <li key={m.at + m.text}>
                <span className="classroom-messages__text">{m.text}</span>{' '}
                <span className="classroom-messages__sent">
                  {t('classroom.message.sent', { name: m.from, time: formatTime(t, m.at) })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
