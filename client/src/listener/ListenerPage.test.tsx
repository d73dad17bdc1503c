import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { fakeSession } from '../test/fakeSession.js';
import { inputEntry, lineEntry, listenerView, observationEntry, trainerView } from '../test/fixtures.js';
import { renderLive, renderWithSession } from '../test/renderWithSession.js';
import { FakeSpeechSynthesis, fakeVoice } from '../test/fakeSpeech.js';
import { useState } from 'react';
import { SessionContext, type Session } from '../socket/index.js';
import { ListenerPage } from './ListenerPage.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// What the listener reads, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);
/** A text as `getByText` reads the page's: its no-break spaces as plain ones. */
const plain = (text: string) => text.replace(/\s+/g, ' ');

function button(name: string): HTMLButtonElement {
  return screen.getByRole('button', { name });
}

async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(element);
  });
}

const inCall = [
  inputEntry(1, { kind: 'pickup' }, 'listener', 2_000),
  lineEntry(2, 'Allô ?', { cue: 'sigh' }),
];

describe('ListenerPage', () => {
  it('rings, and picks up with « Décrocher »', async () => {
    const session = fakeSession({ view: listenerView({ phase: 'ringing', moves: [] }) });
    renderWithSession(<ListenerPage />, { session });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Écoutant·e — Nuit blanche');
    expect(screen.getByText(fr('phone.ringing'))).not.toBeNull();
    expect(screen.queryByRole('button', { name: fr('shortcuts.hangup') })).toBeNull();
    await click(button(fr('shortcuts.pickup')));
    expect(session.sent).toEqual([{ kind: 'pickup' }]);
  });

  it('shows the answers once the call is picked up, the focus on their heading (a phone showed the phone alone)', async () => {
    // The pick-up's effect drawn before its ack, after it, or the pick-up refused.
    for (const order of ['effect first', 'ack first', 'refused'] as const) {
      let setSession: (session: Session) => void = () => undefined;
      const connected = () => fakeSession({ view: listenerView(), entries: inCall });
      const ringing = fakeSession({
        view: listenerView({ phase: 'ringing', moves: [] }),
        ack: () => {
          if (order === 'refused') return { ok: false, code: 'session/paused', message: '' };
          if (order === 'effect first') setSession(connected());
          return { ok: true, seq: 1 };
        },
      });
      function Host() {
        const [session, set] = useState<Session>(ringing);
        setSession = set;
        return (
          <SessionContext value={session}>
            <ListenerPage />
          </SessionContext>
        );
      }
      const { container, unmount } = renderWithSession(<Host />);
      const shown = () => container.querySelector('[data-phone-view]')?.getAttribute('data-phone-view');
      expect(shown()).toBe('call');
      const pick = button(fr('shortcuts.pickup'));
      pick.focus();
      await click(pick);
      if (order === 'ack first') act(() => setSession(connected()));
      if (order === 'refused') {
        // Still ringing, « Décrocher » in sight.
        expect(shown()).toBe('call');
        expect(document.activeElement).toBe(pick);
      } else {
        expect(shown()).toBe('answer');
        expect(button(fr('listener.view.answer')).getAttribute('aria-pressed')).toBe('true');
        expect(document.activeElement).toBe(screen.getByRole('heading', { name: fr('moves.heading') }));
      }
      unmount();
    }
  });

  /** A console that rings, and is in call once the pick-up is acknowledged (its effect drawn first). */
  function ringingConsole(mode: 'guided' | 'free_speech' = 'guided') {
    let setSession: (session: Session) => void = () => undefined;
    const ringing = fakeSession({
      view: listenerView({ phase: 'ringing', moves: [], mode }),
      ack: () => {
        setSession(fakeSession({ view: listenerView({ mode }), entries: inCall }));
        return { ok: true, seq: 1 };
      },
    });
    function Host() {
      const [session, set] = useState<Session>(ringing);
      setSession = set;
      return (
        <SessionContext value={session}>
          <ListenerPage />
        </SessionContext>
      );
    }
    return renderWithSession(<Host />);
  }

  /**
   * « Décrocher » focused, then pressed: Alt+C, Enter (a click with no pointer: its `detail` is 0)
   * or a pointer's click (its `detail` counts its clicks).
   */
  async function pickUpBy(how: 'Alt+C' | 'Enter' | 'click'): Promise<void> {
    const pick = button(fr('shortcuts.pickup'));
    pick.focus();
    await act(async () => {
      if (how === 'Alt+C') fireEvent.keyDown(pick, { code: 'KeyC', key: 'c', altKey: true });
      else fireEvent.click(pick, { detail: how === 'click' ? 1 : 0 });
    });
  }

  it('picked up with Alt+C from the title, where the join left the focus: the focus goes to the moves’ heading, not left nine Tabs away', async () => {
    const { unmount } = ringingConsole();
    const title = screen.getByRole('heading', { level: 1 });
    title.tabIndex = -1;
    title.focus();
    await act(async () => {
      fireEvent.keyDown(title, { code: 'KeyC', key: 'c', altKey: true });
    });
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: fr('moves.heading') }));
    unmount();
  });

  it('draws the focus ring where a pick-up by keyboard put the focus (Chromium draws none after Alt+C), none after a click or a tap', async () => {
    for (const mode of ['guided', 'free_speech'] as const) {
      for (const how of ['Alt+C', 'Enter', 'click'] as const) {
        const { unmount } = ringingConsole(mode);
        await pickUpBy(how);
        const place =
          mode === 'guided'
            ? screen.getByRole('heading', { name: fr('moves.heading') })
            : how === 'click'
              ? screen.getByRole('heading', { name: fr('transcript.heading') })
              : screen.getByRole('textbox', { name: fr('say.label') });
        const focused = document.activeElement as HTMLElement;
        expect({
          mode,
          how,
          there: focused === place,
          ring: focused.hasAttribute('data-focus-ring'),
        }).toEqual({
          mode,
          how,
          there: true,
          ring: how !== 'click',
        });
        // The ring goes with the focus: nothing left drawn once the person moves on.
        act(() => focused.blur());
        expect(focused.hasAttribute('data-focus-ring')).toBe(false);
        unmount();
      }
    }
  });

  it('opens on the answers when the page is loaded (a reload) during a call, as after the pick-up; on the conversation before the pick-up and once the call has ended', () => {
    const ended = listenerView({
      phase: 'ended',
      ending: { ending: 'orientee', outcome: 'good', message: 'Vous avez orienté.', reason: 'scenario' },
    });
    const cases = [
      ['ringing', listenerView({ phase: 'ringing', moves: [] }), [], 'call'],
      ['in call', listenerView(), inCall, 'answer'],
      ['on hold', listenerView({ onHold: true }), inCall, 'answer'],
      ['paused', listenerView({ paused: true }), inCall, 'answer'],
      ['ended', ended, inCall, 'call'],
    ] as const;
    for (const [name, view, entries, expected] of cases) {
      // The page first renders without the call (the sync not there yet), then with it.
      let setSession: (session: Session) => void = () => undefined;
      function Host() {
        const [session, set] = useState<Session>(fakeSession({ status: 'connecting' }));
        setSession = set;
        return (
          <SessionContext value={session}>
            <ListenerPage />
          </SessionContext>
        );
      }
      const { container, unmount } = renderWithSession(<Host />);
      act(() => setSession(fakeSession({ view, entries: [...entries] })));
      const shown = container.querySelector('[data-phone-view]')?.getAttribute('data-phone-view');
      const pressed = screen
        .getAllByRole('button', { pressed: true })
        .filter((toggle) => toggle.closest('nav'))
        .map((toggle) => toggle.textContent);
      expect({ name, shown, pressed }).toEqual({
        name,
        shown: expected,
        pressed: [fr(expected === 'answer' ? 'listener.view.answer' : 'listener.view.call')],
      });
      if (expected === 'answer') {
        // The person's choice then stays, whatever the next updates of the call.
        fireEvent.click(button(fr('listener.view.call')));
        act(() => setSession(fakeSession({ view: { ...view, t: view.t + 1_000 }, entries: [...entries] })));
        expect(container.querySelector('[data-phone-view]')?.getAttribute('data-phone-view')).toBe('call');
      }
      unmount();
    }
  });

  it('puts the phone’s bottom bar after the parts it switches: « Décrocher » comes first from the title', () => {
    const session = fakeSession({ view: listenerView({ phase: 'ringing', moves: [] }) });
    renderWithSession(<ListenerPage />, { session });
    const bar = screen.getByRole('navigation', { name: fr('listener.view.label') });
    const controls = screen.getAllByRole('button').filter((control) => !bar.contains(control));
    const pick = button(fr('shortcuts.pickup'));
    expect(controls).toContain(pick);
    // Every control of the console comes before the bar: it is read, and Tabbed to, last.
    for (const control of controls)
      expect({
        control: control.textContent,
        before: !!(control.compareDocumentPosition(bar) & Node.DOCUMENT_POSITION_FOLLOWING),
      }).toEqual({
        control: control.textContent,
        before: true,
      });
  });

  it('free speech: picked up by keyboard, the focus is in « Ce que je dis »; after a click, on the last lines’ heading (no phone keyboard over them)', async () => {
    for (const how of ['Enter', 'Alt+C', 'click'] as const) {
      const { unmount } = ringingConsole('free_speech');
      await pickUpBy(how);
      const expected =
        how === 'click'
          ? screen.getByRole('heading', { name: fr('transcript.heading') })
          : screen.getByRole('textbox', { name: fr('say.label') });
      expect({ how, focused: document.activeElement }).toEqual({ how, focused: expected });
      unmount();
    }
  });

  it('shows the call: timer, transcript in a live region, moves, « Ce que je dis », « Raccrocher »', async () => {
    const session = fakeSession({ view: listenerView({ t: 65_000 }), entries: inCall });
    renderWithSession(<ListenerPage />, { session });
    expect(screen.getByRole('timer').textContent).toBe('1:03');
    const transcript = screen.getByRole('region', { name: fr('transcript.heading') });
    expect(transcript.querySelector('[role="log"]')?.textContent).toContain('(soupir)');
    await click(button('Reformuler'));
    await click(button(fr('shortcuts.hangup')));
    expect(session.sent).toEqual([{ kind: 'move', move: 'reformuler' }, { kind: 'hangup' }]);
  });

  it('has two live regions at its top, one polite and one assertive, each notice an element in them (six regions there before, five of them empty)', async () => {
    /** The live regions above the console's parts, by role, with what they say. */
    const topRegions = () => {
      const layout = document.querySelector('.role-layout')!;
      return Array.from(document.querySelectorAll('[role="status"], [role="alert"], [aria-live]'))
        .filter((region) => region.getAttribute('aria-live') !== 'off')
        .filter((region) => region.compareDocumentPosition(layout) & Node.DOCUMENT_POSITION_FOLLOWING)
        .map((region) => `${region.getAttribute('role')}: ${region.textContent}`);
    };
    let setSession: (session: Session) => void = () => undefined;
    const refusing = (paused: boolean) =>
      fakeSession({
        view: listenerView({ paused }),
        entries: inCall,
        ack: () => ({ ok: false, code: 'input/rate_limited', message: '' }),
      });
    function Host() {
      const [session, set] = useState<Session>(refusing(false));
      setSession = set;
      return (
        <SessionContext.Provider value={session}>
          <ListenerPage />
        </SessionContext.Provider>
      );
    }
    renderWithSession(<Host />);
    expect(topRegions()).toEqual(['status: ', 'alert: ']);
    // A refused input, then the pause: said by the same two regions, each notice added to one.
    await click(button('Reformuler'));
    act(() => setSession(refusing(true)));
    expect(topRegions()).toEqual([
      `status: ${fr('session.paused')}`,
      `alert: ${fr('error.input/rate_limited')}`,
    ]);
  });

  it('names each keyed control by its label alone, its key given by aria-keyshortcuts as shown beside it', () => {
    const session = fakeSession({ view: listenerView(), entries: inCall });
    renderWithSession(<ListenerPage />, { session });
    const keyed = Array.from(document.querySelectorAll<HTMLElement>('[aria-keyshortcuts]'));
    // The moves, the phone's hold and hang-up, the voice, the sounds, « Ce que je dis », the notes.
    expect(keyed.length).toBeGreaterThanOrEqual(8);
    const alt = `${fr('kbd.alt')}+`;
    for (const control of keyed) {
      const shown = control.closest('li, .phone__buttons > *, .toggle-switch, form')?.querySelector('kbd');
      const key = control.getAttribute('aria-keyshortcuts');
      // The key shown (« Alt+C », « 1 ») is the one given, in aria-keyshortcuts' own words (Alt, Shift).
      expect({ key, shown: shown?.textContent?.replace(alt, 'Alt+') }).toEqual({ key, shown: key });
      // Hidden from the name: a screen reader says the label, then the key from aria-keyshortcuts.
      expect(shown?.getAttribute('aria-hidden')).toBe('true');
    }
    expect(screen.getByRole('button', { name: 'Reformuler' }).getAttribute('aria-keyshortcuts')).toMatch(
      /^\d$/,
    );
    expect(
      screen.getByRole('button', { name: fr('shortcuts.hangup') }).getAttribute('aria-keyshortcuts'),
    ).toBe('Alt+R');
    expect(screen.getByRole('textbox', { name: fr('say.label') }).getAttribute('aria-keyshortcuts')).toBe(
      'Alt+J',
    );
  });

  it('says the typed words with Enter, then clears the field', async () => {
    const session = fakeSession({ view: listenerView(), entries: inCall });
    renderWithSession(<ListenerPage />, { session });
    const field = screen.getByLabelText<HTMLTextAreaElement>(fr('say.label'));
    fireEvent.change(field, { target: { value: '  Je vous écoute.  ' } });
    await act(async () => {
      fireEvent.keyDown(field, { key: 'Enter' });
    });
    expect(session.sent).toEqual([{ kind: 'say', text: 'Je vous écoute.' }]);
    expect(field.value).toBe('');
  });

  it('keeps the words when they are refused, and shows why by code', async () => {
    const session = fakeSession({
      view: listenerView(),
      entries: inCall,
      ack: () => ({ ok: false, code: 'input/rate_limited', message: 'slow down' }),
    });
    renderWithSession(<ListenerPage />, { session });
    const field = screen.getByLabelText<HTMLTextAreaElement>(fr('say.label'));
    fireEvent.change(field, { target: { value: 'Bonjour' } });
    await click(button(fr('say.submit')));
    expect(field.value).toBe('Bonjour');
    const alerts = screen.getAllByRole('alert').map((alert) => alert.textContent);
    expect(alerts).toContain(fr('error.input/rate_limited'));
  });

  it('suspends the controls while the trainer pauses the session', () => {
    const session = fakeSession({ view: listenerView({ paused: true }), entries: inCall });
    renderWithSession(<ListenerPage />, { session });
    expect(screen.getByText(fr('session.paused'))).not.toBeNull();
    expect(button(fr('shortcuts.hangup')).disabled).toBe(true);
    expect(button('Reformuler').disabled).toBe(true);
    expect(screen.getByLabelText<HTMLTextAreaElement>(fr('say.label')).disabled).toBe(true);
  });

  it('shows no paused banner once a paused call has ended', () => {
    const session = fakeSession({ view: listenerView({ paused: true, phase: 'ended' }), entries: inCall });
    renderWithSession(<ListenerPage />, { session });
    // The same view still in call: the banner says the pause (the test above).
    expect(screen.queryByText(fr('session.paused'))).toBeNull();
    expect(screen.queryByText(fr('status.paused'))).toBeNull();
  });

  it('shows the outcome when the call has ended', () => {
    const session = fakeSession({
      view: listenerView({
        phase: 'ended',
        ending: {
          ending: 'orientee',
          outcome: 'good',
          message: 'Vous avez orienté vers le 3114.',
          reason: 'scenario',
        },
      }),
      entries: inCall,
    });
    renderWithSession(<ListenerPage />, { session });
    const outcome = within(screen.getByRole('region', { name: fr('outcome.heading') }));
    expect(outcome.getByText(fr('outcome.good'))).not.toBeNull();
    expect(outcome.getByText('Vous avez orienté vers le 3114.')).not.toBeNull();
    expect(screen.queryByRole('button', { name: fr('shortcuts.hangup') })).toBeNull();
    expect(screen.queryByLabelText(fr('say.label'))).toBeNull();
  });

  it("moves the focus to « Issue de l'appel » when the call ends under a move button or « Raccrocher »", () => {
    const ended = listenerView({
      phase: 'ended',
      ending: { ending: 'orientee', outcome: 'good', message: 'Vous avez orienté.', reason: 'scenario' },
    });
    for (const from of ['Reformuler', 'Raccrocher']) {
      let setSession: (session: Session) => void = () => undefined;
      function Host() {
        const [session, set] = useState<Session>(fakeSession({ view: listenerView(), entries: inCall }));
        setSession = set;
        return (
          <SessionContext value={session}>
            <ListenerPage />
          </SessionContext>
        );
      }
      const { unmount } = renderWithSession(<Host />);
      button(from).focus();
      act(() => setSession(fakeSession({ view: ended, entries: inCall })));
      const heading = screen.getByRole('heading', { name: fr('outcome.heading') });
      // Not the phone's heading above it: the debrief link comes next from here.
      expect(document.activeElement).toBe(heading);
      unmount();
    }
  });

  it('explains a refused connection by its code', () => {
    renderWithSession(<ListenerPage />, {
      session: fakeSession({ status: 'error', errorCode: 'auth/invalid_token' }),
    });
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toContain(
      fr('error.auth/invalid_token'),
    );
  });

  it('says so when the link opens another role', () => {
    renderWithSession(<ListenerPage />, { session: fakeSession({ view: trainerView() }) });
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toContain(
      fr('error.client/wrong_role'),
    );
    expect(screen.queryByRole('button', { name: 'Reformuler' })).toBeNull();
  });

  it('shows « connexion » while connecting, and switches language', () => {
    renderWithSession(<ListenerPage />, { session: fakeSession({ status: 'connecting' }), lang: 'en' });
    expect(screen.getByRole('status').textContent).toBe('Connecting to the session…');
  });
});

