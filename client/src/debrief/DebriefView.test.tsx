import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithSession } from '../test/renderWithSession.js';
import { formatDuration } from '../ui/formatDuration.js';
import { FakeSpeechSynthesis, fakeVoice } from '../test/fakeSpeech.js';
import type { TimelineEntry } from '@ecoute/engine';
import {
  FakeDebriefApi,
  RecordingCanvas,
  debriefFixture,
  longTimeline,
  shortCall,
} from './debriefFixture.js';
import { DebriefView } from './DebriefView.js';
import { debriefOfColumns, timelineOf } from './timeline.js';
import { debriefTimeline } from '@ecoute/protocol';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// What the page says, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);
/** A text as `getByText` reads the page's: its no-break spaces as plain ones. */
const plain = (text: string) => text.replace(/\s+/g, ' ');
/** An accessible name that holds `words`. */
const containing = (words: string) => (name: string) => name.includes(words);

const noGraph = () => <div data-testid="graph" />;

function renderView(api: FakeDebriefApi, synth?: SpeechSynthesis, canvas = new RecordingCanvas()) {
  return renderWithSession(
    <DebriefView
      initial={api.debrief}
      api={api}
      renderGraph={noGraph}
      synth={synth}
      canvas2d={canvas.canvas2d}
    />,
  );
}

const momentHeading = () => screen.getByRole('heading', { level: 2, name: /^À / });
/** The panels come after the lanes' first paint: waits for them (the rubric is one of them). */
// (A busy machine may take a while over the first render of the file: no deadline of 1 s.)
/** An accessible name that starts with `words` (a button's visually hidden detail follows). */
const startsWith = (words: string) => (name: string) => name.startsWith(words);
const panelsShown = () =>
  screen.findByRole('region', { name: fr('debrief.rubric.heading') }, { timeout: 10_000 });

// jsdom does not scroll: what was asked to scroll into view is recorded.
const scrolled: Element[] = [];
beforeEach(() => {
  scrolled.length = 0;
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this);
  };
});

afterEach(() => {
  jest.useRealTimers();
});

