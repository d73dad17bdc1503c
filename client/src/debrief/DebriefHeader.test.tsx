import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { renderWithSession } from '../test/renderWithSession.js';
import { debriefFixture, FakeDebriefApi } from './debriefFixture.js';
import { DebriefHeader } from './DebriefHeader.js';

describe('the debrief header', () => {
  it('leads a trainer back to the sessions list', () => {
    const api = new FakeDebriefApi(debriefFixture());
    renderWithSession(<DebriefHeader debrief={api.debrief} api={api} facts={false} />);
    const back = screen.getByRole('link', { name: "← Retour aux séances de l'organisme" });
    expect(back.getAttribute('href')).toBe('/sessions');
  });

  it('leads a learner back home', () => {
    const api = new FakeDebriefApi(debriefFixture({ viewer: 'listener' }));
    renderWithSession(<DebriefHeader debrief={api.debrief} api={api} facts={false} />);
    const back = screen.getByRole('link', { name: "← Retour à l'accueil" });
    expect(back.getAttribute('href')).toBe('/');
  });

  it('gives a call not over as « appel en cours », not as an outcome', () => {
    const live = new FakeDebriefApi(debriefFixture({ callOver: false }));
    const { unmount } = renderWithSession(<DebriefHeader debrief={live.debrief} api={live} />);
    const outcome = (): string =>
      screen.getByText('Issue', { selector: 'dt' }).nextElementSibling?.textContent ?? '';
    expect(outcome()).toBe('appel en cours');
    unmount();
    const over = new FakeDebriefApi(debriefFixture());
    renderWithSession(<DebriefHeader debrief={over.debrief} api={over} />);
    expect(outcome()).not.toBe('appel en cours');
  });
});
