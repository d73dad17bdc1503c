import { describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { I18nProvider } from '../i18n/index.js';
import { AppRoutes } from './AppRoutes.js';

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
    renderAt('/listener/abc');
    expect(screen.getByRole('alert').textContent).toBe(
      'Lien incomplet : il manque la clé de la séance (#k=…).',
    );
  });

  it('has a page for unknown paths', () => {
    renderAt('/nulle-part');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Page introuvable');
    expect(document.documentElement.lang).toBe('fr');
  });

  it('switches the language of the page, <html lang> included', () => {
    renderAt('/nulle-part');
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Page not found');
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
  });
});
