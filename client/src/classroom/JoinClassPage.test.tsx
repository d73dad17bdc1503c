import { afterEach, describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { MAX_NAME_LENGTH } from '@ecoute/protocol';
import { renderWithSession } from '../test/renderWithSession.js';
import { JoinClassPage } from './JoinClassPage.js';

afterEach(() => localStorage.clear());

describe('JoinClassPage', () => {
  it('stops the pseudonym at the server’s limit while it is typed (it was cut after, without a word)', () => {
    renderWithSession(<JoinClassPage />);
    const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'Votre pseudonyme' });
    expect(field.maxLength).toBe(MAX_NAME_LENGTH);
  });
});
