import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { saveSessionLinks } from '../home/savedLinks.js';
import { act, fireEvent, screen, within } from '@testing-library/react';
import type { TrainerView } from '@ecoute/engine';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';
import { fakeSession } from '../test/fakeSession.js';
import { inputEntry, lineEntry, observationEntry, trainerView } from '../test/fixtures.js';
import { renderLive, renderWithSession, type PageRoute } from '../test/renderWithSession.js';
import type { Session } from '../socket/index.js';
import { RoleLinksPanel } from './RoleLinksPanel.js';
import { TrainerPage } from './TrainerPage.js';

/** The trainer's link, as the console is opened. */
const route: PageRoute = { path: '/animation/:sessionId', url: '/animation/s1#k=jeton' };

/** The console under a session the test changes (as a view update does). */
const liveConsole = (initial: Session) => renderLive(<TrainerPage />, initial, { route });

// What the trainer reads, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);
/** A text as `getByText` reads the page's: its no-break spaces as plain ones. */
const plain = (text: string) => text.replace(/\s+/g, ' ');
/** An accessible name that holds `words` (a shortcut's hint may follow them). */
const containing = (words: string) => (name: string) => name.includes(words);

async function click(name: string): Promise<void> {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
}

const entries = [
  inputEntry(1, { kind: 'pickup' }),
  lineEntry(2, 'Allô ?'),
  inputEntry(3, { kind: 'inject', inject: 'sonnette' }, 'trainer'),
  observationEntry(4, { kind: 'variable', variable: 'distress', value: 70, previous: 50 }, 'system'),
];

// A test that drives the page's wall clock gives Date.now back.
afterEach(() => {
  jest.restoreAllMocks();
});