describe('the debrief page', () => {
  it('in English, marks the rubric’s and the curves’ scenario words as French, not its own', async () => {
    const api = new FakeDebriefApi(debriefFixture());
    renderWithSession(
      <DebriefView
        initial={api.debrief}
        api={api}
        renderGraph={noGraph}
        canvas2d={new RecordingCanvas().canvas2d}
      />,
      { lang: 'en' },
    );
    const rubric = await screen.findByRole(
      'region',
      { name: translate('en', 'debrief.rubric.heading') },
      { timeout: 10_000 },
    );
    const french = Array.from(rubric.querySelectorAll('[lang="fr"]')).map((el) => el.textContent);
    expect(french).toEqual(expect.arrayContaining(['Accueil', 'Se présenter dans la première minute']));
    expect(rubric.querySelector('h2')?.closest('[lang="fr"]') ?? null).toBeNull();
    const legend = document.body.querySelector('.lanes__legend');
    expect(Array.from(legend?.querySelectorAll('[lang="fr"]') ?? []).map((el) => el.textContent)).toEqual(
      expect.arrayContaining(['Détresse']),
    );
  });

  it('opens on the ending, on the call clock (from the pickup), with the measures and the rubric', async () => {
    // A late join after the ending: the debrief still opens on the ending.
    const entries = shortCall();
    entries.push({
      ...entries.at(-1)!,
      seq: entries.length + 1,
      t: 95_000,
      kind: 'input',
      source: 'observer',
      input: { kind: 'join', name: 'Sam' },
    } as TimelineEntry);
    const fixture = debriefFixture({}, entries);
    // As the server answers: the call's length is to its ending.
    fixture.session.durationMs = 30_000;
    renderView(new FakeDebriefApi(fixture));
    await panelsShown();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      fr('debrief.title', { scenario: "Appel d'entraînement" }),
    );
    // Picked up at 0:05 of the session, ended at 0:30: a call of 0:25, as the transcript counts it.
    expect(momentHeading().textContent).toBe('À 0:25');
    // The trainer's too: the debrief titles the variables its own way, not as hidden from anyone.
    expect(screen.getByRole('region', { name: fr('debrief.variables.heading') })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: fr('trainer.variables.heading') })).toBeNull();
    // Its length is a duration, not the clock reading of its last moment.
    const facts = screen.getByText(fr('debrief.facts.duration')).closest('div')!;
    expect(within(facts).getByText(plain(fr('debrief.span.seconds', { seconds: 25 })))).toBeTruthy();
    expect(
      screen.getByText(plain(fr('debrief.playback.time', { time: '0:25', total: '0:25' }))),
    ).toBeTruthy();
    expect(screen.getByText(plain(fr('debrief.rubric.summary', { met: 1, total: 1 })))).toBeTruthy();
    const measures = screen.getByRole('region', { name: translate('fr', 'debrief.measures.heading') });
    // A measure is a duration (a silence of 12 s), its moment a clock reading (at 0:16).
    expect(within(measures).getByText(plain(fr('debrief.span.seconds', { seconds: 12 })))).toBeTruthy();
    expect(within(measures).queryByText(/^\d+:\d\d$/)).toBeNull();
    expect(within(measures).getByText(fr('outcome.failure'))).toBeTruthy();
    // The pickup is where call time starts: its moment is not read « à 0:00 » after « 0:03 ».
    const pickup = within(measures).getByRole('button', { name: containing(fr('debrief.measures.pickup')) });
    expect(pickup.textContent).not.toMatch(/à \d/);
    expect(
      within(measures).getByRole('button', { name: containing(fr('debrief.measures.silence')) }).textContent,
    ).toMatch(/à 0:16/);
    // The fixture's call offers to alert a colleague, never done: said in words of that measure.
    expect(within(measures).getByText(translate('fr', 'debrief.measures.alert'))).toBeTruthy();
    expect(within(measures).getByText(translate('fr', 'debrief.measures.noAlert'))).toBeTruthy();
    expect(within(measures).getByText(translate('fr', 'debrief.measures.noOpenQuestion'))).toBeTruthy();
    // The transcript: the join while the phone rang has no call time (as in the live consoles),
    // then call time from the pickup, never going backwards.
    const times = Array.from(document.querySelectorAll('.moment-transcript__row .entry__time')).map(
      (time) => time.textContent,
    );
    expect(times.slice(0, 3)).toEqual([translate('fr', 'transcript.beforePickup'), '0:00', '0:00']);
  });

  it('shows no alert measure for a call that offers no « alerter un·e collègue »', async () => {
    const fixture = debriefFixture();
    fixture.measures = { ...fixture.measures, alertMove: false };
    renderView(new FakeDebriefApi(fixture));
    await panelsShown();
    const measures = screen.getByRole('region', { name: translate('fr', 'debrief.measures.heading') });
    expect(within(measures).queryByText(translate('fr', 'debrief.measures.alert'))).toBeNull();
    expect(within(measures).getByText(translate('fr', 'debrief.measures.silence'))).toBeTruthy();
  });

  it("writes a measure past a minute in minutes and seconds, in the page's language", async () => {
    const fixture = debriefFixture();
    fixture.measures = {
      ...fixture.measures,
      longestSilence: { ms: 65_400, from: { seq: 5, t: 9_000 }, to: { seq: 10, t: 21_000 } },
    };
    renderView(new FakeDebriefApi(fixture));
    await panelsShown();
    const measures = screen.getByRole('region', { name: fr('debrief.measures.heading') });
    const silence = within(measures).getByText(fr('debrief.measures.silence')).closest('div')!;
    expect(silence.querySelector('.measures__value')?.textContent).toBe(
      fr('debrief.span.minutes', { minutes: 1, seconds: '05' }),
    );
  });

  it('prints a judged criterion as not judged yet, then with the judgment (the form is not printed)', async () => {
    const fixture = debriefFixture();
    const printed = () => document.querySelector('.criterion--judged .print-only')?.textContent;
    const { unmount } = renderView(new FakeDebriefApi(fixture));
    await panelsShown();
    expect(printed()).toBe(translate('fr', 'debrief.rubric.notJudged'));
    unmount();
    renderView(
      new FakeDebriefApi({
        ...fixture,
        judgments: [{ criterion: 'ton_pose', rating: 'partly', comment: 'Un peu rapide', updatedAt: 'now' }],
      }),
    );
    await panelsShown();
    expect(printed()).toMatch(/ — Un peu rapide$/);
  });

  it('jumps to the moment that proves a criterion, and steps with the arrow keys', async () => {
    renderView(new FakeDebriefApi(debriefFixture()));
    await panelsShown();
    const rubric = screen.getByRole('region', { name: fr('debrief.rubric.heading') });
    fireEvent.click(
      within(rubric).getByRole('button', { name: /Voir le moment.*Se présenter dans la première minute/ }),
    );
    expect(momentHeading().textContent).toBe('À 0:04');
    // The moment is brought into view and focused, so the keyboard and a screen reader are there.
    expect(document.activeElement).toBe(momentHeading());
    expect(scrolled).toContain(momentHeading());
    expect(
      screen.getByText(plain(fr('entry.move', { label: 'Se présenter' })), {
        selector: '.debrief__current *, .debrief__current',
      }),
    ).toBeTruthy();
    // The variables as they were then: confidence not yet raised at the pickup.
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(momentHeading().textContent).toBe('À 0:00');
    // The path of states reads call time too (entered « En ligne » 0:04 after the pickup); it
    // follows the step once the step's frame is painted.
    await waitFor(() =>
      expect(screen.getByRole('region', { name: fr('trainer.states.heading') }).textContent).not.toContain(
        '0:05',
      ),
    );
    expect(screen.getByRole('region', { name: fr('trainer.states.heading') }).textContent).toContain('0:00');
    const confidence = screen.getByRole('meter', { name: 'Confiance' });
    expect(confidence.getAttribute('value')).toBe('3');
    // The scenario's thresholds, as the call showed them: low trust is « à surveiller ».
    expect(confidence.getAttribute('aria-valuetext')).toBe('3 sur 10 — à surveiller');
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(screen.getByRole('meter', { name: 'Confiance' }).getAttribute('value')).toBe('5');
    expect(screen.getByRole('meter', { name: 'Confiance' }).getAttribute('aria-valuetext')).toBe(
      '5 sur 10 — normal',
    );
  });

  it('lets the trainer judge a criterion and annotate the moment', async () => {
    const api = new FakeDebriefApi(debriefFixture());
    renderView(api);
    await panelsShown();
    const form = screen.getByRole('group', {
      name: fr('debrief.judgment.legend', { criterion: 'Ton posé, rythme adapté' }),
    });
    fireEvent.click(within(form).getByRole('radio', { name: fr('debrief.rating.partly') }));
    fireEvent.change(within(form).getByRole('textbox', { name: fr('debrief.judgment.comment') }), {
      target: { value: 'Un peu vite' },
    });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: fr('debrief.judgment.save') }));
    });
    expect(api.calls.find((c) => c.method === 'judge')?.args).toEqual([
      'ton_pose',
      { rating: 'partly', comment: 'Un peu vite' },
    ]);
    expect(within(form).getByRole('status').textContent).toBe(fr('debrief.saved'));

    fireEvent.click(screen.getAllByRole('button', { name: containing(fr('debrief.seeMoment')) })[0]!);
    const marks = screen.getByRole('region', { name: translate('fr', 'debrief.marks.heading') });
    const box = within(marks).getByRole('textbox', { name: /Nouvelle annotation à/ });
    fireEvent.change(box, { target: { value: 'Ici, ralentir' } });
    await act(async () => {
      fireEvent.click(within(marks).getByRole('button', { name: fr('debrief.marks.add') }));
    });
    expect(api.calls.find((c) => c.method === 'addAnnotation')?.args[0]).toMatchObject({
      comment: 'Ici, ralentir',
    });
    expect(within(marks).getByText('Ici, ralentir')).toBeTruthy();
    // The focus goes to the annotation just added (its field emptied).
    expect(document.activeElement).toBe(within(marks).getByText('Ici, ralentir').closest('li'));
    expect(box).toHaveProperty('value', '');

    // « Modifier » gives way to the form: its field has the focus; « Annuler » gives it back.
    const added = within(marks).getByText('Ici, ralentir').closest('li')!;
    fireEvent.click(
      within(added).getByRole('button', { name: startsWith(translate('fr', 'debrief.marks.edit')) }),
    );
    expect(document.activeElement).toBe(within(added).getByRole('textbox'));
    fireEvent.click(within(added).getByRole('button', { name: translate('fr', 'debrief.cancel') }));
    expect(document.activeElement).toBe(
      within(added).getByRole('button', { name: startsWith(translate('fr', 'debrief.marks.edit')) }),
    );
    // Deleted, its item goes: the focus to the list's heading.
    await act(async () => {
      fireEvent.click(
        within(added).getByRole('button', { name: startsWith(translate('fr', 'debrief.marks.delete')) }),
      );
    });
    expect(within(marks).queryByText('Ici, ralentir')).toBeNull();
    expect(document.activeElement).toBe(
      within(marks).getByRole('heading', { name: translate('fr', 'debrief.marks.heading') }),
    );
  });

  it("asks the learner's self-assessment before showing the trainer's judgments", async () => {
    const api = new FakeDebriefApi(debriefFixture({ viewer: 'listener', judgments: null, marks: null }));
    renderView(api);
    await panelsShown();
    expect(screen.getByText(fr('debrief.rubric.judgmentHidden'))).toBeTruthy();
    expect(screen.queryByRole('group', { name: /Votre jugement/ })).toBeNull();
    // No result before the self-assessment, not even the automatic ones.
    expect(screen.getByText(translate('fr', 'debrief.rubric.resultsHidden'))).toBeTruthy();
    expect(screen.queryByText(fr('debrief.rubric.met'))).toBeNull();
    expect(screen.queryByText(/Critères automatiques remplis/)).toBeNull();
    // Nor the measures (counts, outcome), which came before and said what the rubric keeps back.
    expect(screen.queryByRole('region', { name: translate('fr', 'debrief.measures.heading') })).toBeNull();
    // The call is over: its variables are hidden from the learner no more, nor titled so.
    expect(screen.getByRole('heading', { name: fr('debrief.variables.heading') })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: fr('trainer.variables.heading') })).toBeNull();
    const self = screen.getByRole('region', { name: fr('debrief.self.heading') });
    fireEvent.click(
      within(within(self).getByRole('radiogroup', { name: 'Ton posé, rythme adapté' })).getByRole('radio', {
        name: fr('debrief.rating.partly'),
      }),
    );
    fireEvent.change(within(self).getByRole('textbox', { name: fr('debrief.self.comment') }), {
      target: { value: 'Ralentir' },
    });
    // The keyboard's way: the focus never drops to the page. « Envoyer » gives way to the
    // confirmation, which takes the focus; « Annuler » gives it back to « Envoyer ».
    const submit = within(self).getByRole('button', { name: fr('debrief.self.submit') });
    submit.focus();
    fireEvent.click(submit);
    const confirmYes = within(self).getByRole('button', { name: fr('debrief.self.confirmYes') });
    expect(document.activeElement).toBe(confirmYes);
    expect(within(self).getByRole('group', { name: fr('debrief.self.confirm') })).toBeTruthy();
    fireEvent.click(within(self).getByRole('button', { name: fr('debrief.cancel') }));
    expect(document.activeElement).toBe(
      within(self).getByRole('button', { name: fr('debrief.self.submit') }),
    );
    fireEvent.click(within(self).getByRole('button', { name: fr('debrief.self.submit') }));
    await act(async () => {
      fireEvent.click(within(self).getByRole('button', { name: fr('debrief.self.confirmYes') }));
    });
    // Sent, the form goes: the focus goes to the rubric, which now shows the results.
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: fr('debrief.rubric.heading') }));
    expect(api.calls.find((c) => c.method === 'selfAssess')?.args[0]).toEqual({
      ratings: [{ criterion: 'ton_pose', rating: 'partly', comment: '' }],
      comment: 'Ralentir',
    });
    expect(screen.queryByRole('region', { name: fr('debrief.self.heading') })).toBeNull();
    expect(
      screen.getByText(
        plain(`${fr('debrief.rubric.trainerSays', { rating: fr('debrief.rating.met') })} — Très posé`),
      ),
    ).toBeTruthy();
    expect(
      screen.getByText(plain(fr('debrief.rubric.selfSays', { rating: fr('debrief.rating.partly') }))),
    ).toBeTruthy();
    expect(screen.getAllByText(fr('debrief.rubric.met')).length).toBeGreaterThan(0);
    expect(screen.getByRole('region', { name: translate('fr', 'debrief.measures.heading') })).toBeTruthy();
    // Their own words, under their own heading (not « Ce que l'apprenant·e retient »).
    expect(
      within(screen.getByRole('region', { name: fr('debrief.self.comment') })).getByText('Ralentir'),
    ).toBeTruthy();
  });

  it('says the trainer never joined rather than « sans nom »', async () => {
    const fixture = debriefFixture();
    renderView(new FakeDebriefApi({ ...fixture, session: { ...fixture.session, trainer: null } }));
    await panelsShown();
    const fact = screen.getByText(fr('role.trainer'), { selector: 'dt' }).parentElement!;
    expect(within(fact).getByText(fr('debrief.facts.trainerAbsent'))).toBeTruthy();
    expect(within(fact).queryByText(fr('debrief.facts.unnamed'))).toBeNull();
  });

  it('shows a criterion the call never reached as « Non évalué », not as met', async () => {
    const fixture = debriefFixture();
    const auto = fixture.rubric.find((c) => c.kind === 'auto')!;
    const unreached = { ...auto, criterion: 'jamais_tendu', label: 'Piège jamais tendu', assessed: false };
    delete (unreached as { met?: boolean }).met;
    delete (unreached as { evidence?: unknown }).evidence;
    renderView(new FakeDebriefApi({ ...fixture, rubric: [...fixture.rubric, unreached] }));
    await panelsShown();
    const item = screen.getByText('Piège jamais tendu').closest('li')!;
    expect(within(item).getByText(fr('debrief.rubric.notAssessed'))).toBeTruthy();
    expect(within(item).queryByText(fr('debrief.rubric.met'))).toBeNull();
    expect(screen.getByText(/Critères automatiques remplis : 1 sur 1 évalués\. 1 non évalué :/)).toBeTruthy();
  });

  it('counts the criteria never reached in the singular or the plural (« 1 non évalué », « 2 non évalués »)', async () => {
    const fixture = debriefFixture();
    const auto = fixture.rubric.find((c) => c.kind === 'auto')!;
    const unreached = (criterion: string, label: string) => {
      const c = { ...auto, criterion, label, assessed: false };
      delete (c as { met?: boolean }).met;
      delete (c as { evidence?: unknown }).evidence;
      return c;
    };
    renderView(
      new FakeDebriefApi({
        ...fixture,
        rubric: [...fixture.rubric, unreached('jamais_tendu', 'Piège jamais tendu'), unreached('fin', 'Fin')],
      }),
    );
    await panelsShown();
    expect(screen.getByText(/1 sur 1 évalués\. 2 non évalués : l'appel n'est jamais arrivé/)).toBeTruthy();
    expect(screen.queryByText(/\(s\)/)).toBeNull();
  });

  it('starts the lanes at the pickup (« 0:00 »): what came before sits there, no empty time left of it', () => {
    // The short call: a join at 0:02 of session time, the pickup at 0:05.
    const canvas = new RecordingCanvas();
    renderView(new FakeDebriefApi(debriefFixture()), undefined, canvas);
    const ticks = canvas.textsAt.filter(({ text }) => /^\d+:\d\d$/.test(text));
    // The ruler's first tick, « 0:00 », at the left end (its label 3 px after its line at 0.5).
    expect(ticks[0]).toEqual({ text: '0:00', x: 3.5 });
    // No marker left of it: the join is drawn at 0:00 with the pickup (each marker is centred
    // on its time: 4 px wide, or 6 when it stands for several entries).
    const centres = canvas.markers().map((r) => r.x + r.w / 2);
    expect(Math.min(...centres)).toBe(0);
    expect(centres.filter((x) => x === 0).length).toBeGreaterThanOrEqual(2);
    // The last tick is within the call: 25 s of call time on 800 px, not 30 s of session time.
    expect(ticks.at(-1)?.text).toBe('0:25');
  });

  it('paints the lanes first, then the panels after that paint', async () => {
    const canvas = new RecordingCanvas();
    const { container } = renderView(new FakeDebriefApi(debriefFixture()), undefined, canvas);
    // The first render: the lanes painted, the moment's heading, the playback; no panel yet.
    expect(screen.getByTestId('lanes-view').getAttribute('data-lanes-painted')).toBe('true');
    expect(canvas.markers().length).toBeGreaterThan(0);
    expect(momentHeading().textContent).toBe('À 0:25');
    expect(screen.getByRole('button', { name: fr('debrief.playback.play') })).toBeTruthy();
    expect(screen.queryByRole('region', { name: fr('debrief.rubric.heading') })).toBeNull();
    expect(screen.queryByRole('region', { name: translate('fr', 'debrief.measures.heading') })).toBeNull();
    expect(container.querySelector('.moment-transcript')).toBeNull();
    expect(screen.queryByText(fr('debrief.facts.duration'))).toBeNull();
    // Then everything else, the lanes not painted again for it.
    const paints = canvas.paints;
    await panelsShown();
    expect(screen.getByRole('region', { name: translate('fr', 'debrief.measures.heading') })).toBeTruthy();
    expect(screen.getByRole('region', { name: translate('fr', 'debrief.marks.heading') })).toBeTruthy();
    expect(container.querySelectorAll('.moment-transcript__row').length).toBeGreaterThan(0);
    expect(screen.getByText(fr('debrief.facts.duration'))).toBeTruthy();
    expect(screen.getByRole('meter', { name: 'Confiance' })).toBeTruthy();
    expect(canvas.paints).toBe(paints);
  });

  it('paints the lanes of the compact answer before building one entry, the entries after that paint', async () => {
    const entries = longTimeline(10_000);
    const { entries: _built, ...rest } = debriefFixture({ marks: [] }, entries);
    const debrief = debriefOfColumns({ ...rest, timeline: debriefTimeline(entries) });
    const canvas = new RecordingCanvas();
    renderView(new FakeDebriefApi(debrief), undefined, canvas);
    // The first render: lanes, moment, clock and cursor from the columns alone.
    const view = screen.getByTestId('lanes-view');
    expect(view.getAttribute('data-lanes-painted')).toBe('true');
    expect(Number(view.getAttribute('data-entries-shown'))).toBe(entries.length);
    expect(canvas.markers().length).toBeGreaterThan(200);
    expect(momentHeading().textContent).toBe(`À ${formatDuration(entries.at(-1)!.t)}`);
    expect(timelineOf(debrief).entriesBuilt).toBe(false);
    // After that paint, the panels read the entries (built once).
    await panelsShown();
    expect(timelineOf(debrief).entriesBuilt).toBe(true);
    expect(screen.getByRole('region', { name: translate('fr', 'debrief.measures.heading') })).toBeTruthy();
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(momentHeading().textContent).toBe(`À ${formatDuration(entries.at(-2)!.t)}`);
  });

  it('draws only what is visible of 10,000 entries', async () => {
    const entries = longTimeline(10_000);
    const canvas = new RecordingCanvas();
    const { container } = renderView(
      new FakeDebriefApi(debriefFixture({ marks: [] }, entries)),
      undefined,
      canvas,
    );
    await panelsShown();
    const rows = container.querySelectorAll('.moment-transcript__row').length;
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(40);
    // The lanes: one canvas, a marker per few pixels and lane standing for every entry.
    const view = screen.getByTestId('lanes-view');
    expect(view.getAttribute('data-lanes-painted')).toBe('true');
    expect(container.querySelectorAll('.lanes__view *').length).toBeLessThan(10);
    const drawn = canvas.markers().length;
    // The whole call fits the width: 800 px / 6 px ≈ 134 buckets on 2 lanes.
    expect(drawn).toBeGreaterThan(200);
    expect(drawn).toBeLessThanOrEqual(2 * 134);
    expect(Number(view.getAttribute('data-markers'))).toBe(drawn);
    expect(Number(view.getAttribute('data-entries-shown'))).toBe(entries.length);
    expect(canvas.texts).toEqual([
      'Détresse',
      'Confiance',
      '0:00',
      '10:00',
      '20:00',
      '30:00',
      '40:00',
      '50:00',
      '1:00:00',
    ]);
    // Stepping back a hundred times is still the same handful of rows, and no new painting.
    const paintsBefore = canvas.paints;
    for (let i = 0; i < 100; i += 1) fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(momentHeading().textContent).toBe(`À ${formatDuration(entries[10_000 - 101]!.t)}`);
    expect(container.querySelectorAll('.moment-transcript__row').length).toBeLessThan(40);
    expect(canvas.paints).toBe(paintsBefore);
    expect(container.querySelector<HTMLElement>('.lanes__cursor')?.style.transform).toMatch(
      /^translateX\(\d/,
    );
    // Début in the transcript reaches its first row, drawn for it: still a handful of rows.
    const current = container.querySelector<HTMLElement>('.moment-transcript__row--current button')!;
    current.focus();
    fireEvent.keyDown(current, { key: 'Home' });
    expect(document.activeElement?.closest('li')?.getAttribute('aria-posinset')).toBe('1');
    expect(container.querySelectorAll('.moment-transcript__row').length).toBeLessThan(40);
    // Scrolled by hand back to its end, away from that row: the list itself is the Tab stop, and
    // ↓ goes on from that row.
    const transcript = container.querySelector<HTMLElement>('.moment-transcript')!;
    expect(transcript.hasAttribute('tabindex')).toBe(false);
    transcript.scrollTop = 0;
    fireEvent.scroll(transcript);
    expect(transcript.tabIndex).toBe(0);
    transcript.focus();
    fireEvent.keyDown(transcript, { key: 'ArrowDown' });
    expect(document.activeElement?.closest('li')?.getAttribute('aria-posinset')).toBe('2');
    expect(transcript.hasAttribute('tabindex')).toBe(false);
  });

  it('keeps the lanes reachable by keyboard, with a marker picked by a click', () => {
    const api = new FakeDebriefApi(debriefFixture());
    renderView(api);
    const lanes = screen.getByRole('group', { name: fr('debrief.lanes.label') });
    expect(lanes.tabIndex).toBe(0);
    expect(lanes.getAttribute('aria-describedby')).toBe('lanes-help');
    // The bookmark is a button on its lane.
    fireEvent.click(
      screen.getByRole('button', {
        name: fr('debrief.marks.jump', { time: '0:10', comment: 'Bonne présentation' }),
      }),
    );
    expect(momentHeading().textContent).toBe('À 0:10');
  });

  it('plays the call back at 4× with the caller speaking', () => {
    jest.useFakeTimers();
    const synth = new FakeSpeechSynthesis([fakeVoice('fr-FR')]).install();
    const api = new FakeDebriefApi(debriefFixture());
    renderView(api, synth);
    fireEvent.click(screen.getByRole('radio', { name: '4×' }));
    fireEvent.click(screen.getByRole('button', { name: fr('debrief.playback.play') }));
    // From the last moment, playback restarts at the beginning.
    expect(momentHeading().textContent).toBe('À 0:00');
    act(() => {
      jest.advanceTimersByTime(2_000);
    });
    // 2 s at 4× = 8 s of the session: the greeting was spoken, 3 s after the pickup.
    expect(momentHeading().textContent).toBe('À 0:03');
    const spoken = (synth as unknown as FakeSpeechSynthesis).spoken.map((u) => u.text);
    expect(spoken).toEqual(['Allô ? Bonjour…']);
    expect((synth as unknown as FakeSpeechSynthesis).spoken[0]?.rate).toBe(4);
    act(() => {
      jest.advanceTimersByTime(10_000);
    });
    expect(momentHeading().textContent).toBe('À 0:25');
    expect(screen.getByRole('button', { name: fr('debrief.playback.play') })).toBeTruthy();
  });

  it('draws the curves with a value axis, a dash and a name each, and gives them as a table', () => {
    const canvas = new RecordingCanvas();
    const { container } = renderView(new FakeDebriefApi(debriefFixture()), undefined, canvas);
    // The value axis: each curve on its own range, read as a share of it, with its lines across
    // the band; each range is said beside its name in the legend.
    const axis = screen.getByTestId('value-axis');
    expect([...axis.querySelectorAll('.lanes__axis-tick')].map((e) => e.textContent)).toEqual([
      '100\u202f%',
      '50\u202f%',
      '0\u202f%',
    ]);
    // Each series its own dash (not colour alone), its name at the end of its line.
    expect(canvas.dashes.slice(0, 2)).toEqual(['', '8,4']);
    expect(canvas.texts.slice(0, 2)).toEqual(['Détresse', 'Confiance']);
    const legend = screen.getByRole('list', { name: fr('debrief.curves') });
    const keys = [...legend.querySelectorAll('line')].map((line) => line.getAttribute('stroke-dasharray'));
    expect(keys).toEqual([null, '8 4']);
    expect([...legend.querySelectorAll('li')].map((item) => item.textContent?.trim())).toEqual([
      'Détresse (0–10)',
      'Confiance (0–10)',
    ]);
    // The table: one row per change, in call time.
    const details = container.querySelector('details.curves-table') as HTMLDetailsElement;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    const table = screen.getByRole('table', {
      name: fr('curves.tableCaption'),
    });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(rows).toEqual([
      "Temps d'appelDétresse (0–10)Confiance (0–10)",
      '0:004 sur 103 sur 10',
      '0:044 sur 105 sur 10',
    ]);
  });

  it('keeps the focus on the transcript when ← removes the focused row; the transcript is no nameless tab stop', async () => {
    const { container } = renderView(new FakeDebriefApi(debriefFixture()));
    await panelsShown();
    const transcript = container.querySelector<HTMLElement>('.moment-transcript')!;
    expect(transcript.hasAttribute('tabindex')).toBe(false);
    expect(transcript.getAttribute('role')).toBe('group');
    const last = container.querySelector<HTMLButtonElement>('.moment-transcript__row--current button')!;
    last.focus();
    fireEvent.keyDown(last, { key: 'ArrowLeft' });
    expect(document.activeElement).not.toBe(document.body);
    expect(document.activeElement?.closest('.moment-transcript__row--current')).toBeTruthy();
    // The rows wrap their whole text: no tooltip holds what the row cuts off.
    expect(container.querySelector('.moment-transcript__pick[title]')).toBeNull();
  });

  it('makes the transcript one Tab stop, moved within by ↑ ↓ Début Fin; a row chosen goes to its moment', async () => {
    renderView(new FakeDebriefApi(debriefFixture()));
    await panelsShown();
    const transcript = screen.getByRole('group', { name: fr('debrief.transcript.heading') });
    // How to move in it, said to a screen reader (and shown).
    const help = document.getElementById(transcript.getAttribute('aria-describedby') ?? '');
    expect(help?.textContent).toBe(fr('debrief.transcript.help'));
    const rows = () => within(transcript).getAllByRole('button');
    const stops = () => rows().filter((row) => row.tabIndex === 0);
    const count = rows().length;
    expect(count).toBe(13);
    // One Tab stop: the moment's row (the call's ending, the last row).
    expect(stops()).toEqual([rows()[count - 1]]);
    rows()[count - 1]!.focus();
    const press = (key: string) => fireEvent.keyDown(document.activeElement!, { key });
    press('ArrowUp');
    expect(document.activeElement).toBe(rows()[count - 2]);
    expect(stops()).toEqual([rows()[count - 2]]);
    press('Home');
    expect(document.activeElement).toBe(rows()[0]);
    press('ArrowUp');
    expect(document.activeElement).toBe(rows()[0]);
    press('End');
    expect(document.activeElement).toBe(rows()[count - 1]);
    press('ArrowUp');
    press('ArrowUp');
    expect(document.activeElement).toBe(rows()[count - 3]);
    expect(stops()).toEqual([rows()[count - 3]]);
    // Moving among the rows does not move the moment; choosing one does.
    expect(momentHeading().textContent).toBe('À 0:25');
    fireEvent.click(document.activeElement!);
    expect(momentHeading().textContent).toBe('À 0:16');
    expect(rows()).toHaveLength(count - 2);
    expect(document.activeElement).toBe(rows()[count - 3]);
    expect(stops()).toEqual([rows()[count - 3]]);
    // A step with ← takes the Tab stop, and the focus that was in the list, to the moment's row.
    press('ArrowLeft');
    expect(rows()).toHaveLength(count - 3);
    expect(document.activeElement).toBe(rows()[count - 4]);
    expect(stops()).toEqual([rows()[count - 4]]);
  });

  it('says each step once, in one live region: the moment and its line; nothing while playing', async () => {
    const { container } = renderView(new FakeDebriefApi(debriefFixture()));
    await panelsShown();
    const regions = () => [
      ...container.querySelectorAll<HTMLElement>(
        '[aria-live]:not([aria-live="off"]), [role="status"], [role="log"], [role="alert"]',
      ),
    ];
    const before = new Map(regions().map((region) => [region, region.textContent]));
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(momentHeading().textContent).toBe('À 0:25');
    const spoken = regions().filter((region) => before.get(region) !== region.textContent);
    expect(spoken).toHaveLength(1);
    const speaker = container.querySelector('.debrief__current .entry__speaker')!.textContent!;
    expect(spoken[0]!.textContent).toBe(
      fr('debrief.moment.said', {
        time: '0:25',
        speaker,
        line: container.querySelector('.debrief__current')!.textContent!.slice(speaker.length).trim(),
      }),
    );
    // Played back, the step's region is silent (the voice speaks the lines).
    fireEvent.click(screen.getByRole('button', { name: fr('debrief.playback.play') }));
    expect(spoken[0]!.getAttribute('aria-live')).toBe('off');
    fireEvent.click(screen.getByRole('button', { name: fr('debrief.playback.pause') }));
    expect(spoken[0]!.getAttribute('aria-live')).toBe('polite');
  });

  it("words the lanes' and the transcript's help for every device: no click, no mouse", () => {
    renderView(new FakeDebriefApi(debriefFixture()));
    expect(document.getElementById('lanes-help')?.textContent).toBe(fr('debrief.lanes.help'));
    for (const lang of ['fr', 'en'] as const)
      for (const key of ['debrief.lanes.help', 'debrief.transcript.help'] as const)
        expect(translate(lang, key)).not.toMatch(/\b(cliqu\w*|click\w*|souris|mouse|tap|touch)\b/i);
  });

  it('paints the lanes in the text colour under forced colours (markers and curves stay drawn)', () => {
    const original = window.matchMedia;
    window.matchMedia = ((query: string) => ({ matches: query === '(forced-colors: active)' })) as never;
    try {
      const canvas = new RecordingCanvas();
      renderView(new FakeDebriefApi(debriefFixture()), undefined, canvas);
      const fills = new Set(canvas.markers().map((marker) => marker.fill));
      expect(canvas.markers().length).toBeGreaterThan(0);
      expect(fills.size).toBe(1);
      expect([...fills][0]).not.toMatch(/^#/);
    } finally {
      window.matchMedia = original;
    }
  });
});
