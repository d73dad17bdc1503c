// An administrator's first steps, on the home page under its pitch: after the first setup the
// administrator landed on a session form with no word of what an organisation needs first. Each
// step a link to its page, `account.firstSteps.done` once the organisation shows it done (a call played to
// its end, another member or an invitation, a group session, a badge, a platform registered; the library once its page was
// opened in this browser, by whatever way, or once the organisation has a call of its own in it);
// the list goes when every step is done or when `account.firstSteps.dismiss` hides it (kept per account in
// this browser, `firstStepsStore.ts`). Hidden, it leaves `account.firstSteps.show` in its place: the
// list comes back, every step done or not, the focus on its heading.
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { AccountMe } from '@ecoute/protocol';
import { pluralForm, useI18n, type MessageKey } from '../i18n/index.js';
import { focusQuietly } from '../ui/useFocusRescue.js';
import { accountApi } from './accountApi.js';
import { badgesApi } from '../badges/badgesApi.js';
import { classroomApi } from '../classroom/classroomApi.js';
import { ltiApi } from '../lti/ltiApi.js';
import { libraryApi } from '../library/libraryApi.js';
import { httpSessionsApi } from '../sessions/sessionsApi.js';
import { keepFirstSteps, readFirstSteps, type FirstStepsMemory } from './firstStepsStore.js';
import './firstSteps.css';

/** What tells a step done: the organisation's own answers. */
export const firstStepsApi = {
  organization: accountApi.organization,
  classes: classroomApi.list,
  badges: badgesApi.definitions,
  lti: ltiApi.registration,
  library: libraryApi.list,
  sessions: () => httpSessionsApi.list({}),
};
export type FirstStepsApi = typeof firstStepsApi;

type StepId = 'play' | 'invite' | 'library' | 'class' | 'badge' | 'lti';

interface Step {
  id: StepId;
  to: string;
  label: MessageKey;
  hint: MessageKey;
}

/** In the order a new organisation needs them. The organisation page's sections by their heading's id. */
const STEPS: readonly Step[] = [
  // The home page's own form, under the list (`HomePage` focuses its heading).
  {
    id: 'play',
    to: '/#new-session-heading',
    label: 'account.firstSteps.play',
    hint: 'account.firstSteps.playHint',
  },
  {
    id: 'invite',
    to: '/organisation#invite-heading',
    label: 'account.firstSteps.invite',
    hint: 'account.firstSteps.inviteHint',
  },
  {
    id: 'library',
    to: '/bibliotheque',
    label: 'account.firstSteps.library',
    hint: 'account.firstSteps.libraryHint',
  },
  { id: 'class', to: '/classes', label: 'account.firstSteps.class', hint: 'account.firstSteps.classHint' },
  { id: 'badge', to: '/badges', label: 'account.firstSteps.badge', hint: 'account.firstSteps.badgeHint' },
  {
    id: 'lti',
    to: '/organisation#lti-heading',
    label: 'account.firstSteps.lti',
    hint: 'account.firstSteps.ltiHint',
  },
];

type Done = Record<StepId, boolean>;

export function FirstSteps({ me, api = firstStepsApi }: { me: AccountMe; api?: FirstStepsApi }) {
  const { t, lang } = useI18n();
  const [memory, setMemory] = useState<FirstStepsMemory>(() => readFirstSteps(me.userId));
  const [done, setDone] = useState<Done | null>(null);
  // Shown again on request: even with every step done (the administrator asked for it).
  const [asked, setAsked] = useState(false);
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);

  useEffect(() => {
    if (memory.hidden) return;
    let current = true;
    // A refused or failed answer leaves its step to do: never `account.firstSteps.done` on a guess.
    void Promise.all([
      api.organization(),
      api.classes(),
      api.badges(),
      api.lti(),
      api.library(),
      api.sessions(),
    ]).then(([organization, classes, badges, lti, library, sessions]) => {
      if (!current) return;
      setDone({
        // A call played to its end, by anyone of the organisation: the console was seen at work.
        play: sessions.ok && sessions.data.some((session) => session.status === 'ended'),
        invite:
          organization.ok &&
          (organization.data.members.length > 1 || organization.data.invitations.length > 0),
        class: classes.ok && classes.data.length > 0,
        badge: badges.ok && badges.data.badges.length > 0,
        lti: lti.ok && lti.data.platforms.length > 0,
        // A call written, imported or duplicated: the library was browsed, in another browser maybe.
        library: library.ok && library.data.some((call) => !call.builtIn),
      });
    });
    return () => {
      current = false;
    };
  }, [api, memory.hidden]);

  // Shown again: the focus to the list's heading once it is there (its button has gone).
  useEffect(() => {
    if (!focusHeading.current || memory.hidden || done === null || !heading.current) return;
    focusHeading.current = false;
    focusQuietly(heading.current);
  }, [memory.hidden, done]);

  function remember(next: FirstStepsMemory): void {
    keepFirstSteps(me.userId, next);
    setMemory(next);
  }

  function show(): void {
    focusHeading.current = true;
    setAsked(true);
    remember({ ...memory, hidden: false });
  }

  // Hidden — or shown again, its steps on their way: the button keeps the focus until the list comes.
  if (memory.hidden || (done === null && asked))
    return (
      <p className="first-steps__again">
        <button type="button" className="button--link" onClick={show}>
          {t('account.firstSteps.show')}
        </button>
      </p>
    );
  if (done === null) return null;
  const isDone = (id: StepId): boolean => done[id] || (id === 'library' && memory.library);
  const count = STEPS.filter((step) => isDone(step.id)).length;
  if (count === STEPS.length && !asked) return null;

  function hide(): void {
    // Its button goes with the list: the focus to the page's title, where the page starts.
    const title = section.current?.closest('main')?.querySelector<HTMLElement>('h1');
    remember({ ...memory, hidden: true });
    if (title) focusQuietly(title);
  }

  return (
    <section ref={section} className="panel first-steps" aria-labelledby="first-steps-heading">
      <h2 id="first-steps-heading" ref={heading} tabIndex={-1}>
        {t('account.firstSteps.heading')}
      </h2>
      <p>{t('account.firstSteps.intro', { organization: me.organizationName })}</p>
      <p className="first-steps__progress">
        {t(`account.firstSteps.progress.${pluralForm(lang, count)}`, { count, total: STEPS.length })}
      </p>
      <ol className="first-steps__list">
        {STEPS.map((step) => {
          const stepDone = isDone(step.id);
          return (
            <li
              key={step.id}
              className={stepDone ? 'first-steps__step first-steps__step--done' : 'first-steps__step'}
            >
              <Link
                to={step.to}
                onClick={
                  step.id === 'library' && !memory.library
                    ? () => remember({ ...memory, library: true })
                    : undefined
                }
              >
                {t(step.label)}
              </Link>
              {stepDone ? <span className="first-steps__done">{t('account.firstSteps.done')}</span> : null}
              <p className="first-steps__hint">{t(step.hint)}</p>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button--secondary" onClick={hide}>
        {t('account.firstSteps.dismiss')}
      </button>
    </section>
  );
}