describe('TrainerPage', () => {
  it('shows one view at a time in tabs, moved with the arrow keys', () => {
    renderWithSession(<TrainerPage />, { session: fakeSession({ view: trainerView(), entries }) });
    const graphTab = screen.getByRole('tab', { name: fr('trainer.tabs.graph') });
    expect(graphTab.getAttribute('aria-selected')).toBe('true');
    expect(screen.queryByRole('region', { name: fr('trainer.states.heading') })).toBeNull();
    fireEvent.keyDown(graphTab, { key: 'ArrowRight' });
    const statesTab = screen.getByRole('tab', { name: fr('trainer.tabs.states') });
    expect(statesTab.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(statesTab);
    expect(screen.getByRole('region', { name: fr('trainer.states.heading') })).not.toBeNull();
  });

  it('shows the hidden variables as labelled gauges', () => {
    renderWithSession(<TrainerPage />, { session: fakeSession({ view: trainerView(), entries }) });
    const distress = screen.getByLabelText<HTMLMeterElement>('Détresse');
    expect(distress.tagName).toBe('METER');
    expect(distress.getAttribute('value')).toBe('70');
    expect(distress.getAttribute('max')).toBe('100');
  });

  it('shows the states, the persona and its background, and trainer-only entries', () => {
    const labels = {
      moves: {},
      injects: {},
      variables: {},
      states: { 'detresse.forte': 'Détresse forte', detresse: 'Détresse' },
    };
    renderWithSession(<TrainerPage />, { session: fakeSession({ view: trainerView(), entries, labels }) });
    // The trainer's views are tabs (the console fits one screen): open « Étapes ».
    fireEvent.click(screen.getByRole('tab', { name: fr('trainer.tabs.states') }));
    const states = within(screen.getByRole('region', { name: fr('trainer.states.heading') }));
    // By their labels, never their ids.
    expect(states.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Détresse forte',
      'Détresse',
    ]);
    expect(screen.getByText('Vit seule depuis un an.')).not.toBeNull();
    // In the transcript (the change shows under the inject buttons too: InjectEffect).
    const transcript = within(screen.getByRole('log'));
    expect(transcript.getByText(plain(fr('entry.inject', { label: 'On sonne à la porte' })))).not.toBeNull();
    expect(transcript.getByText('Détresse : 50 → 70')).not.toBeNull();
  });

  it('in English, marks every scenario text it shows as French: title, gauges, injects, states, persona', () => {
    const labels = {
      moves: {},
      injects: { sonnette: 'On sonne à la porte' },
      variables: { distress: 'Détresse' },
      states: { 'detresse.forte': 'Détresse forte' },
    };
    const view = trainerView();
    renderWithSession(<TrainerPage />, { session: fakeSession({ view, entries, labels }), lang: 'en' });
    const french = () =>
      Array.from(document.body.querySelectorAll('[lang="fr"]')).map((el) => el.textContent);
    expect(screen.getByRole('heading', { level: 1 }).querySelector('[lang="fr"]')?.textContent).toBe(
      view.scenario.title,
    );
    expect(french()).toEqual(expect.arrayContaining(['Détresse', 'On sonne à la porte', 'Allô\u202f?']));
    // What the inject caused: its label in the heading, the variable's in the change.
    // (jsdom's accessible names put spaces around the marked span; Chromium's do not.)
    const spaceless = (text: string) => text.replace(/\s/g, '');
    const effectName = spaceless(translate('en', 'trainer.injects.effect', { label: 'On sonne à la porte' }));
    const effect = screen.getByRole('region', { name: (name) => spaceless(name) === effectName });
    expect(Array.from(effect.querySelectorAll('[lang="fr"]')).map((el) => el.textContent)).toEqual([
      'On sonne à la porte',
      'Détresse',
    ]);
    fireEvent.click(screen.getByRole('tab', { name: translate('en', 'trainer.tabs.states') }));
    expect(french()).toContain('Détresse forte');
    fireEvent.click(screen.getByRole('tab', { name: translate('en', 'trainer.tabs.caller') }));
    expect(french()).toEqual(expect.arrayContaining([view.scenario.summary, 'Vit seule depuis un an.']));
    // The page's own words are not marked: the switch's « Français » is outside the page.
    expect(
      screen.getByRole('tab', { name: translate('en', 'trainer.tabs.caller') }).closest('[lang="fr"]'),
    ).toBeNull();
  });

  it('injects the available events; the others are disabled and say why', async () => {
    const session = fakeSession({ view: trainerView(), entries });
    renderWithSession(<TrainerPage />, { session });
    const unavailable = screen.getByRole<HTMLButtonElement>('button', { name: 'Coupure de ligne' });
    expect(unavailable.disabled).toBe(true);
    expect(unavailable.title).toBe(fr('trainer.injects.unavailable'));
    await click('On sonne à la porte');
    expect(session.sent).toEqual([{ kind: 'inject', inject: 'sonnette' }]);
  });

  it('shows what the latest inject caused under the inject buttons, where the trainer pressed it', () => {
    const played = [
      ...entries,
      lineEntry(5, 'Oh, on sonne à la porte…', { cue: 'doorbell' }),
      inputEntry(6, { kind: 'say', text: 'Je vous attends.' }),
      lineEntry(7, 'Merci.'),
    ];
    renderWithSession(<TrainerPage />, { session: fakeSession({ view: trainerView(), entries: played }) });
    const heading = plain(fr('trainer.injects.effect', { label: 'On sonne à la porte' }));
    const effect = screen.getByRole('region', { name: (name) => plain(name) === heading });
    // Right after the inject buttons in the controls column, not only in the transcript.
    const injects = screen.getByRole('region', { name: fr('trainer.injects.heading') });
    expect(injects.nextElementSibling).toBe(effect);
    const items = within(effect)
      .getAllByRole('listitem')
      .map((item) => plain(item.textContent ?? ''));
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/Détresse/);
    expect(items[1]).toContain(fr('speaker.caller'));
    expect(items[1]).toContain('Oh, on sonne à la porte…');
    // What followed the listener's next word is no longer the inject's.
    expect(within(effect).queryByText('Merci.')).toBeNull();
  });

  it('says the call waits for the listener until one has joined, then that the phone rings', () => {
    const ringing = trainerView({ phase: 'ringing' });
    const nobody = renderWithSession(<TrainerPage />, {
      session: fakeSession({
        view: ringing,
        presence: { participants: [{ role: 'trainer', name: 'Dominique', connections: 1 }] },
      }),
    });
    const phone = () => screen.getByRole('region', { name: fr('phone.heading') });
    expect(within(phone()).getByText(plain(fr('phone.waitingListener')))).not.toBeNull();
    expect(within(phone()).queryByText(fr('phone.ringing'))).toBeNull();
    expect(screen.getByRole('group', { name: fr('status.label') }).textContent).toContain(
      fr('status.waitingListener'),
    );
    nobody.unmount();
    // A link opened but no name given yet: not joined.
    const opened = renderWithSession(<TrainerPage />, {
      session: fakeSession({
        view: ringing,
        presence: { participants: [{ role: 'listener', name: null, connections: 1 }] },
      }),
    });
    expect(within(phone()).getByText(plain(fr('phone.waitingListener')))).not.toBeNull();
    opened.unmount();
    renderWithSession(<TrainerPage />, {
      session: fakeSession({
        view: ringing,
        presence: { participants: [{ role: 'listener', name: 'Camille', connections: 1 }] },
      }),
    });
    expect(within(phone()).getByText(fr('phone.ringing'))).not.toBeNull();
    expect(screen.getByRole('group', { name: fr('status.label') }).textContent).toContain(
      fr('status.ringing'),
    );
  });

  it('lists the graph’s states, nested, each with where the call is (the graph’s view on a phone)', () => {
    const node = (
      id: string,
      label: string,
      parent: string | null,
      type: 'atomic' | 'compound' | 'final',
    ) => ({
      id,
      label,
      parent,
      type,
      description: null,
    });
    const graph = {
      nodes: [
        node('accueil', 'Accueil', null, 'atomic'),
        node('ecoute', 'Elle explique son problème', null, 'compound'),
        node('ecoute.en_ligne', 'En ligne', 'ecoute', 'atomic'),
        node('perdue', 'Perdue, elle raccroche (échec)', null, 'final'),
      ],
      edges: [],
    };
    const path = [
      observationEntry(5, { kind: 'state', states: ['accueil'] }, 'system'),
      observationEntry(6, { kind: 'state', states: ['ecoute.en_ligne'] }, 'system'),
    ];
    renderWithSession(<TrainerPage />, {
      session: fakeSession({
        view: trainerView({ states: ['ecoute.en_ligne'] }),
        entries: [...entries, ...path],
        graph,
      }),
    });
    const list = screen.getByRole('region', { name: fr('trainer.stateList.heading') });
    // A leaf's item: its name and its status.
    const said = (label: string) =>
      plain(within(list).getByText(label, { exact: true }).closest('li')?.textContent ?? '');
    expect(said('Accueil')).toBe(`Accueil — ${fr('graph.text.visited')}`);
    expect(said('En ligne')).toBe(`En ligne — ${fr('graph.text.active')}`);
    expect(said('Perdue, elle raccroche (échec)')).toBe(
      `Perdue, elle raccroche (échec) — ${fr('graph.text.unvisited')}`,
    );
    // « En ligne » inside its group.
    const group = within(list).getByText('Elle explique son problème', { exact: true }).closest('li')!;
    expect(within(group).getByText('En ligne', { exact: true })).not.toBeNull();
  });

  it('pauses, and resumes a paused session', async () => {
    const running = fakeSession({ view: trainerView(), entries });
    const { unmount } = renderWithSession(<TrainerPage />, { session: running });
    await click(fr('trainer.pause'));
    expect(running.sent).toEqual([{ kind: 'pause' }]);
    unmount();

    const paused = fakeSession({ view: trainerView({ paused: true }), entries });
    renderWithSession(<TrainerPage />, { session: paused });
    expect(screen.getByText(fr('session.paused'))).not.toBeNull();
    // A label swap, not a toggle as well (RGAA 7.1): no aria-pressed beside the changing label.
    expect(screen.getByRole('button', { name: fr('trainer.resume') }).hasAttribute('aria-pressed')).toBe(
      false,
    );
    await click(fr('trainer.resume'));
    expect(paused.sent).toEqual([{ kind: 'resume' }]);
  });

  it('shows no paused banner nor status once a paused call has ended', () => {
    const ended = fakeSession({ view: trainerView({ paused: true, phase: 'ended' }), entries });
    renderWithSession(<TrainerPage />, { session: ended });
    expect(screen.queryByText(fr('session.paused'))).toBeNull();
    expect(screen.queryByText(fr('status.paused'))).toBeNull();
    expect(screen.queryByRole('button', { name: fr('trainer.resume') })).toBeNull();
  });

  it('ends the call only after confirmation', async () => {
    const session = fakeSession({ view: trainerView(), entries });
    renderWithSession(<TrainerPage />, { session });
    await click(fr('trainer.end'));
    expect(session.sent).toEqual([]);
    await click(fr('trainer.end.cancel'));
    await click(fr('trainer.end'));
    const confirm = screen.getByRole('button', { name: fr('trainer.end.confirmYes') });
    expect(document.activeElement).toBe(confirm);
    await click(fr('trainer.end.confirmYes'));
    expect(session.sent).toEqual([{ kind: 'end' }]);
  });

  it('shows the outcome once ended; pause and end go, the projector switch stays usable', () => {
    const view = trainerView({
      phase: 'ended',
      ending: { ending: null, outcome: 'failure', message: "L'appelante a raccroché.", reason: 'trainer' },
    });
    const session = fakeSession({ view, entries });
    renderWithSession(<TrainerPage />, { session });
    expect(screen.getByText(fr('outcome.failure'))).not.toBeNull();
    // The server refuses both once ended (`session/ended`): no button left disabled for good.
    const controls = within(screen.getByRole('region', { name: fr('trainer.controls.heading') }));
    expect(controls.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('button', { name: fr('trainer.end') })).toBeNull();
    expect(screen.queryByRole('button', { name: fr('trainer.pause') })).toBeNull();
    // The server still records the projector mode after the end: the observers' page follows it.
    const projector = controls.getByRole<HTMLInputElement>('switch', { name: fr('trainer.projector') });
    expect(projector.disabled).toBe(false);
    fireEvent.click(projector);
    expect(session.sent).toEqual([{ kind: 'projector', on: !view.projector }]);
    // Injects and line events too: their panels go rather than stay disabled.
    expect(screen.queryByRole('button', { name: 'On sonne à la porte' })).toBeNull();
    expect(screen.queryByRole('heading', { name: fr('trainer.injects.heading') })).toBeNull();
    expect(screen.queryByRole('heading', { name: fr('effects.heading') })).toBeNull();
  });
});

