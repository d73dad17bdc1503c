// The three parts of the scenario format that needed the YAML pane until now, from the forms: a
// variable's gauge colours (`thresholds`), an ending's list of criteria at the debrief
// (`feedback`), a timer that repeats (`after` to its own state with `reenter: true`). Each is
// written into the text (comments and order kept), read back by the forms, checked with a message
// on its field, and read by the engine as the author meant (a test-play on a manual clock).
import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, within } from '@testing-library/react';
import { gaugeLevel, parseScenario, type Observation } from '@ecoute/engine';
import { renderWithSession } from '../../test/renderWithSession.js';
import { BLANK, current, fr_, Harness, named, queried } from '../../test/studioHarness.js';
import { translate } from '../../i18n/catalogue.js';
import { startTestPlay } from '../testPlay/testPlaySession.js';
import { plainOf } from '../yamlEdit/document.js';

/** The hint or error a field is described by, as a screen reader reads it. */
const describedOf = (field: HTMLElement) =>
  (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => field.ownerDocument.getElementById(id)?.textContent ?? '')
    .join(' ');

/** The test-play of `text`, picked up: its observations so far, and the run to drive. */
function played(text: string) {
  const start = startTestPlay(text);
  if (!start.ok) throw new Error(JSON.stringify(start.issues));
  start.session.apply({ kind: 'pickup' });
  const observed = () =>
    start.session
      .snapshot()
      .entries.flatMap((e) => (e.kind === 'observation' ? [e.observation as Observation] : []));
  return { session: start.session, observed };
}

describe("a variable's gauge colours", () => {
  const colours = () => {
    fireEvent.click(screen.getByRole('tab', { name: fr_('studio.forms.variables') }));
    const variable = screen.getByRole('group', { name: 'Confiance' });
    return within(variable).getByRole('group', { name: fr_('studio.forms.variables.thresholds') });
  };
  const field = (key: Parameters<typeof fr_>[0]) =>
    within(colours()).getByLabelText(fr_(key)) as HTMLInputElement;

  it('writes direction, « à surveiller » and « danger » in the schema order; the console colours by them', () => {
    renderWithSession(<Harness />);
    // Filled in any order: written { direction, warning, danger }, on the variable's one line.
    fireEvent.change(field('studio.forms.variables.danger'), { target: { value: '2' } });
    fireEvent.change(field('studio.forms.variables.direction'), { target: { value: 'down' } });
    fireEvent.change(field('studio.forms.variables.warning'), { target: { value: '4' } });
    expect(current).toContain(
      '  confiance: { label: Confiance, min: 0, max: 10, initial: 5, thresholds: { direction: down, warning: 4, danger: 2 } }\n',
    );
    expect(current.startsWith('# Un commentaire qui doit rester.\n')).toBe(true);
    const parsed = parseScenario(current);
    expect(parsed.ok && parsed.scenario.variables['confiance']?.thresholds).toEqual({
      direction: 'down',
      warning: 4,
      danger: 2,
    });
    // The trainer's gauge: 5 is « normal », 4 « à surveiller », 2 « danger » (a low value worries).
    const { session } = played(current);
    const gauge = session.snapshot().view.variables.find((v) => v.id === 'confiance')!;
    expect([5, 4, 3, 2, 0].map((value) => gaugeLevel({ ...gauge, value }))).toEqual([
      'ok',
      'warning',
      'warning',
      'danger',
      'danger',
    ]);

    // Emptied, and back to « une valeur haute »: nothing is left of them, the text as it was.
    fireEvent.change(field('studio.forms.variables.warning'), { target: { value: '' } });
    fireEvent.change(field('studio.forms.variables.danger'), { target: { value: '' } });
    fireEvent.change(field('studio.forms.variables.direction'), { target: { value: 'up' } });
    expect(current).toBe(BLANK);
  });

  it('reads them back from the text', () => {
    renderWithSession(
      <Harness
        initial={BLANK.replace(
          'initial: 5 }',
          'initial: 5, thresholds: { direction: down, warning: 3, danger: 1 } }',
        )}
      />,
    );
    expect(field('studio.forms.variables.direction').value).toBe('down');
    expect(field('studio.forms.variables.warning').value).toBe('3');
    expect(field('studio.forms.variables.danger').value).toBe('1');
    expect(within(colours()).queryByRole('alert')).toBeNull();
  });

  it('says on its field a threshold outside the bounds, or danger before « à surveiller »', () => {
    renderWithSession(<Harness />);
    fireEvent.change(field('studio.forms.variables.warning'), { target: { value: '12' } });
    expect(field('studio.forms.variables.warning').getAttribute('aria-invalid')).toBe('true');
    expect(describedOf(field('studio.forms.variables.warning'))).toBe(
      translate('fr', 'studio.forms.variables.outOfBounds', { min: 0, max: 10 }),
    );
    fireEvent.change(field('studio.forms.variables.warning'), { target: { value: '6' } });
    expect(field('studio.forms.variables.warning').getAttribute('aria-invalid')).toBeNull();

    // A high value worries (the default): danger at 4 would come before « à surveiller » at 6.
    fireEvent.change(field('studio.forms.variables.danger'), { target: { value: '4' } });
    expect(field('studio.forms.variables.danger').getAttribute('aria-invalid')).toBe('true');
    expect(within(colours()).getByRole('alert').textContent).toBe(
      translate('fr', 'studio.forms.variables.orderUp', { warning: 6 }),
    );
    // The schema refuses it too: what the form says is what the text would be refused for.
    expect(parseScenario(current).ok).toBe(false);
    // A low value worries: 4 is then after 6, in order.
    fireEvent.change(field('studio.forms.variables.direction'), { target: { value: 'down' } });
    expect(within(colours()).queryByRole('alert')).toBeNull();
    expect(parseScenario(current).ok).toBe(true);
  });
});

