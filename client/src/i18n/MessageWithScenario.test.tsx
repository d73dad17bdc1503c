import { describe, expect, it } from '@jest/globals';
import { render } from '@testing-library/react';
import { translate } from './catalogue.js';
import { I18nProvider } from './I18nProvider.js';
import type { Lang } from './catalogue.js';
import { MessageWithScenario } from './MessageWithScenario.js';

function heading(lang: Lang): HTMLElement {
  const { container } = render(
    <I18nProvider initialLang={lang}>
      <h1>
        <MessageWithScenario
          k="session.title"
          params={{ role: translate(lang, 'role.trainer') }}
          scenario={{ scenario: "Appel d'entraînement" }}
        />
      </h1>
    </I18nProvider>,
  );
  return container.querySelector('h1')!;
}

describe('MessageWithScenario', () => {
  it('reads as `t` does, the scenario’s title marked French on an English page', () => {
    const h1 = heading('en');
    expect(h1.textContent).toBe(
      translate('en', 'session.title', {
        role: translate('en', 'role.trainer'),
        scenario: "Appel d'entraînement",
      }),
    );
    expect(h1.querySelector('[lang="fr"]')?.textContent).toBe("Appel d'entraînement");
  });

  it('adds no lang on a French page', () => {
    const h1 = heading('fr');
    expect(h1.textContent).toBe(
      translate('fr', 'session.title', {
        role: translate('fr', 'role.trainer'),
        scenario: "Appel d'entraînement",
      }),
    );
    expect(h1.querySelector('[lang]')).toBeNull();
  });
});
