import { useId, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { ClassMessage } from '@ecoute/protocol';
import { formatTime } from '../i18n/formatDate.js';
import { useI18n } from '../i18n/index.js';
import { focusQuietly } from '../ui/useFocusRescue.js';
import { useStickyHeight } from '../ui/useStickyHeight.js';
import { isClassCall, useClassMessage } from './useClassMessage.js';
import './join.css';

/**
 * On a call page of a group session (listener, observer, caller actor) opened from the group
 * session page: the trainer's message to the class, as it arrives during the call
 * (`useClassMessage`). Not in the transcript — it is not part of the call.
 */
export function ClassMessages() {
  const { sessionId } = useParams();
  const message = useClassMessage(sessionId);
  return isClassCall(sessionId) ? <ClassMessageNotice message={message} /> : null;
}

/**
 * The trainer's last message (classroom.message.heading), who sent it and when, in a polite
 * live region present before anything arrives (so that it is said when it comes); hidden with
 * classroom.message.dismiss until the next one.
 */
export function ClassMessageNotice({ message }: { message: ClassMessage | null }) {
  const { t } = useI18n();
  const headingId = useId();
  const box = useRef<HTMLDivElement>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const keyOf = (m: ClassMessage) => `${m.at}|${m.text}`;
  const shown = message && dismissed !== keyOf(message) ? message : null;
  // In sight under the call status bar as the page scrolls (a learner on a phone is down in her
  // transcript when it comes: join.css); its height kept free above a focused control.
  useStickyHeight(box, '--class-message-height', shown !== null);

  const dismiss = (m: ClassMessage) => {
    // The button goes with the message: the focus goes to the page's heading, just above, not
    // to the next control of the page (the phone's pick-up, pressed by a second Enter).
    const heading = box.current?.closest('.role-page')?.querySelector<HTMLElement>('h1');
    if (heading) focusQuietly(heading);
    setDismissed(keyOf(m));
  };

  return (
    <div ref={box} className={shown ? 'class-message class-message--shown' : 'class-message'}>
      <div role="status" aria-live="polite">
        {shown ? (
          <section aria-labelledby={headingId}>
            <h2 id={headingId} className="class-message__heading">
              {t('classroom.message.heading')}
            </h2>
            <p className="class-message__sent">
              {t('classroom.message.sent', { name: shown.from, time: formatTime(t, shown.at) })}
            </p>
            <p className="class-message__text">{shown.text}</p>
          </section>
        ) : null}
      </div>
      {shown ? (
        <button type="button" className="button--secondary" onClick={() => dismiss(shown)}>
          {t('classroom.message.dismiss')}
        </button>
      ) : null}
    </div>
  );
}