describe('ListenerPage — the live console', () => {
  const fakeSounds = () => {
    const calls: string[] = [];
    const create = () => ({
      setRinging: (on: boolean) => void calls.push(`ring ${on}`),
      setHoldMusic: (on: boolean) => void calls.push(`hold ${on}`),
      playCue: (cue: string) => void calls.push(`cue ${cue}`),
      setMuted: (muted: boolean) => void calls.push(`muted ${muted}`),
      isBlocked: () => false,
      onBlockedChange: () => () => undefined,
      dispose: () => void calls.push('dispose'),
    });
    return { calls, create };
  };
  const always = [
    { id: 'alerter_collegue', label: 'Alerter un·e collègue', category: 'action' as const, help: '' },
    { id: 'transferer_3114', label: 'Transférer au 3114', category: 'action' as const, help: '' },
    { id: 'mettre_en_attente', label: 'Mettre en attente (scénario)', category: 'action' as const, help: '' },
  ];

  it('rings while the phone rings, and plays hold music on hold', () => {
    const sounds = fakeSounds();
    const { unmount } = renderWithSession(<ListenerPage createSounds={sounds.create} />, {
      session: fakeSession({ view: listenerView({ phase: 'ringing', moves: [] }) }),
    });
    expect(sounds.calls).toContain('ring true');
    unmount();
    const held = fakeSounds();
    renderWithSession(<ListenerPage createSounds={held.create} />, {
      session: fakeSession({ view: listenerView({ onHold: true }), entries: inCall }),
    });
    expect(held.calls).toContain('hold true');
    expect(held.calls).toContain('ring false');
  });

  it('puts on hold and resumes with the phone button', async () => {
    const session = fakeSession({ view: listenerView(), entries: inCall });
    const { unmount } = renderWithSession(<ListenerPage />, { session });
    await click(button(fr('phone.hold')));
    expect(session.sent).toEqual([{ kind: 'hold' }]);
    unmount();
    const held = fakeSession({ view: listenerView({ onHold: true }), entries: inCall });
    renderWithSession(<ListenerPage />, { session: held });
    expect(screen.getByText(fr('phone.holdNote'))).not.toBeNull();
    await click(button(fr('phone.unhold')));
    expect(held.sent).toEqual([{ kind: 'unhold' }]);
  });

  it('shows the standard actions apart, « Toujours disponibles », hold left to the phone', () => {
    const session = fakeSession({
      view: listenerView({ moves: [...listenerView().moves, ...always] }),
      entries: inCall,
    });
    renderWithSession(<ListenerPage />, { session });
    const group = within(screen.getByRole('group', { name: fr('moves.always') }));
    expect(group.getAllByRole('button').map((b) => b.getAttribute('aria-keyshortcuts'))).toEqual([
      'Alt+L',
      'Alt+N',
    ]);
    expect(screen.queryByRole('button', { name: 'Mettre en attente (scénario)' })).toBeNull();
  });

  it('plays moves and phone actions by their keys, never while typing', async () => {
    const session = fakeSession({
      view: listenerView({ moves: [...listenerView().moves, ...always] }),
      entries: inCall,
    });
    renderWithSession(<ListenerPage />, { session });
    expect(button('Reformuler').getAttribute('aria-keyshortcuts')).toBe('1');
    // A digit acts in the answer area only (focus on a move); Alt keys page-wide.
    const inArea = button('Reformuler');
    inArea.focus();
    for (const key of [
      { code: 'Digit2', key: 'é' },
      { code: 'KeyL', key: 'l', altKey: true },
      { code: 'KeyA', key: 'a', altKey: true },
    ])
      await act(async () => {
        fireEvent.keyDown(key.altKey ? document.body : inArea, key);
      });
    const field = screen.getByRole('textbox', { name: fr('say.label') });
    field.focus();
    await act(async () => {
      fireEvent.keyDown(field, { code: 'Digit1', key: '1' });
    });
    expect(session.sent).toEqual([
      { kind: 'move', move: 'question-ouverte' },
      { kind: 'move', move: 'alerter_collegue' },
      { kind: 'hold' },
    ]);
    // The keys are on screen too.
    expect(screen.getByRole('region', { name: fr('shortcuts.heading') }).textContent).toContain('Alt+C');
  });

  it('says why a key does nothing: a digit past the moves, a standard action not offered now, a phone key out of its moment', async () => {
    const session = fakeSession({
      view: listenerView(),
      entries: inCall,
      labels: {
        moves: { alerter_collegue: 'Alerter un·e collègue' },
        injects: {},
        variables: {},
        states: {},
      },
    });
    renderWithSession(<ListenerPage />, { session });
    const inArea = button('Reformuler');
    inArea.focus();
    const notice = async (target: HTMLElement, key: { code: string; key: string; altKey?: boolean }) => {
      await act(async () => {
        fireEvent.keyDown(target, key);
      });
      const status = document.querySelector('.key-notice');
      expect(status?.closest('[role="status"]')).not.toBeNull();
      // Outside the phone's views: seen and said whichever part of the console a phone shows.
      expect(status?.closest('[data-phone-view]')).toBeNull();
      return status?.textContent;
    };
    // Four moves are shown: 9 is no move's key now.
    expect(await notice(inArea, { code: 'Digit9', key: 'ç' })).toBe(
      fr('shortcuts.unavailable.noMove', { key: 9 }),
    );
    // The call has « Alerter un·e collègue », this step does not offer it.
    expect(await notice(document.body, { code: 'KeyL', key: 'l', altKey: true })).toBe(
      fr('shortcuts.unavailable.move', { move: 'Alerter un·e collègue' }),
    );
    expect(await notice(document.body, { code: 'KeyC', key: 'c', altKey: true })).toBe(
      fr('shortcuts.unavailable.picked'),
    );
    expect(session.sent).toEqual([]);
  });

  it('says where a single key acts when it is pressed outside the answer area (on the title, after the join)', async () => {
    const session = fakeSession({ view: listenerView(), entries: inCall });
    renderWithSession(<ListenerPage />, { session });
    const title = screen.getByRole('heading', { level: 1 });
    title.tabIndex = -1;
    title.focus();
    await act(async () => {
      fireEvent.keyDown(title, { code: 'Digit1', key: '&' });
    });
    const status = document.querySelector('.key-notice');
    expect(status?.closest('[role="status"]')).not.toBeNull();
    expect(status?.textContent).toBe(fr('shortcuts.outsideArea', { key: '1', say: 'Alt+J' }));
    // Nothing acted: the key works only in the area (WCAG 2.1.4).
    expect(session.sent).toEqual([]);
    // A key that does nothing in the area either says its own reason: 9 is no move's now.
    await act(async () => {
      fireEvent.keyDown(title, { code: 'Digit9', key: 'ç' });
    });
    expect(status?.textContent).toBe(fr('shortcuts.unavailable.noMove', { key: '9' }));
    expect(session.sent).toEqual([]);
  });

  it('says that the phone rings when a key of the call is pressed before picking up', async () => {
    const session = fakeSession({ view: listenerView({ phase: 'ringing', moves: [] }) });
    renderWithSession(<ListenerPage />, { session });
    await act(async () => {
      fireEvent.keyDown(document.body, { code: 'KeyR', key: 'r', altKey: true });
    });
    const status = document.querySelector('.key-notice');
    expect(status?.closest('[role="status"]')).not.toBeNull();
    expect(status?.textContent).toBe(fr('shortcuts.unavailable.ringing'));
    expect(session.sent).toEqual([]);
  });

  it('picks up with Alt+C while it rings', async () => {
    const session = fakeSession({ view: listenerView({ phase: 'ringing', moves: [] }) });
    renderWithSession(<ListenerPage />, { session });
    expect(button(fr('shortcuts.pickup')).getAttribute('aria-keyshortcuts')).toBe('Alt+C');
    await act(async () => {
      fireEvent.keyDown(document.body, { code: 'KeyC', key: 'c', altKey: true });
    });
    expect(session.sent).toEqual([{ kind: 'pickup' }]);
  });

  it('records private notes, shared or not, and lists them apart from the transcript', async () => {
    const notes = [
      ...inCall,
      inputEntry(3, { kind: 'note', text: 'Il a une fille, Léa', shared: false }),
      inputEntry(4, { kind: 'note', text: 'Demander le lieu', shared: true }),
    ];
    const session = fakeSession({ view: listenerView(), entries: notes });
    renderWithSession(<ListenerPage />, { session });
    const pad = within(screen.getByRole('region', { name: fr('notes.heading') }));
    expect(pad.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringContaining(fr('notes.private')),
      expect.stringContaining(fr('notes.shared')),
    ]);
    expect(within(screen.getByRole('log')).queryByText(/Léa/)).toBeNull();
    fireEvent.change(pad.getByRole('textbox', { name: fr('notes.label') }), {
      target: { value: 'Voix fatiguée' },
    });
    await click(pad.getByRole('button', { name: fr('notes.submit') }));
    fireEvent.click(pad.getByRole('switch', { name: fr('notes.share') }));
    fireEvent.change(pad.getByRole('textbox', { name: fr('notes.label') }), {
      target: { value: 'Pense au 3114' },
    });
    await click(pad.getByRole('button', { name: fr('notes.submit') }));
    expect(session.sent).toEqual([
      { kind: 'note', text: 'Voix fatiguée', shared: false },
      { kind: 'note', text: 'Pense au 3114', shared: true },
    ]);
  });

  it('shows a whisper apart, marked as not heard by the caller', () => {
    const entries = [...inCall, inputEntry(3, { kind: 'whisper', text: 'Valide sa colère.' }, 'trainer')];
    renderWithSession(<ListenerPage />, { session: fakeSession({ view: listenerView(), entries }) });
    const panel = within(screen.getByRole('region', { name: fr('whisper.heading') }));
    expect(panel.getByText('Valide sa colère.')).not.toBeNull();
    expect(panel.getByText(fr('whisper.tag'))).not.toBeNull();
    const entry = within(screen.getByRole('log')).getByText('Valide sa colère.').closest('li');
    expect(entry?.classList.contains('entry--whisper')).toBe(true);
  });

  it('names the last non-verbal cue on the phone', () => {
    const entries = [...inCall, observationEntry(3, { kind: 'cue', cue: 'crackle' })];
    renderWithSession(<ListenerPage />, { session: fakeSession({ view: listenerView(), entries }) });
    const phone = within(screen.getByRole('region', { name: fr('phone.heading') }));
    expect(phone.getByText(plain(fr('cue.indicator', { cue: fr('cue.crackle') })))).not.toBeNull();
  });

  it('keeps the call status and the connection in sight', () => {
    renderWithSession(<ListenerPage />, {
      session: fakeSession({ view: listenerView({ onHold: true }), entries: inCall }),
    });
    const bar = within(screen.getByRole('group', { name: fr('status.label') }));
    expect(bar.getByText(fr('status.onHold'))).not.toBeNull();
    expect(bar.getByText(fr('connection.connected'))).not.toBeNull();
    expect(bar.getByRole('timer')).not.toBeNull();
  });

  it('records nothing when 1 is pressed with focus on « Mettre en attente » (WCAG 2.1.4), and honours « Désactivés »', async () => {
    const session = fakeSession({ view: listenerView(), entries: inCall });
    renderWithSession(<ListenerPage />, { session });
    const hold = button(fr('phone.hold'));
    hold.focus();
    await act(async () => {
      fireEvent.keyDown(hold, { code: 'Digit1', key: '&' });
    });
    expect(session.sent).toEqual([]);
    // The setting is on the console: off, even the answer area takes no key.
    await act(async () => {
      fireEvent.click(screen.getByRole('radio', { name: fr('shortcuts.mode.off') }));
    });
    const move = button('Reformuler');
    move.focus();
    await act(async () => {
      fireEvent.keyDown(move, { code: 'Digit1', key: '&' });
    });
    expect(session.sent).toEqual([]);
    await act(async () => {
      fireEvent.click(screen.getByRole('radio', { name: fr('shortcuts.mode.area') }));
    });
    await act(async () => {
      fireEvent.keyDown(move, { code: 'Digit1', key: '&' });
    });
    expect(session.sent).toEqual([{ kind: 'move', move: 'reformuler' }]);
  });

  it('remaps the moves to Alt+1…0: the remapped key records a move, the single key no longer does', async () => {
    const session = fakeSession({ view: listenerView(), entries: inCall });
    renderWithSession(<ListenerPage />, { session });
    expect(button('Reformuler').getAttribute('aria-keyshortcuts')).toBe('1');
    await act(async () => {
      fireEvent.click(screen.getByRole('radio', { name: /^Avec Alt/ }));
    });
    expect(window.localStorage.getItem('ecoute.shortcuts.keys')).toBe('alt');
    const move = button('Reformuler');
    expect(move.getAttribute('aria-keyshortcuts')).toBe('Alt+1');
    // The old key, even in the answer area, records nothing.
    move.focus();
    await act(async () => {
      fireEvent.keyDown(move, { code: 'Digit1', key: '&' });
    });
    expect(session.sent).toEqual([]);
    // With Alt, the move acts wherever focus is (here on « Mettre en attente »).
    const hold = button(fr('phone.hold'));
    hold.focus();
    await act(async () => {
      fireEvent.keyDown(hold, { code: 'Digit1', key: '&', altKey: true });
    });
    expect(session.sent).toEqual([{ kind: 'move', move: 'reformuler' }]);
    expect(screen.getByRole('region', { name: fr('shortcuts.heading') }).textContent).toContain('Alt+1');
    // Back to single keys.
    await act(async () => {
      fireEvent.click(screen.getByRole('radio', { name: /^Une touche seule/ }));
    });
    expect(button('Reformuler').getAttribute('aria-keyshortcuts')).toBe('1');
    expect(window.localStorage.getItem('ecoute.shortcuts.keys')).toBe('plain');
  });

  it("keeps the caller's voice and the phone's sounds as the listener left them, for the next call in this browser", () => {
    const fake = new FakeSpeechSynthesis([fakeVoice('fr-FR')]);
    Object.defineProperty(window, 'speechSynthesis', { value: fake.install(), configurable: true });
    try {
      const voiceSwitch = () => screen.getByRole('switch', { name: new RegExp(fr('voice.label')) });
      const soundsSwitch = () =>
        screen.getByRole('switch', { name: new RegExp(fr('sounds.label').replace(/[()]/g, '.')) });
      const first = renderWithSession(<ListenerPage />, {
        session: fakeSession({ view: listenerView(), entries: inCall }),
      });
      expect((voiceSwitch() as HTMLInputElement).checked).toBe(true);
      fireEvent.click(voiceSwitch());
      fireEvent.click(soundsSwitch());
      first.unmount();

      // The next call (a reload, another link): both stay off, and its lines are not spoken.
      const session = fakeSession({ view: listenerView(), entries: inCall });
      const next = renderLive(<ListenerPage />, session);
      expect((voiceSwitch() as HTMLInputElement).checked).toBe(false);
      expect((soundsSwitch() as HTMLInputElement).checked).toBe(false);
      next.update({ ...session, entries: [...inCall, lineEntry(3, 'Vous êtes là ?')] });
      expect(fake.spoken).toHaveLength(0);
      // Turned on again by its shortcut: kept on.
      fireEvent.keyDown(document.body, { key: 'v', code: 'KeyV', altKey: true });
      next.update({
        ...session,
        entries: [...inCall, lineEntry(3, 'Vous êtes là ?'), lineEntry(4, 'Allô ?')],
      });
      expect(fake.spoken.map((utterance) => utterance.text)).toEqual(['Allô ?']);
      next.unmount();
      renderWithSession(<ListenerPage />, {
        session: fakeSession({ view: listenerView(), entries: inCall }),
      });
      expect((voiceSwitch() as HTMLInputElement).checked).toBe(true);
    } finally {
      Reflect.deleteProperty(window, 'speechSynthesis');
      window.localStorage.clear();
    }
  });
});
