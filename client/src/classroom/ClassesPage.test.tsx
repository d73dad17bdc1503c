// « Séances de groupe »: the creation's button, disabled, says what is missing.
import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen } from '@testing-library/react';
import { signedInAs } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { settle } from '../test/settle.js';
import { ClassesPage } from './ClassesPage.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// The page's words, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

describe('the group sessions page', () => {
  it('says under « Créer la séance de groupe » what it still needs', async () => {
    renderWithSession(<ClassesPage accounts={signedInAs()} />);
    await settle();
    const submit = screen.getByRole('button', { name: fr('classroom.create.submit') });
    const why = () => document.getElementById(submit.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(submit.hasAttribute('disabled')).toBe(true);
    expect(why()).toBe(fr('classroom.create.missingBoth'));
    fireEvent.change(screen.getByRole('textbox', { name: fr('classroom.create.name') }), {
      target: { value: 'Mardi' },
    });
    expect(why()).toBe(fr('classroom.create.missingScenario'));
    expect(submit.hasAttribute('disabled')).toBe(true);
  });
});
