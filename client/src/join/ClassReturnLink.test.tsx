// A learner's call page of a group session, at the end of the call: the way back to the group
// session page (where the next round's role arrives). « Ouvrir mon appel » had left that page in
// the same tab, and nothing on the call page led back to it.
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { EndingView } from '@ecoute/engine';
import { CallerActorPage } from '../callerActor/CallerActorPage.js';
import { translate } from '../i18n/catalogue.js';
import { ListenerPage } from '../listener/ListenerPage.js';
import { ObserverPage } from '../observer/ObserverPage.js';
import { fakeSession } from '../test/fakeSession.js';
import { callerActorView, inputEntry, lineEntry, listenerView } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { classOfCall, classReturnOf, rememberClassReturn } from './classReturn.js';

const back = translate('fr', 'classroom.join.back');
const ending: EndingView = {
  ending: 'orientee',
  outcome: 'good',
  message: 'Vous avez orienté.',
  reason: 'scenario',
};
const entries = [inputEntry(1, { kind: 'pickup' }), lineEntry(2, 'Allô ?')];

const pages: [string, () => ReactElement, 'listener' | 'observer' | 'callerActor'][] = [
  ['listener', () => <ListenerPage />, 'listener'],
  ['observer', () => <ObserverPage />, 'observer'],
  ['callerActor', () => <CallerActorPage />, 'callerActor'],
];

function renderEnded(
  role: 'listener' | 'observer' | 'callerActor',
  page: ReactElement,
  phase: 'ended' | 'connected',
) {
  const view =
    role === 'callerActor'
      ? callerActorView({ phase, ending: phase === 'ended' ? ending : null })
      : listenerView({ role, phase, ending: phase === 'ended' ? ending : null });
  renderWithSession(page, {
    session: fakeSession({ view, entries }),
    route: { path: `/${role}/:sessionId`, url: `/${role}/s1` },
  });
}

afterEach(() => localStorage.clear());

describe('ClassReturnLink', () => {
  it('remembers the group session page of an assignment’s call, by its session', () => {
    rememberClassReturn('/ecoute/s1#k=token', '/classe?code=AB12CD', 'c1');
    expect(classReturnOf('s1')).toBe('/classe?code=AB12CD');
    expect(classOfCall('s1')).toBe('c1');
    expect(classReturnOf('s2')).toBeNull();
    expect(classOfCall('s2')).toBeNull();
    // Remembered by an earlier version (the path alone): the way back still, no class.
    localStorage.setItem('ecoute.classReturn.s4', '/classe?code=AB12CD');
    expect(classReturnOf('s4')).toBe('/classe?code=AB12CD');
    expect(classOfCall('s4')).toBeNull();
    // Never a link elsewhere, whatever the store holds.
    localStorage.setItem('ecoute.classReturn.s3', 'https://example.org/classe');
    expect(classReturnOf('s3')).toBeNull();
    localStorage.setItem('ecoute.classReturn.s5', JSON.stringify({ back: '//example.org', classId: 'c1' }));
    expect(classReturnOf('s5')).toBeNull();
    expect(classOfCall('s5')).toBeNull();
  });

  for (const [name, page, role] of pages) {
    it(`${name}: renders where the storage may not be read (a platform's iframe blocking it)`, () => {
      // Chromium in a third party's iframe, its storage blocked: every access throws.
      const blocked = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
      const get = jest.spyOn(Storage.prototype, 'getItem').mockImplementation(blocked);
      const set = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(blocked);
      try {
        rememberClassReturn(`/${role}/s1#k=token`, '/classe?code=AB12CD', 'c1');
        renderEnded(role, page(), 'connected');
        expect(screen.getByRole('heading', { level: 1 })).toBeTruthy();
        expect(classOfCall('s1')).toBeNull();
      } finally {
        get.mockRestore();
        set.mockRestore();
      }
    });

    it(`${name}: at the end of a group session's call, links back to the group session page`, () => {
      rememberClassReturn(`/${role}/s1#k=token`, '/classe?code=AB12CD', 'c1');
      renderEnded(role, page(), 'ended');
      const link = screen.getByRole('link', { name: back });
      expect(link.getAttribute('href')).toBe('/classe?code=AB12CD');
    });

    it(`${name}: no such link during the call`, () => {
      rememberClassReturn(`/${role}/s1#k=token`, '/classe?code=AB12CD', 'c1');
      renderEnded(role, page(), 'connected');
      expect(screen.queryByRole('link', { name: back })).toBeNull();
    });

    it(`${name}: no such link at the end of a call that no group session page opened`, () => {
      renderEnded(role, page(), 'ended');
      expect(screen.queryByRole('link', { name: back })).toBeNull();
    });
  }
});
