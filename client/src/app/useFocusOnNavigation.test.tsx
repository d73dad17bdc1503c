import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useEffect, useRef } from 'react';
import { MemoryRouter, Route, Routes, useNavigate } from 'react-router';
import { I18nProvider } from '../i18n/index.js';
import { AppLayout } from './AppLayout.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// What a visitor reads, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

function Leaving() {
  const navigate = useNavigate();
  return (
    <>
      <h1>Accueil</h1>
      <button type="button" onClick={() => void navigate('/connexion')}>
        Se déconnecter
      </button>
      <button type="button" onClick={() => void navigate('/formulaire')}>
        Remplir
      </button>
    </>
  );
}

function SignIn() {
  return (
    <>
      <h1>Se connecter</h1>
      <input aria-label="Adresse e-mail" />
    </>
  );
}

/** A page that places the focus itself, on its first field. */
function OwnFocus() {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);
  return (
    <>
      <h1>Formulaire</h1>
      <input ref={field} aria-label="Nom" />
    </>
  );
}

function renderApp() {
  return render(
    <I18nProvider initialLang="fr">
      <MemoryRouter initialEntries={['/']}>
        <Routes>
          <Route element={<AppLayout />}>
            <Route index element={<Leaving />} />
            <Route path="connexion" element={<SignIn />} />
            <Route path="formulaire" element={<OwnFocus />} />
            <Route path="accessibilite" element={<h1>Déclaration</h1>} />
          </Route>
        </Routes>
      </MemoryRouter>
    </I18nProvider>,
  );
}

describe('the focus after an in-app navigation', () => {
  it('goes to the new page’s heading when the button followed is gone', async () => {
    renderApp();
    const leave = screen.getByRole('button', { name: 'Se déconnecter' });
    leave.focus();
    await act(async () => {
      fireEvent.click(leave);
    });
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Se connecter' }));
  });

  it('goes to the new page’s heading from the footer’s link', async () => {
    renderApp();
    const link = screen.getByRole('link', { name: fr('a11y.footer') });
    link.focus();
    await act(async () => {
      fireEvent.click(link);
    });
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Déclaration' }));
  });

  it('leaves a page’s own focus where the page put it', async () => {
    renderApp();
    const fill = screen.getByRole('button', { name: 'Remplir' });
    fill.focus();
    await act(async () => {
      fireEvent.click(fill);
    });
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Nom' }));
  });

  it('does not move the focus when the first page is shown', () => {
    renderApp();
    expect(document.activeElement).toBe(document.body);
  });
});