describe('TrainerPage — after the end of the call', () => {
  // The console opened by its link: the debrief link carries the link's token.
  const endedView = (): TrainerView =>
    trainerView({
      phase: 'ended',
      ending: {
        ending: null,
        outcome: 'failure',
        message: "L'appelante a raccroché.",
        reason: 'caller_hangup',
      },
    });
  const debriefLink = () => screen.getByRole('link', { name: fr('debrief.open') });

  it('makes « Ouvrir le débriefing » the primary button, with the outcome, above the call’s controls', () => {
    const { update } = liveConsole(fakeSession({ view: trainerView(), entries }));
    // During the call: a way to the live debrief, in the secondary look, after the controls.
    expect(debriefLink().className).toBe('button button--secondary');
    const controls = screen.getByRole('heading', { name: fr('trainer.controls.heading') });
    expect(controls.compareDocumentPosition(debriefLink()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    update(fakeSession({ view: endedView(), entries }));
    // Ended: the next step, in the listener's console's look (`button`), before the controls.
    expect(debriefLink().className).toBe('button');
    expect(debriefLink().getAttribute('href')).toBe('/debrief/s1#k=jeton');
    const outcome = screen.getByRole('heading', { name: fr('outcome.heading') });
    expect(outcome.compareDocumentPosition(debriefLink()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(debriefLink().compareDocumentPosition(controls) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('offers no ad-lib line nor whisper once the call has ended, and says so', () => {
    const { update } = liveConsole(fakeSession({ view: trainerView(), entries }));
    expect(screen.getByRole('textbox', { name: fr('trainer.adlib.label') })).not.toBeNull();
    expect(screen.getByRole('textbox', { name: fr('trainer.whisper.label') })).not.toBeNull();
    update(fakeSession({ view: endedView(), entries }));
    expect(screen.queryByRole('textbox', { name: fr('trainer.adlib.label') })).toBeNull();
    expect(screen.queryByRole('textbox', { name: fr('trainer.whisper.label') })).toBeNull();
    expect(screen.queryByRole('button', { name: fr('trainer.adlib.submit') })).toBeNull();
    expect(screen.queryByRole('button', { name: fr('trainer.whisper.submit') })).toBeNull();
    expect(screen.getByText(plain(fr('trainer.callOver')))).not.toBeNull();
  });

  it('keeps the free-speech readings as a record once ended, with no correction form', () => {
    const said = inputEntry(5, {
      kind: 'interpret',
      n: 0,
      text: 'Je vous écoute',
      move: null,
      score: 0.1,
      runnerUp: null,
      understood: false,
    });
    const speech = { mode: 'free_speech' as const, pending: null };
    const { update } = liveConsole(
      fakeSession({ view: trainerView({ speech }), entries: [...entries, said] }),
    );
    const readings = () => screen.getByRole('region', { name: fr('speech.trainer.heading') });
    const correction = () =>
      within(readings()).queryByRole('combobox', { name: containing(fr('speech.trainer.correctLabel')) });
    expect(correction()).not.toBeNull();
    update(fakeSession({ view: { ...endedView(), speech }, entries: [...entries, said] }));
    // The server refuses a correction once ended (`session/ended`): the readings only, as a record.
    expect(within(readings()).getByText('Je vous écoute')).not.toBeNull();
    expect(correction()).toBeNull();
    expect(within(readings()).queryByRole('button')).toBeNull();
  });

  it('moves the focus to « Issue de l’appel » when the call ends under the whisper, the ad-lib line, « Terminer l’appel » or an inject', () => {
    const focusables = {
      whisper: () => screen.getByRole('textbox', { name: fr('trainer.whisper.label') }),
      adlib: () => screen.getByRole('textbox', { name: fr('trainer.adlib.label') }),
      end: () => screen.getByRole('button', { name: fr('trainer.end') }),
      inject: () => screen.getByRole('button', { name: 'On sonne à la porte' }),
    };
    for (const [from, control] of Object.entries(focusables)) {
      const { update, unmount } = liveConsole(fakeSession({ view: trainerView(), entries }));
      control().focus();
      update(fakeSession({ view: endedView(), entries }));
      const heading = screen.getByRole('heading', { name: fr('outcome.heading') });
      expect({ from, focus: document.activeElement }).toEqual({ from, focus: heading });
      unmount();
    }
  });

  it('keeps the focus where it was when the call ends elsewhere (the projector switch stays)', () => {
    const { update } = liveConsole(fakeSession({ view: trainerView(), entries }));
    const projector = screen.getByRole('switch', { name: fr('trainer.projector') });
    projector.focus();
    update(fakeSession({ view: endedView(), entries }));
    expect(document.activeElement).toBe(projector);
  });
});

describe('TrainerPage — live controls', () => {
  it('sends generic line events; a hang-up or a drop only after confirmation', async () => {
    const session = fakeSession({ view: trainerView(), entries });
    renderWithSession(<TrainerPage />, { session });
    await click(fr('effect.crackle'));
    await click(fr('effect.caller_hangup'));
    expect(session.sent).toEqual([{ kind: 'effect', effect: 'crackle' }]);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: fr('effects.confirmYes') }));
    await click(fr('effects.confirmYes'));
    expect(session.sent).toEqual([
      { kind: 'effect', effect: 'crackle' },
      { kind: 'effect', effect: 'caller_hangup' },
    ]);
  });

  it('has the caller say an ad-lib line, and whispers to the listener', async () => {
    const session = fakeSession({ view: trainerView(), entries });
    renderWithSession(<TrainerPage />, { session });
    const adlib = screen.getByRole('textbox', { name: fr('trainer.adlib.label') });
    fireEvent.change(adlib, { target: { value: "J'ai peur." } });
    await act(async () => {
      fireEvent.keyDown(adlib, { key: 'Enter' });
    });
    const whisper = screen.getByRole('textbox', { name: fr('trainer.whisper.label') });
    fireEvent.change(whisper, { target: { value: 'Reformule.' } });
    await click(fr('trainer.whisper.submit'));
    expect(session.sent).toEqual([
      { kind: 'adlib', text: "J'ai peur." },
      { kind: 'whisper', text: 'Reformule.' },
    ]);
  });

  it('bookmarks the moment with « B » and a comment; Escape gives up', async () => {
    // The page's wall clock, driven by the test (the session clock runs on it between views).
    let wallNow = 1_700_000_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => wallNow);
    const session = fakeSession({
      view: trainerView(),
      entries: [...entries, inputEntry(5, { kind: 'bookmark', comment: 'Belle reformulation' }, 'trainer')],
    });
    renderWithSession(<TrainerPage />, { session });
    const bookmarks = within(screen.getByRole('region', { name: fr('bookmark.heading') }));
    expect(bookmarks.getByText('Belle reformulation')).not.toBeNull();
    // « B » is a single key: it acts with focus among the trainer's controls only.
    await act(async () => {
      fireEvent.keyDown(document.body, { code: 'KeyB', key: 'b' });
    });
    expect(bookmarks.queryByRole('textbox')).toBeNull();
    const pause = screen.getByRole('button', { name: fr('trainer.pause') });
    pause.focus();
    await act(async () => {
      fireEvent.keyDown(pause, { code: 'KeyB', key: 'b' });
    });
    let field = bookmarks.getByRole('textbox', { name: fr('bookmark.label') });
    expect(document.activeElement).toBe(field);
    // Typing « b » in the comment is a letter, not another bookmark.
    fireEvent.keyDown(field, { code: 'KeyB', key: 'b' });
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(bookmarks.queryByRole('textbox')).toBeNull();
    expect(session.sent).toEqual([]);
    // A click focuses the button (as a browser does), then opens the field.
    screen.getByRole('button', { name: containing(fr('bookmark.open')) }).focus();
    wallNow += 2_500;
    await click(fr('bookmark.open'));
    field = bookmarks.getByRole('textbox', { name: fr('bookmark.label') });
    fireEvent.change(field, { target: { value: 'Silence bien tenu' } });
    // Typing the comment takes time: the moment stays the one the field opened at.
    wallNow += 4_000;
    await click(fr('bookmark.save'));
    // The view's session time (60 s) and the 2.5 s the clock ran before the field opened.
    expect(session.sent).toEqual([{ kind: 'bookmark', comment: 'Silence bien tenu', moment: 62_500 }]);
    // Saved: focus goes back to the button that opened the field, never to the page.
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: containing(fr('bookmark.open')) }),
    );
  });

  it('remaps « B » to Alt+B: Alt+B opens the bookmark anywhere, « B » alone no longer does', async () => {
    const session = fakeSession({ view: trainerView(), entries });
    renderWithSession(<TrainerPage />, { session });
    await act(async () => {
      fireEvent.click(screen.getByRole('radio', { name: /^Avec Alt/ }));
    });
    const bookmarks = within(screen.getByRole('region', { name: fr('bookmark.heading') }));
    const open = screen.getByRole('button', { name: containing(fr('bookmark.open')) });
    expect(open.getAttribute('aria-keyshortcuts')).toBe('Alt+B');
    const pause = screen.getByRole('button', { name: fr('trainer.pause') });
    pause.focus();
    await act(async () => {
      fireEvent.keyDown(pause, { code: 'KeyB', key: 'b' });
    });
    expect(bookmarks.queryByRole('textbox')).toBeNull();
    await act(async () => {
      fireEvent.keyDown(document.body, { code: 'KeyB', key: 'b', altKey: true });
    });
    expect(document.activeElement).toBe(bookmarks.getByRole('textbox', { name: fr('bookmark.label') }));
    await act(async () => {
      fireEvent.click(screen.getByRole('radio', { name: /^Une touche seule/ }));
    });
  });

  it('switches projector mode for the observers', async () => {
    const session = fakeSession({ view: trainerView(), entries });
    const { unmount } = renderWithSession(<TrainerPage />, { session });
    await act(async () => {
      fireEvent.click(screen.getByRole('switch', { name: fr('trainer.projector') }));
    });
    expect(session.sent).toEqual([{ kind: 'projector', on: true }]);
    unmount();
    renderWithSession(<TrainerPage />, {
      session: fakeSession({ view: trainerView({ projector: true }), entries }),
    });
    expect(screen.getByRole<HTMLInputElement>('switch', { name: fr('trainer.projector') }).checked).toBe(
      true,
    );
  });

  it('shows who is connected in each role, under their names', () => {
    const session = fakeSession({
      view: trainerView(),
      entries,
      presence: {
        participants: [
          { role: 'listener', name: 'Camille', connections: 2 },
          { role: 'trainer', name: 'Dominique', connections: 1 },
          { role: 'observer', name: 'Groupe A', connections: 0 },
        ],
      },
    });
    renderWithSession(<TrainerPage />, { session });
    fireEvent.click(screen.getByRole('tab', { name: fr('trainer.tabs.people') }));
    const presence = within(screen.getByRole('region', { name: fr('presence.heading') }));
    expect(presence.getByText('Camille')).not.toBeNull();
    expect(presence.getByText(fr('presence.tabs', { count: 2 }))).not.toBeNull();
    expect(presence.queryByText('Groupe A')).toBeNull();
    expect(presence.getByText(fr('presence.nobody'))).not.toBeNull();
  });

  it('lists the role links this browser created, with a copy button each', () => {
    saveSessionLinks({
      sessionId: 's1',
      links: { listener: '/ecoute/s1#k=l', trainer: '/animation/s1#k=t', observer: '/observation/s1#k=o' },
    });
    renderWithSession(
      <RoleLinksPanel sessionId="s1" origin="https://ecoute.test" ownLink="/animation/s1#k=t" />,
    );
    expect(screen.getByText('https://ecoute.test/ecoute/s1#k=l')).not.toBeNull();
    expect(
      screen.getByRole('button', { name: fr('link.copyLabel', { role: fr('role.observer') }) }),
    ).not.toBeNull();
    localStorage.clear();
  });

  it('shows only its own link when the session was created elsewhere', () => {
    renderWithSession(
      <RoleLinksPanel sessionId="s2" origin="https://ecoute.test" ownLink="/animation/s2#k=t" />,
    );
    expect(screen.getByText('https://ecoute.test/animation/s2#k=t')).not.toBeNull();
    expect(screen.queryByText(/ecoute\//)).toBeNull();
  });

  it('shows the listener’s words and the notes they share', () => {
    const session = fakeSession({
      view: trainerView(),
      entries: [
        ...entries,
        inputEntry(5, { kind: 'say', text: 'Je suis là.' }),
        inputEntry(6, { kind: 'note', text: 'Penser au 3114', shared: true }),
      ],
    });
    renderWithSession(<TrainerPage />, { session });
    fireEvent.click(screen.getByRole('tab', { name: fr('trainer.tabs.caller') }));
    const words = within(screen.getByRole('region', { name: fr('trainer.words.heading') }));
    expect(words.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringContaining('Je suis là.'),
      expect.stringContaining('Penser au 3114'),
    ]);
  });
});

describe('TrainerPage — the pick asked of the trainer in free speech', () => {
  const bof = inputEntry(5, {
    kind: 'interpret',
    n: 0,
    text: 'Bof.',
    move: null,
    score: 0,
    runnerUp: null,
    understood: false,
    askMs: 20_000,
    offered: ['reformuler'],
  });
  const waiting = (t: number) =>
    trainerView({
      t,
      speech: {
        mode: 'free_speech',
        pending: { n: 0, text: 'Bof.', move: null, score: 0, dueT: 25_000 },
      },
    });
  const labels = { moves: { reformuler: 'Reformuler' }, injects: {}, variables: {}, states: {} };
  const heading = () =>
    screen.getByRole('heading', { name: fr('speech.trainer.pickHeading', { text: 'Bof.' }) });
  const choice = () => screen.getByRole('combobox', { name: fr('speech.trainer.pickLabel') });

  const free = (pending: boolean, t = 5_000) =>
    fakeSession({
      view: pending ? waiting(t) : trainerView({ t, speech: { mode: 'free_speech', pending: null } }),
      entries: [...entries, bof],
      labels,
    });

  it('comes first on the console, before the phone and the call; announced once, in its assertive region present before it', () => {
    const { update } = liveConsole(free(false));
    // The region is there before the request, empty (a region added with its text is not said).
    const alert = document.querySelector<HTMLElement>('.pick-request__said')!;
    expect(alert.getAttribute('role')).toBe('alert');
    const regionsBefore = screen.getAllByRole('alert').length;
    expect(alert.textContent).toBe('');
    update(free(true));
    const request = screen.getByRole('region', {
      name: fr('speech.trainer.pickHeading', { text: 'Bof.' }),
    });
    // First: before the phone (the first screen of a phone showed only it and « Pilotage »).
    const phone = screen.getByRole('heading', { name: fr('phone.heading') });
    expect(request.compareDocumentPosition(phone) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(
      within(request).getByText(plain(fr('speech.trainer.pickCountdown', { seconds: 20 }))),
    ).not.toBeNull();
    expect(within(request).getByRole('option', { name: 'Reformuler' })).not.toBeNull();
    expect(screen.getAllByRole('alert')).toHaveLength(regionsBefore);
    expect(alert.textContent).toBe(fr('speech.trainer.pickAlert', { text: 'Bof.', seconds: 20 }));
    expect(alert.contains(choice())).toBe(false);
    // The countdown moves; what was said does not (it was said each second).
    update(free(true, 9_000));
    expect(
      within(request).getByText(plain(fr('speech.trainer.pickCountdown', { seconds: 16 }))),
    ).not.toBeNull();
    expect(alert.textContent).toBe(fr('speech.trainer.pickAlert', { text: 'Bof.', seconds: 20 }));
    // No second form in the interpretations' list for the same sentence.
    const readings = screen.getByRole('region', { name: fr('speech.trainer.heading') });
    expect(within(readings).queryByRole('combobox')).toBeNull();
  });

  it('takes the focus when it was nowhere; the choice applied by keyboard', async () => {
    const session = free(true);
    const { update } = liveConsole(free(false));
    (document.activeElement as HTMLElement | null)?.blur();
    update(session);
    expect(document.activeElement).toBe(choice());
    expect(heading()).not.toBeNull();
    await act(async () => {
      fireEvent.submit(choice().closest('form')!);
    });
    expect(session.sent).toEqual([{ kind: 'correct', n: 0, move: 'reformuler', applied: false }]);
  });

  it('leaves the focus with a trainer typing a whisper; the next Tab goes to the choice', () => {
    const { update } = liveConsole(free(false));
    const whisper = screen.getByRole('textbox', { name: fr('trainer.whisper.label') });
    whisper.focus();
    fireEvent.change(whisper, { target: { value: 'Reformu' } });
    update(free(true));
    expect(document.activeElement).toBe(whisper);
    // A letter typed stays in the field; Shift+Tab goes back as ever.
    expect(fireEvent.keyDown(whisper, { key: 'l' })).toBe(true);
    expect(fireEvent.keyDown(whisper, { key: 'Tab', shiftKey: true })).toBe(true);
    expect(fireEvent.keyDown(whisper, { key: 'Tab' })).toBe(false);
    expect(document.activeElement).toBe(choice());
    // Once: the Tab after it is the page's own again.
    expect(fireEvent.keyDown(choice(), { key: 'Tab' })).toBe(true);
    // The pick made (or timed out), back to the whisper, its words kept.
    update(free(false));
    expect(document.activeElement).toBe(whisper);
    expect((whisper as HTMLTextAreaElement).value).toBe('Reformu');
  });
});
