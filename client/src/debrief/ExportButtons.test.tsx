import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import { renderWithSession } from '../test/renderWithSession.js';
import { FakeDebriefApi, debriefFixture } from './debriefFixture.js';
import { ExportButtons } from './ExportButtons.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// The page's words, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

describe('ExportButtons', () => {
  it('sends the statements to the LRS and says how many went', async () => {
    const api = new FakeDebriefApi(debriefFixture());
    renderWithSession(<ExportButtons sessionId="s1" api={api} trainer lrs />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('debrief.exports.lrs') }));
    });
    expect(api.calls.map((c) => c.method)).toEqual(['sendToLrs']);
    expect(screen.getByRole('status').textContent).toBe(fr('debrief.exports.lrsSent', { count: 12 }));
  });

  it('shows the code’s message when no LRS is configured', async () => {
    const api = new FakeDebriefApi(debriefFixture(), 'export/lrs_not_configured');
    renderWithSession(<ExportButtons sessionId="s1" api={api} trainer lrs />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: fr('debrief.exports.lrs') }));
    });
    expect(screen.getByRole('alert').textContent).toContain('LRS');
  });

  it('offers no LRS button when the server has no LRS configured', () => {
    renderWithSession(
      <ExportButtons sessionId="s1" api={new FakeDebriefApi(debriefFixture())} trainer lrs={false} />,
    );
    expect(screen.queryByRole('button', { name: /LRS/ })).toBeNull();
    expect(screen.getByRole('button', { name: /JSON/ })).toBeTruthy();
  });

  it('offers only printing to the learner', () => {
    renderWithSession(
      <ExportButtons sessionId="s1" api={new FakeDebriefApi(debriefFixture())} trainer={false} lrs />,
    );
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toHaveLength(1);
  });
});
