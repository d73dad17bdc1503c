import type { ReactElement } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { I18nProvider, type Lang } from '../i18n/index.js';
import { SessionContext, type Session } from '../socket/index.js';
import { HeavyViewsContext } from '../ui/HeavyViews.js';

/** Renders a page as the app would, in French unless told, with `session` as its session. */
export function renderWithSession(
  ui: ReactElement,
  { session, lang = 'fr', heavy = false }: { session?: Session; lang?: Lang; heavy?: boolean } = {},
): RenderResult {
  return render(
    <I18nProvider initialLang={lang}>
      <MemoryRouter>
        {/* jsdom draws no canvas and lays nothing out: the graph, curves and QR codes stay off. */}
        <HeavyViewsContext value={heavy}>
          {session ? <SessionContext value={session}>{ui}</SessionContext> : ui}
        </HeavyViewsContext>
      </MemoryRouter>
    </I18nProvider>,
  );
}
