import { describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import { DebriefApp } from './DebriefApp.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// The page's words, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

function renderAt(path: string) {
  window.history.pushState({}, '', path);
  const left: string[] = [];
  render(<DebriefApp page={<h1>La page du débriefing</h1>} leave={(url) => left.push(url)} />);
  return left;
}

describe("DebriefApp: a debrief link's own entry", () => {
  it("shows the debrief page inside the app's layout", () => {
    const left = renderAt('/debrief/abc?seq=3');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('La page du débriefing');
    expect(screen.getByRole('link', { name: fr('app.skipToContent') })).toBeTruthy();
    expect(screen.getByRole('main').contains(screen.getByRole('heading', { level: 1 }))).toBe(true);
    expect(screen.getByRole('button', { name: fr('lang.en') })).toBeTruthy();
    expect(left).toEqual([]);
  });

  it('leaves for the whole app on any other path (the layout’s links), path and query kept', () => {
    const left = renderAt('/debrief/abc');
    fireEvent.click(screen.getByRole('link', { name: fr('a11y.footer') }));
    expect(left).toEqual(['/accessibilite']);
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
  });

  it('leaves at once when opened on a path that is not a debrief', () => {
    expect(renderAt('/sessions?x=1')).toEqual(['/sessions?x=1']);
  });
});
