import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { renderWithSession } from '../test/renderWithSession.js';
import { debriefFixture, FakeDebriefApi } from './debriefFixture.js';
import { DebriefHeader } from './DebriefHeader.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// What the debrief's reader reads, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

describe('the debrief header', () => {
  it('leads a trainer back to the sessions list', () => {
    const api = new FakeDebriefApi(debriefFixture());
    renderWithSession(<DebriefHeader debrief={api.debrief} api={api} facts={false} />);
    const back = screen.getByRole('link', { name: fr('nav.back.sessions') });
    expect(back.getAttribute('href')).toBe('/sessions');
  });

  it('leads a learner back home', () => {
    const api = new FakeDebriefApi(debriefFixture({ viewer: 'listener' }));
    renderWithSession(<DebriefHeader debrief={api.debrief} api={api} facts={false} />);
    const back = screen.getByRole('link', { name: fr('nav.back.home') });
    expect(back.getAttribute('href')).toBe('/');
  });

  it('gives a call not over as « appel en cours », not as an outcome', () => {
    const live = new FakeDebriefApi(debriefFixture({ callOver: false }));
    const { unmount } = renderWithSession(<DebriefHeader debrief={live.debrief} api={live} />);
    const outcome = (): string =>
      screen.getByText(fr('outcome.label'), { selector: 'dt' }).nextElementSibling?.textContent ?? '';
    expect(outcome()).toBe(fr('debrief.measures.notEnded'));
    unmount();
    const over = new FakeDebriefApi(debriefFixture());
    renderWithSession(<DebriefHeader debrief={over.debrief} api={over} />);
    expect(outcome()).not.toBe(fr('debrief.measures.notEnded'));
  });
});
