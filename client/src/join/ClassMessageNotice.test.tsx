// The trainer's message to the class on a learner's call page of a group session: said in a
// polite live region as the trainer's (who, when), apart from the transcript, dismissible. It
// reached only the group session page, which the learner had left for her call.
import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { ClassMessage } from '@ecoute/protocol';
import { CallerActorPage } from '../callerActor/CallerActorPage.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import { formatTime } from '../i18n/formatDate.js';
import type { MessageKey } from '../i18n/fr.js';
import { I18nProvider } from '../i18n/index.js';
import { ListenerPage } from '../listener/ListenerPage.js';
import { ObserverPage } from '../observer/ObserverPage.js';
import { fakeSession } from '../test/fakeSession.js';
import { callerActorView, inputEntry, lineEntry, listenerView } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { ClassMessageNotice } from './ClassMessageNotice.js';
import { rememberClassReturn } from './classReturn.js';

const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);
const message: ClassMessage = {
  text: 'On arrête dans 2 minutes.',
  at: '2026-12-07T14:32:00.000Z',
  from: 'Dominique',
  round: 1,
};

/** The notice on a page under its heading, before the page's next control. */
function inPage(notice: ReactElement) {
  return (
    <I18nProvider initialLang="fr">
      <div className="role-page">
        <h1>Appel</h1>
        {notice}
        <button type="button">{translate('fr', 'phone.pickup')}</button>
      </div>
    </I18nProvider>
  );
}

afterEach(() => localStorage.clear());

describe('ClassMessageNotice', () => {
  it('says the trainer’s message in a polite live region that was there before it came: who sent it, when', () => {
    const view = render(inPage(<ClassMessageNotice message={null} />));
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');
    view.rerender(inPage(<ClassMessageNotice message={message} />));
    // The same region, now holding the message.
    expect(screen.getByRole('status')).toBe(region);
    within(region).getByRole('heading', { name: fr('classroom.message.heading') });
    within(region).getByText(
      fr('classroom.message.sent', { name: 'Dominique', time: formatTime(fr, message.at) }),
    );
    within(region).getByText('On arrête dans 2 minutes.');
  });

  it('is hidden with its button until the next one, the focus going to the page’s heading', () => {
    const view = render(inPage(<ClassMessageNotice message={message} />));
    const hide = screen.getByRole('button', { name: fr('classroom.message.dismiss') });
    hide.focus();
    fireEvent.click(hide);
    expect(screen.queryByText('On arrête dans 2 minutes.')).toBeNull();
    expect(screen.queryByRole('button', { name: fr('classroom.message.dismiss') })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
    // The same message again (a reconnection's) stays hidden; the next one shows.
    view.rerender(inPage(<ClassMessageNotice message={{ ...message }} />));
    expect(screen.queryByText('On arrête dans 2 minutes.')).toBeNull();
    view.rerender(
      inPage(
        <ClassMessageNotice message={{ ...message, text: 'On reprend.', at: '2026-12-07T14:40:00.000Z' }} />,
      ),
    );
    within(screen.getByRole('status')).getByText('On reprend.');
  });
});

describe('the call pages of a group session', () => {
  const entries = [inputEntry(1, { kind: 'pickup' }), lineEntry(2, 'Allô ?')];
  const pages: [string, () => ReactElement, 'listener' | 'observer' | 'callerActor'][] = [
    ['listener', () => <ListenerPage />, 'listener'],
    ['observer', () => <ObserverPage />, 'observer'],
    ['callerActor', () => <CallerActorPage />, 'callerActor'],
  ];
  const renderPage = (role: 'listener' | 'observer' | 'callerActor', page: ReactElement) =>
    renderWithSession(page, {
      session: fakeSession({
        view:
          role === 'callerActor'
            ? callerActorView({ phase: 'connected' })
            : listenerView({ role, phase: 'connected' }),
        entries,
      }),
      route: { path: `/${role}/:sessionId`, url: `/${role}/s1` },
    });

  for (const [name, page, role] of pages) {
    it(`${name}: holds the trainer's messages' live region when opened from the group session page, outside the transcript`, () => {
      rememberClassReturn(`/${role}/s1#k=token`, '/classe?code=AB12CD', 'c1');
      const { container } = renderPage(role, page());
      const region = container.querySelector('.class-message [role="status"]');
      expect(region).not.toBeNull();
      expect(region?.closest('.transcript, [role="log"]')).toBeNull();
    });

    it(`${name}: none on a call no group session page opened`, () => {
      const { container } = renderPage(role, page());
      expect(container.querySelector('.class-message')).toBeNull();
    });
  }
});
