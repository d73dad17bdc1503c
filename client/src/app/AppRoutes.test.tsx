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

  it('links the accessibility statement from every page, in French and in English', async () => {
    renderAt('/nulle-part');
    const link = screen.getByRole('link', { name: 'Accessibilité\u00a0: partiellement conforme' });
    fireEvent.click(link);
    await screen.findByRole('heading', { level: 1, name: "Déclaration d'accessibilité" });
    expect(screen.getByText('Écoute est partiellement conforme au RGAA 4.1.')).toBeTruthy();
    expect(screen.getByRole('link', { name: "← Retour à l'accueil" }).getAttribute('href')).toBe('/');
    expect(screen.getByRole('link', { name: /Défenseur des droits \(formulaire en ligne\)/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Accessibility statement');
    expect(screen.getByRole('link', { name: 'Accessibility: partially compliant' })).toBeTruthy();
  });
});
