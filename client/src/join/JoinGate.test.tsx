import { afterEach, describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { MAX_NAME_LENGTH, type AccountMe } from '@ecoute/protocol';
import { I18nProvider } from '../i18n/index.js';
import { SessionContext, type Session } from '../socket/index.js';
import { fakeSession } from '../test/fakeSession.js';
import { listenerView, trainerView } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { HeavyViewsContext } from '../ui/HeavyViews.js';
import { readDisplayName } from './displayName.js';
import { JoinedAs } from './JoinedAs.js';
import { JoinGate } from './JoinGate.js';
import { readLinkName, type LinkName } from './linkName.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// What a learner reads, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);
/** A text as `getByText` reads the page's: its no-break spaces as plain ones. */
const plain = (text: string) => text.replace(/\s+/g, ' ');

afterEach(() => localStorage.clear());

function Page() {
  return (
    <div className="role-page">
      <h1>{'La page'}</h1>
      <JoinedAs />
    </div>
  );
}

function gate(given: LinkName | null = null) {
  return (
    <JoinGate role="listener" sessionId="s1" given={given}>
      <Page />
    </JoinGate>
  );
}

describe('JoinGate', () => {
  it('asks a name first, remembers it for this session and role, and joins under it', async () => {
    const session = fakeSession({ view: listenerView() });
    renderWithSession(gate(), { session });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      fr('join.title', { role: fr('role.listener') }),
    );
    const field = screen.getByRole('textbox', { name: fr('join.label') });
    expect(document.activeElement).toBe(field);
    expect(session.sent).toEqual([]);
    fireEvent.change(field, { target: { value: '  Camille ' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('join.submit') }));
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('La page');
    // The form is gone: focus is on the page's title, not dropped to <body> (WCAG 2.4.3).
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
    expect(screen.getByText(plain(fr('join.as', { name: 'Camille' })))).not.toBeNull();
    expect(session.sent).toEqual([{ kind: 'join', name: 'Camille' }]);
    expect(readDisplayName('s1', 'listener')).toBe('Camille');
    expect(readDisplayName('s1', 'trainer')).toBeNull();
  });

  it('names the call the link opens (its title, never its id; its version to the trainer only) and the role taken there', () => {
    const session = fakeSession({ view: listenerView() });
    renderWithSession(gate(), { session });
    const terms = screen.getAllByRole('term').map((term) => term.textContent);
    const definitions = screen.getAllByRole('definition').map((definition) => definition.textContent);
    expect(terms).toEqual([fr('join.call'), fr('join.role')]);
    expect(definitions).toEqual(['Nuit blanche', `${fr('role.listener')} ${fr('join.does.listener')}`]);
    expect(document.body.textContent).not.toContain('nuit-blanche');
  });

  it('holds the call’s place, busy, until the first sync names it: the form does not move under the typing', () => {
    let setSession: (session: Session) => void = () => undefined;
    function Host() {
      const [session, set] = useState<Session>(fakeSession({ view: null, status: 'connecting' }));
      setSession = set;
      return <SessionContext value={session}>{gate()}</SessionContext>;
    }
    renderWithSession(<Host />);
    const field = screen.getByRole<HTMLInputElement>('textbox', { name: fr('join.label') });
    // Before the sync: the same block, the call's title said to be loading, its definition busy.
    expect(screen.getAllByRole('term').map((term) => term.textContent)).toEqual([
      fr('join.call'),
      fr('join.role'),
    ]);
    const callPlace = screen.getAllByRole('definition')[0]!;
    expect(callPlace.textContent).toBe(fr('join.callLoading'));
    expect(callPlace.getAttribute('aria-busy')).toBe('true');
    expect(callPlace.compareDocumentPosition(field) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // « Connexion… », gone once connected, under the form: it does not move the form either.
    const connecting = screen.getByText(fr('session.connecting'));
    expect(field.compareDocumentPosition(connecting) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    fireEvent.change(field, { target: { value: 'Cam' } });
    act(() => setSession(fakeSession({ view: listenerView() })));
    // Named in place: the same field, still focused, with what was typed.
    expect(screen.getAllByRole('definition')[0]).toBe(callPlace);
    expect(callPlace.textContent).toBe('Nuit blanche');
    expect(callPlace.hasAttribute('aria-busy')).toBe(false);
    expect(screen.getByRole('textbox', { name: fr('join.label') })).toBe(field);
    expect(document.activeElement).toBe(field);
    expect(field.value).toBe('Cam');
  });

  it('joins a signed-in trainer under their account name, and asks a signed-out one', async () => {
    const signedIn = {
      me: () => Promise.resolve({ ok: true as const, data: { name: 'Claire' } as AccountMe }),
    };
    const session = fakeSession({ view: trainerView() });
    const { unmount } = renderWithSession(
      <JoinGate role="trainer" sessionId="s1" account={signedIn}>
        <Page />
      </JoinGate>,
      { session },
    );
    await act(async () => {
      await Promise.resolve();
    });
    expect(screen.queryByRole('textbox', { name: fr('join.label') })).toBeNull();
    expect(screen.getByText(plain(fr('join.as', { name: 'Claire' })))).not.toBeNull();
    expect(session.sent).toEqual([{ kind: 'join', name: 'Claire' }]);
    expect(readDisplayName('s1', 'trainer')).toBe('Claire');
    unmount();
    localStorage.clear();

    const signedOut = {
      me: () => Promise.resolve({ ok: false as const, code: 'auth/sign_in_required' }),
    };
    renderWithSession(
      <JoinGate role="trainer" sessionId="s1" account={signedOut}>
        <Page />
      </JoinGate>,
      { session: fakeSession({ view: trainerView() }) },
    );
    await act(async () => {
      await Promise.resolve();
    });
    expect(screen.getByRole('textbox', { name: fr('join.label') })).not.toBeNull();
    // The trainer, who publishes versions, reads the one the link plays.
    expect(screen.getAllByRole('definition')[0]!.textContent).toBe(
      `Nuit blanche ${fr('join.version', { version: 1 })}`,
    );
  });

  it('joins again without asking after a reload, and again after each reconnection', async () => {
    localStorage.setItem('ecoute.name.s1.listener', 'Camille');
    const connected = fakeSession({ view: listenerView() });
    const { rerender } = renderWithSession(gate(), { session: connected });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('La page');
    expect(connected.sent).toEqual([{ kind: 'join', name: 'Camille' }]);

    // The socket drops and comes back: a new connection joins again.
    const sent = connected.sent;
    const reconnecting: Session = { ...connected, status: 'connecting' };
    const back: Session = { ...connected, status: 'connected', view: listenerView({ t: 90_000 }) };
    await act(async () => rerender(wrap({ ...connected, view: listenerView({ t: 70_000 }) })));
    expect(sent).toHaveLength(1);
    await act(async () => rerender(wrap(reconnecting)));
    await act(async () => rerender(wrap(back)));
    expect(sent).toEqual([
      { kind: 'join', name: 'Camille' },
      { kind: 'join', name: 'Camille' },
    ]);
  });

  it('asks nothing when the link is refused or opens another role: the page says why', () => {
    const refused = fakeSession({ status: 'error', errorCode: 'auth/invalid_token' });
    const { unmount } = renderWithSession(gate(), { session: refused });
    expect(screen.queryByRole('textbox')).toBeNull();
    unmount();
    const other = fakeSession({ view: trainerView() });
    renderWithSession(gate(), { session: other });
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(other.sent).toEqual([]);
  });

  it('stops the name at the server’s limit while it is typed, on every role’s page (it was cut after, without a word)', async () => {
    const signedOut = { me: () => Promise.resolve({ ok: false as const, code: 'auth/sign_in_required' }) };
    for (const [role, view] of [
      ['listener', listenerView()],
      ['observer', listenerView({ role: 'observer' })],
      ['trainer', trainerView()],
    ] as const) {
      const { unmount } = renderWithSession(
        <JoinGate role={role} sessionId="s1" account={signedOut}>
          <Page />
        </JoinGate>,
        { session: fakeSession({ view }) },
      );
      await act(async () => {
        await Promise.resolve();
      });
      const field = screen.getByRole<HTMLInputElement>('textbox', { name: fr('join.label') });
      expect({ role, maxLength: field.maxLength }).toEqual({ role, maxLength: MAX_NAME_LENGTH });
      unmount();
    }
  });

  it('lets the person change their name', async () => {
    localStorage.setItem('ecoute.name.s1.listener', 'Camille');
    const session = fakeSession({ view: listenerView() });
    renderWithSession(gate(), { session });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('join.rename') }));
    });
    const field = screen.getByRole<HTMLInputElement>('textbox', { name: fr('join.label') });
    expect(field.value).toBe('Camille');
    expect(field.maxLength).toBe(MAX_NAME_LENGTH);
    fireEvent.change(field, { target: { value: 'Cam' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('join.submit') }));
    });
    expect(session.sent).toEqual([
      { kind: 'join', name: 'Camille' },
      { kind: 'join', name: 'Cam' },
    ]);
  });
});

