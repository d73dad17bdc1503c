// The debrief's forms sent empty: the button is never dimmed without a word why. It stays enabled
// (a keyboard or screen reader user meets it, and a focused button never drops the focus); sent
// empty, it says what is missing under the field, tied to it (`aria-describedby`, `aria-invalid`),
// and that field takes the focus. Typing (or rating) takes the message away.
import { describe, expect, it, jest } from '@jest/globals';
import { act, fireEvent, screen, within } from '@testing-library/react';
import type { JudgmentRequest, SelfAssessmentRequest } from '@ecoute/protocol';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { debriefFixture } from './debriefFixture.js';
import { MarksPanel, type MarkActions } from './MarksPanel.js';
import { RubricPanel } from './RubricPanel.js';
import { SelfAssessmentForm } from './SelfAssessmentForm.js';

const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

/** What describes `field`: the texts of the elements its `aria-describedby` names. */
function description(field: HTMLElement): string {
  return (field.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

/** Presses the button as a keyboard user does: it has the focus first (a disabled one cannot). */
function press(button: HTMLElement): void {
  expect(button).toHaveProperty('disabled', false);
  button.focus();
  expect(document.activeElement).toBe(button);
  fireEvent.click(button);
}

describe('an annotation sent empty', () => {
  it('says the comment is missing on its field, which takes the focus; nothing is sent', async () => {
    const add = jest.fn<MarkActions['add']>(async () => ({ id: 'a1' }));
    const actions: MarkActions = { add, update: async () => null, remove: async () => null };
    renderWithSession(<MarksPanel marks={[]} editable momentT={5_000} onJump={() => {}} actions={actions} />);
    const field = screen.getByRole('textbox', { name: /Nouvelle annotation/ });
    expect(field.getAttribute('aria-invalid')).toBeNull();
    press(screen.getByRole('button', { name: fr('debrief.marks.add') }));
    expect(add).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(field);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(description(field)).toBe(fr('debrief.marks.commentMissing'));
    // Blank is empty too.
    fireEvent.change(field, { target: { value: '   ' } });
    press(screen.getByRole('button', { name: fr('debrief.marks.add') }));
    expect(add).not.toHaveBeenCalled();
    fireEvent.change(field, { target: { value: 'Ici, ralentir' } });
    expect(field.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText(fr('debrief.marks.commentMissing'))).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('debrief.marks.add') }));
    });
    expect(add).toHaveBeenCalledWith(5_000, 'Ici, ralentir');
  });
});

describe('a self-assessment sent empty', () => {
  it('says a rating or a word is missing on the comment, which takes the focus; no confirmation', () => {
    const onSubmit = jest.fn(async (_request: SelfAssessmentRequest) => null);
    renderWithSession(<SelfAssessmentForm rubric={debriefFixture().rubric} onSubmit={onSubmit} />);
    const comment = screen.getByRole('textbox', { name: fr('debrief.self.comment') });
    press(screen.getByRole('button', { name: fr('debrief.self.submit') }));
    expect(screen.queryByRole('button', { name: fr('debrief.self.confirmYes') })).toBeNull();
    expect(document.activeElement).toBe(comment);
    expect(comment.getAttribute('aria-invalid')).toBe('true');
    expect(description(comment)).toBe(fr('debrief.self.missing'));
    // A rating is enough: the message goes, and sending asks the confirmation, which takes the focus.
    fireEvent.click(
      within(screen.getByRole('radiogroup', { name: 'Ton posé, rythme adapté' })).getByRole('radio', {
        name: fr('debrief.rating.met'),
      }),
    );
    expect(comment.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText(fr('debrief.self.missing'))).toBeNull();
    press(screen.getByRole('button', { name: fr('debrief.self.submit') }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: fr('debrief.self.confirmYes') }));
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

describe('a judgment saved without a rating', () => {
  it('says the rating is missing on the ratings, the first takes the focus; nothing is saved', async () => {
    const onJudge = jest.fn(async (_criterion: string, _request: JudgmentRequest) => null);
    const fixture = debriefFixture();
    renderWithSession(
      <RubricPanel
        rubric={fixture.rubric}
        judgments={[]}
        selfAssessment={null}
        viewer="trainer"
        onJump={() => {}}
        onJudge={onJudge}
      />,
    );
    const form = screen.getByRole('group', {
      name: fr('debrief.judgment.legend', { criterion: 'Ton posé, rythme adapté' }),
    });
    press(within(form).getByRole('button', { name: fr('debrief.judgment.save') }));
    expect(onJudge).not.toHaveBeenCalled();
    const [first, ...others] = within(form).getAllByRole('radio');
    expect(document.activeElement).toBe(first);
    for (const radio of [first!, ...others]) {
      expect(radio.getAttribute('aria-invalid')).toBe('true');
      expect(description(radio)).toBe(fr('debrief.judgment.missing'));
    }
    fireEvent.click(within(form).getByRole('radio', { name: fr('debrief.rating.partly') }));
    expect(within(form).queryByText(fr('debrief.judgment.missing'))).toBeNull();
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: fr('debrief.judgment.save') }));
    });
    expect(onJudge).toHaveBeenCalledWith('ton_pose', { rating: 'partly', comment: '' });
  });
});
