import type { ReactElement } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { I18nProvider, type Lang } from '../i18n/index.js';
import { SessionContext, type Session } from '../socket/index.js';

/** Renders a page as the app would, in French unless told, with `session` as its session. */
export function renderWithSession(
  ui: ReactElement,
  { session, lang = 'fr' }: { session?: Session; lang?: Lang } = {},
): RenderResult {
  return render(
    <I18nProvider initialLang={lang}>
      <MemoryRouter>{session ? <SessionContext value={session}>{ui}</SessionContext> : ui}</MemoryRouter>
    </I18nProvider>,
  );
}