describe('JoinGate with a name the link gives (an LTI launch)', () => {
  it('does not ask: the page joins under the platform’s name and keeps it', () => {
    const session = fakeSession({ view: listenerView() });
    renderWithSession(gate({ name: 'Camille', pseudonym: false }), { session });
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('La page');
    expect(screen.getByText(plain(fr('join.as', { name: 'Camille' })))).not.toBeNull();
    expect(screen.queryByText(/pseudonyme vous a été attribué/)).toBeNull();
    expect(session.sent).toEqual([{ kind: 'join', name: 'Camille' }]);
    expect(readDisplayName('s1', 'listener')).toBe('Camille');
  });

  it('says a pseudonym was given and lets the learner change it', async () => {
    const session = fakeSession({ view: listenerView() });
    renderWithSession(gate({ name: 'Mésange 42', pseudonym: true }), { session });
    expect(screen.getByText(plain(fr('join.as', { name: 'Mésange 42' })))).not.toBeNull();
    expect(screen.getByText(/Ce pseudonyme vous a été attribué/)).not.toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('join.rename') }));
    });
    const field = screen.getByRole<HTMLInputElement>('textbox', { name: fr('join.label') });
    expect(field.value).toBe('Mésange 42');
    fireEvent.change(field, { target: { value: 'Sam' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('join.submit') }));
    });
    expect(screen.queryByText(/Ce pseudonyme vous a été attribué/)).toBeNull();
    expect(session.sent).toEqual([
      { kind: 'join', name: 'Mésange 42' },
      { kind: 'join', name: 'Sam' },
    ]);
    expect(readDisplayName('s1', 'listener')).toBe('Sam');
  });

  it('keeps the name the person chose earlier on this page over the given one', () => {
    localStorage.setItem('ecoute.name.s1.listener', 'Sam');
    const session = fakeSession({ view: listenerView() });
    renderWithSession(gate({ name: 'Mésange 42', pseudonym: true }), { session });
    expect(session.sent).toEqual([{ kind: 'join', name: 'Sam' }]);
  });

  it('reads the name from the fragment, cut to the names’ limit; none without `n`', () => {
    expect(readLinkName('#k=abc&n=Camille')).toEqual({ name: 'Camille', pseudonym: false });
    expect(readLinkName('#k=abc&n=M%C3%A9sange%2042&p=1')).toEqual({ name: 'Mésange 42', pseudonym: true });
    expect(readLinkName(`#k=abc&n=${'x'.repeat(80)}`)?.name).toHaveLength(MAX_NAME_LENGTH);
    expect(readLinkName('#k=abc')).toBeNull();
    expect(readLinkName('#k=abc&n=%20%20')).toBeNull();
  });
});

// The same tree as `renderWithSession` builds, for rerendering with another session.
function wrap(session: Session) {
  return (
    <I18nProvider initialLang="fr">
      <MemoryRouter>
        <HeavyViewsContext value={false}>
          <SessionContext value={session}>{gate()}</SessionContext>
        </HeavyViewsContext>
      </MemoryRouter>
    </I18nProvider>
  );
}
