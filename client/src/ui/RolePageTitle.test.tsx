import { describe, expect, it } from '@jest/globals';
import { render } from '@testing-library/react';
import type { RoleView } from '@ecoute/engine';
import { translate } from '../i18n/catalogue.js';
import { I18nProvider } from '../i18n/I18nProvider.js';
import { RolePageTitle } from './RolePageTitle.js';

const TITLE = "Appel d'entraînement";

function heading(view: RoleView | null): HTMLElement {
  const role = translate('en', 'role.listener');
  const { container } = render(
    <I18nProvider initialLang="en">
      <RolePageTitle role={role} view={view} />
    </I18nProvider>,
  );
  return container.querySelector('h1')!;
}

describe('RolePageTitle', () => {
  it('names the role and the call, the call in the scenario’s language', () => {
    const h1 = heading({ scenario: { title: TITLE } } as RoleView);
    expect(h1.textContent).toBe(
      translate('en', 'session.title', { role: translate('en', 'role.listener'), scenario: TITLE }),
    );
    expect(h1.querySelector('[lang="fr"]')?.textContent).toBe(TITLE);
  });

  it('names the role alone until the session’s view has come', () => {
    const h1 = heading(null);
    expect(h1.textContent).toBe(translate('en', 'role.listener'));
    expect(h1.querySelector('[lang]')).toBeNull();
  });
});
