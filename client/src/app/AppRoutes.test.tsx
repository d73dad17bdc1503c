import { describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { I18nProvider } from '../i18n/index.js';
import { ROLE_PATHS } from '@ecoute/protocol';
import { AppRoutes } from './AppRoutes.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// What a visitor reads, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

function renderAt(path: string) {
  return render(
    <I18nProvider initialLang="fr">
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </I18nProvider>,
  );
}

describe('AppRoutes', () => {
  it('refuses a role link without its key, before any connection', () => {
    renderAt('/ecoute/abc');
    expect(screen.getByRole('alert').textContent).toBe(fr('error.client/missing_token'));
  });

  it("opens each role's page at its link's words, and at the role's name of the links made before them", () => {
    for (const role of ['listener', 'trainer', 'observer', 'callerActor'] as const) {
      for (const first of [ROLE_PATHS[role], role]) {
        const page = renderAt(`/${first}/abc`);
        expect(screen.getByRole('alert').textContent).toBe(fr('error.client/missing_token'));
        expect(screen.queryByRole('heading', { name: fr('notFound.title') })).toBeNull();
        page.unmount();
      }
    }
    expect(new Set(Object.values(ROLE_PATHS)).size).toBe(4);
    renderAt('/ecoutant/abc');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(fr('notFound.title'));
  });

  it('has a page for unknown paths', () => {
    renderAt('/nulle-part');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(fr('notFound.title'));
    expect(document.documentElement.lang).toBe('fr');
  });

  it('switches the language of the page, <html lang> included', () => {
    renderAt('/nulle-part');
    fireEvent.click(screen.getByRole('button', { name: fr('lang.en') }));
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Page not found');
    expect(screen.getByRole('button', { name: fr('lang.en') }).getAttribute('aria-pressed')).toBe('true');
  });

  it('links the accessibility statement from every page, in French and in English', async () => {
    renderAt('/nulle-part');
    const link = screen.getByRole('link', { name: fr('a11y.footer') });
    fireEvent.click(link);
    await screen.findByRole('heading', { level: 1, name: fr('a11y.heading') });
    expect(screen.getByText(fr('a11y.status.level'))).toBeTruthy();
    expect(screen.getByRole('link', { name: fr('nav.back.home') }).getAttribute('href')).toBe('/');
    expect(screen.getByRole('link', { name: /Défenseur des droits \(formulaire en ligne\)/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: fr('lang.en') }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Accessibility statement');
    expect(screen.getByRole('link', { name: 'Accessibility: partially compliant' })).toBeTruthy();
  });
});
