import { useState, type ReactElement } from 'react';
import { act, render, type RenderResult } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { I18nProvider, type Lang } from '../i18n/index.js';
import { SessionContext, type Session } from '../socket/index.js';
import { HeavyViewsContext } from '../ui/HeavyViews.js';

/** Where the page is opened: its route's pattern and the address (a role link: `#k=` token). */
export interface PageRoute {
  path: string;
  url: string;
}

/**
 * Renders a page as the app would, in French unless told, with `session` as its session; under
 * `route` when the page reads its address (a role page's links need `:sessionId` and the token).
 */
export function renderWithSession(
  ui: ReactElement,
  {
    session,
    lang = 'fr',
    heavy = false,
    route,
  }: { session?: Session; lang?: Lang; heavy?: boolean; route?: PageRoute } = {},
): RenderResult {
  const page = session ? <SessionContext value={session}>{ui}</SessionContext> : ui;
  return render(
    <I18nProvider initialLang={lang}>
      <MemoryRouter initialEntries={route ? [route.url] : undefined}>
        {/* jsdom draws no canvas and lays nothing out: the graph, curves and QR codes stay off. */}
        <HeavyViewsContext value={heavy}>
          {route ? (
            <Routes>
              <Route path={route.path} element={page} />
            </Routes>
          ) : (
            page
          )}
        </HeavyViewsContext>
      </MemoryRouter>
    </I18nProvider>,
  );
}

/**
 * Renders a page under a session the test then changes, as a view update or a new entry does:
 * `update(next)` sets it (in `act`).
 */
export function renderLive(
  ui: ReactElement,
  initial: Session,
  options: { lang?: Lang; heavy?: boolean; route?: PageRoute } = {},
): RenderResult & { update: (next: Session) => void } {
  let setSession: (session: Session) => void = () => undefined;
  function Host() {
    const [session, set] = useState<Session>(initial);
    setSession = set;
    return <SessionContext value={session}>{ui}</SessionContext>;
  }
  const rendered = renderWithSession(<Host />, options);
  return { ...rendered, update: (next: Session) => act(() => setSession(next)) };
}