describe("an ending's criteria at the debrief", () => {
  const TWO_CRITERIA = BLANK.replace(
    '      - { id: se_presente, label: Se présente, auto: { move: se_presenter } }\n',
    '      - { id: se_presente, label: Se présente, auto: { move: se_presenter } }\n' +
      '      - { id: ecoute, label: Laisse parler, auto: { notMove: se_presenter } }\n',
  );
  const feedback = () => {
    fireEvent.click(screen.getByRole('tab', { name: fr_('studio.forms.endings') }));
    const ending = screen.getByRole('group', { name: 'Aidée.' });
    return within(ending).getByRole('group', { name: fr_('studio.forms.endings.feedback') });
  };
  const toggle = () =>
    within(feedback()).getByRole('checkbox', {
      name: fr_('studio.forms.endings.feedbackOn'),
    }) as HTMLInputElement;
  const heading = (key: 'studio.forms.endings.feedbackMet' | 'studio.forms.endings.feedbackMissed') =>
    within(feedback()).getByLabelText(fr_(key)) as HTMLInputElement;

  it("turned on with the library's words; each edited; its example; the call's message; turned off", () => {
    renderWithSession(<Harness initial={TWO_CRITERIA} />);
    expect(toggle().checked).toBe(false);
    expect(within(feedback()).queryByLabelText(fr_('studio.forms.endings.feedbackMet'))).toBeNull();
    fireEvent.click(toggle());
    const met = fr_('studio.forms.endings.feedbackMetDefault');
    const missed = fr_('studio.forms.endings.feedbackMissedDefault');
    expect(current).toContain(
      `  aidee: { outcome: best, message: Aidée., feedback: { met: "${met}", missed: "${missed}" } }\n`,
    );
    expect([toggle().checked, heading('studio.forms.endings.feedbackMet').value]).toEqual([true, met]);

    fireEvent.change(heading('studio.forms.endings.feedbackMissed'), {
      target: { value: 'À reprendre ensemble\u00a0:' },
    });
    expect((plainOf(current)?.['endings'] as Record<string, unknown>)['aidee']).toEqual({
      outcome: 'best',
      message: 'Aidée.',
      feedback: { met, missed: 'À reprendre ensemble\u00a0:' },
    });
    // The example, worded by the engine from the draft's rubric: one criterion met, one missed.
    const example = `Aidée. ${met} se présente. À reprendre ensemble\u00a0: laisse parler.`;
    expect(feedback().textContent).toContain(
      translate('fr', 'studio.forms.endings.feedbackExample', { example }),
    );

    // The call played to this ending: its message lists what the rubric measured.
    const { session, observed } = played(current);
    session.apply({ kind: 'move', move: 'se_presenter' });
    const ending = observed().find((o) => o.kind === 'ending');
    expect(ending?.kind === 'ending' && ending.message).toBe(example);

    fireEvent.click(toggle());
    expect(current).toBe(TWO_CRITERIA);
  });

  it('reads them back; an emptied one is said on its field; a rubric with nothing measured is said', () => {
    renderWithSession(
      <Harness
        initial={BLANK.replace(
          'message: Aidée. }',
          "message: Aidée., feedback: { met: 'Bravo\u00a0:', missed: 'À revoir\u00a0:' } }",
        ).replace('auto: { move: se_presenter } }', 'judged: true }')}
      />,
    );
    expect(toggle().checked).toBe(true);
    expect(heading('studio.forms.endings.feedbackMet').value).toBe('Bravo\u00a0:');
    expect(heading('studio.forms.endings.feedbackMissed').value).toBe('À revoir\u00a0:');
    expect(within(feedback()).getByText(queried('studio.forms.endings.feedbackNoCriteria'))).toBeTruthy();

    fireEvent.change(heading('studio.forms.endings.feedbackMet'), { target: { value: '' } });
    expect(heading('studio.forms.endings.feedbackMet').getAttribute('aria-invalid')).toBe('true');
    expect(describedOf(heading('studio.forms.endings.feedbackMet'))).toBe(
      fr_('studio.forms.endings.feedbackRequired'),
    );
    expect(heading('studio.forms.endings.feedbackMissed').getAttribute('aria-invalid')).toBeNull();
  });
});

