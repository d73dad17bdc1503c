import { afterEach, describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { MAX_NAME_LENGTH } from '@ecoute/protocol';
import { renderWithSession } from '../test/renderWithSession.js';
import { JoinClassPage } from './JoinClassPage.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// The page's words, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

afterEach(() => localStorage.clear());

describe('JoinClassPage', () => {
  it('stops the pseudonym at the server’s limit while it is typed (it was cut after, without a word)', () => {
    renderWithSession(<JoinClassPage />);
    const field = screen.getByRole<HTMLInputElement>('textbox', { name: fr('classroom.join.pseudonym') });
    expect(field.maxLength).toBe(MAX_NAME_LENGTH);
  });
});
