import { afterEach, describe, expect, it } from '@jest/globals';
import { act, fireEvent, render, screen } from '@testing-library/react';
import {
  errorMessageKey,
  forgetCatalogues,
  hasCatalogue,
  registerCatalogue,
  translate,
} from './catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { I18nProvider } from './I18nProvider.js';
import { loadCatalogue } from './loadCatalogue.js';
import { LanguageSwitch } from '../ui/LanguageSwitch.js';
import { useI18n } from './useI18n.js';

function Title() {
  const { t } = useI18n();
  return <h1>{t('notFound.title')}</h1>;
}

// The setup registers both catalogues; these tests start from none, as a debrief link's page does.
afterEach(() => {
  registerCatalogue('fr', fr);
  registerCatalogue('en', en);
});

describe("catalogues loaded on demand (a debrief link's page)", () => {
  it('loads the one asked, and only it', async () => {
    forgetCatalogues();
    await loadCatalogue('fr');
    expect(hasCatalogue('fr')).toBe(true);
    expect(hasCatalogue('en')).toBe(false);
    expect(translate('fr', 'notFound.title')).toBe('Page introuvable');
    expect(errorMessageKey('session/not_found')).toBe('error.session/not_found');
    expect(errorMessageKey('nothing/such')).toBe('error.client/unknown');
  });

  it('switches to a language not loaded yet once its catalogue arrived, <html lang> with it', async () => {
    forgetCatalogues();
    await loadCatalogue('fr');
    render(
      <I18nProvider initialLang="fr">
        <Title />
        <LanguageSwitch />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading').textContent).toBe('Page introuvable');
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    // Not yet: the page stays whole in French while English loads.
    expect(screen.getByRole('heading').textContent).toBe('Page introuvable');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(hasCatalogue('en')).toBe(true);
    expect(document.documentElement.lang).toBe('en');
    expect(globalThis.localStorage.getItem('ecoute.lang')).toBe('en');
  });

  it('opened in a language not loaded, reads another one meanwhile and renders again once it came', async () => {
    forgetCatalogues();
    await loadCatalogue('fr');
    render(
      <I18nProvider initialLang="en">
        <Title />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading').textContent).toBe('Page introuvable');
    await act(() => loadCatalogue('en'));
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
  });
});
