// The debrief link's own small app: the app's layout around the debrief page. Any other path
// (a link of the layout or of the page: home, sessions list, accessibility) leaves for the whole
// app by a full load, in place of the current history entry.
import { useEffect } from 'react';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router';
import { AppLayout } from '../app/AppLayout.js';
import { I18nProvider } from '../i18n/index.js';
import { DebriefPage } from './DebriefPage.js';

function LeaveForTheApp({ leave }: { leave: (url: string) => void }) {
  const { pathname, search, hash } = useLocation();
  useEffect(() => {
    leave(`${pathname}${search}${hash}`);
  }, [leave, pathname, search, hash]);
  return null;
}

function replaceLocation(url: string): void {
  window.location.replace(url);
}

export function DebriefApp({
  leave = replaceLocation,
  page = <DebriefPage />,
}: {
  /** How another path is left for the whole app (tests pass a recorder). */
  leave?: (url: string) => void;
  /** The debrief page (tests pass one over a fake API). */
  page?: React.ReactNode;
}) {
  return (
    <I18nProvider>
      <BrowserRouter>
        <Routes>
          <Route element={<AppLayout />}>
            <Route path="debrief/:sessionId" element={page} />
            <Route path="*" element={<LeaveForTheApp leave={leave} />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </I18nProvider>
  );
}
