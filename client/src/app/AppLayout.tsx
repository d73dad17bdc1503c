import { Suspense, useRef } from 'react';
import { Link, Outlet } from 'react-router';
import { useI18n } from '../i18n/index.js';
import { LanguageSwitch } from '../ui/LanguageSwitch.js';
import { useFieldMessages } from '../ui/useFieldMessages.js';
import { useFocusOnNavigation } from './useFocusOnNavigation.js';

export function AppLayout() {
  const { t } = useI18n();
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigation(main);
  // Every form's fields checked by the browser, worded in the page's language.
  useFieldMessages();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Link to="/" className="app-header__brand">
          {t('app.name')}
        </Link>
        <LanguageSwitch />
      </header>
      <main ref={main} id="main" tabIndex={-1} className="app-main">
        {/* Role pages load in chunks of their own: a quiet line while one arrives. */}
        <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="app-footer">
        <nav aria-label={t('a11y.footerNav')}>
          <Link to="/accessibilite">{t('a11y.footer')}</Link>
        </nav>
      </footer>
    </>
  );
}