describe('a timer that repeats', () => {
  const addForm = () => screen.getByRole('form', { name: fr_('studio.graph.addTransition') });
  const repeatBox = (form: HTMLElement) =>
    within(form).getByRole('checkbox', { name: fr_('studio.graph.repeat') }) as HTMLInputElement;
  /** « Accueil », after `seconds` s, repeating: chosen in `form`. */
  const chooseRepeat = (form: HTMLElement, seconds: string) => {
    fireEvent.change(within(form).getByLabelText(fr_('studio.graph.from')), { target: { value: 'accueil' } });
    fireEvent.change(within(form).getByLabelText(fr_('studio.graph.trigger')), {
      target: { value: ':after' },
    });
    fireEvent.change(within(form).getByLabelText(fr_('studio.graph.delay')), { target: { value: seconds } });
    if (!repeatBox(form).checked) fireEvent.click(repeatBox(form));
  };
  const accueil = () =>
    (plainOf(current)?.['machine'] as { states: Record<string, Record<string, unknown>> }).states['accueil']!;

  it('is written back to its own state, re-entered; listed as such; the engine repeats it', () => {
    renderWithSession(<Harness graphToo />);
    const form = addForm();
    chooseRepeat(form, '15');
    // No « Vers »: the state itself. What re-entering it does again is said first.
    expect(within(form).queryByLabelText(fr_('studio.graph.to'))).toBeNull();
    const box = repeatBox(form);
    expect(describedOf(box)).toContain(
      translate('fr', 'studio.graph.repeatHint', { seconds: 15, state: 'Accueil' }),
    );
    expect(describedOf(box)).toContain(
      translate('fr', 'studio.graph.repeatEntry', {
        state: 'Accueil',
        actions: translate('fr', 'studio.action.words.say', { line: 'Allô ? Bonjour.' }),
      }),
    );
    fireEvent.click(within(form).getByRole('button', { name: fr_('studio.graph.addTransition') }));
    expect(current).toContain(
      '      on:\n        se_presenter: fin\n      after:\n        15000:\n          target: accueil\n          reenter: true\n',
    );
    expect(accueil()['after']).toEqual({ 15000: { target: 'accueil', reenter: true } });
    expect(parseScenario(current).ok).toBe(true);

    const state = screen.getByRole('group', { name: fr_('studio.graph.editState') });
    fireEvent.change(within(state).getByLabelText(fr_('studio.graph.state')), {
      target: { value: 'accueil' },
    });
    const words = translate('fr', 'studio.graph.outgoingRepeat', { seconds: 15 });
    expect(within(state).getByText(words.replace(/\u00a0/g, ' '))).toBeTruthy();

    // Played: the greeting again every 15 s while the call stays in « Accueil ».
    const { session, observed } = played(current);
    const greetings = () => observed().filter((o) => o.kind === 'line' && o.line === 'bonjour').length;
    expect(greetings()).toBe(1);
    session.advance(10_000);
    session.advance(10_000);
    session.advance(10_000);
    expect(greetings()).toBe(3);
    session.apply({ kind: 'move', move: 'se_presenter' });
    session.advance(60_000);
    expect(greetings()).toBe(3);

    // Opened again: the repeat is checked. Unchecked, to « Fin »: `reenter` goes; checked again, back.
    fireEvent.click(
      within(state).getByRole('button', {
        name: named('studio.graph.editTransitionNamed', words.split('\u00a0')[0]!),
      }),
    );
    const editing = screen.getByRole('form', { name: fr_('studio.graph.editTransition') });
    expect(repeatBox(editing).checked).toBe(true);
    fireEvent.click(repeatBox(editing));
    fireEvent.change(within(editing).getByLabelText(fr_('studio.graph.to')), { target: { value: 'fin' } });
    fireEvent.click(within(editing).getByRole('button', { name: fr_('studio.graph.saveTransition') }));
    expect(accueil()['after']).toEqual({ 15000: { target: 'fin' } });
    fireEvent.click(
      within(state).getByRole('button', {
        name: named(
          'studio.graph.editTransitionNamed',
          translate('fr', 'studio.graph.trigger.afterN', { seconds: 15 }),
        ),
      }),
    );
    const again = screen.getByRole('form', { name: fr_('studio.graph.editTransition') });
    expect(repeatBox(again).checked).toBe(false);
    fireEvent.click(repeatBox(again));
    fireEvent.click(within(again).getByRole('button', { name: fr_('studio.graph.saveTransition') }));
    expect(current).toContain('        15000:\n          target: accueil\n          reenter: true\n');
  });

  it('refuses a repeat under 1 s, a delay that is no number or longer than a call, on the delay field', () => {
    renderWithSession(<Harness graphToo />);
    const form = addForm();
    const delay = () => within(form).getByLabelText(fr_('studio.graph.delay')) as HTMLInputElement;
    const add = () =>
      fireEvent.click(within(form).getByRole('button', { name: fr_('studio.graph.addTransition') }));
    for (const [seconds, key] of [
      ['0', 'studio.graph.repeatTooShort'],
      ['vingt', 'studio.graph.delayInvalid'],
      ['-5', 'studio.graph.delayInvalid'],
      ['30000', 'studio.graph.delayTooLong'],
    ] as const) {
      chooseRepeat(form, seconds);
      add();
      expect({ seconds, text: current }).toEqual({ seconds, text: BLANK });
      expect({ seconds, invalid: delay().getAttribute('aria-invalid') }).toEqual({
        seconds,
        invalid: 'true',
      });
      expect({ seconds, said: describedOf(delay()) }).toEqual({
        seconds,
        said: translate('fr', key, { max: 21600 }),
      });
      expect(delay().ownerDocument.activeElement).toBe(delay());
    }
    // Once: at 0 s the timer fires at once and is done, which the text may say.
    chooseRepeat(form, '0');
    fireEvent.click(repeatBox(form));
    expect(delay().getAttribute('aria-invalid')).toBeNull();
    fireEvent.change(within(form).getByLabelText(fr_('studio.graph.to')), { target: { value: 'fin' } });
    add();
    expect(accueil()['after']).toEqual({ 0: 'fin' });
  });

  it('is not offered from the whole call: re-entering the machine would start the call over', () => {
    renderWithSession(<Harness graphToo />);
    const form = addForm();
    fireEvent.change(within(form).getByLabelText(fr_('studio.graph.trigger')), {
      target: { value: ':after' },
    });
    expect(repeatBox(form)).toBeTruthy();
    fireEvent.change(within(form).getByLabelText(fr_('studio.graph.from')), { target: { value: ':call' } });
    expect(within(form).queryByRole('checkbox', { name: fr_('studio.graph.repeat') })).toBeNull();
  });
});
