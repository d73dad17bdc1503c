import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { FakeDebriefApi, debriefFixture } from './debriefFixture.js';
import { DebriefPage } from './DebriefPage.js';

// The page's words, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);
/** A text as `getByText` reads the page's: its no-break spaces as plain ones. */
const plain = (text: string) => text.replace(/\s+/g, ' ');

function openWith(failWith: string) {
  const api = new FakeDebriefApi(debriefFixture(), failWith);
  renderWithSession(<DebriefPage apiFor={() => api} />, {
    route: { path: '/debrief/:sessionId', url: '/debrief/abc#k=observer-token' },
  });
}

describe('DebriefPage: a link that does not open the debrief', () => {
  it("says whose links open it to an observer's link, with a way home", async () => {
    openWith('auth/forbidden_role');
    const alert = await screen.findByText(plain(fr('debrief.forbiddenRole')));
    expect(alert.getAttribute('role')).toBe('alert');
    // Not the generic refusal of a role.
    expect(screen.queryByText(plain(fr('error.auth/forbidden_role')))).toBeNull();
    expect(screen.getByRole('link', { name: fr('nav.back.home') }).getAttribute('href')).toBe('/');
  });

  it("keeps the catalogue's text for any other failure", async () => {
    openWith('session/not_found');
    expect((await screen.findByText(fr('error.session/not_found'))).getAttribute('role')).toBe('alert');
  });
});
