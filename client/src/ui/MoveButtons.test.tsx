import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, within } from '@testing-library/react';
import { listenerView } from '../test/fixtures.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { MoveButtons } from './MoveButtons.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';

// What the listener reads, from the French catalogue.
const fr = (key: MessageKey, params?: MessageParams) => translate('fr', key, params);

const { moves } = listenerView();

describe('MoveButtons', () => {
  it('groups the moves by category, one fieldset with its legend each', () => {
    renderWithSession(<MoveButtons moves={moves} disabled={false} onMove={() => {}} />);
    const groups = screen.getAllByRole('group');
    expect(groups.map((group) => group.querySelector('legend')?.textContent)).toEqual([
      fr('moves.category.listening'),
      fr('moves.category.information'),
      fr('moves.category.action'),
    ]);
    const listening = within(screen.getByRole('group', { name: fr('moves.category.listening') }));
    expect(listening.getAllByRole('button').map((button) => button.textContent)).toEqual([
      'Reformuler',
      'Question ouverte',
    ]);
  });

  it('gives each move its help as description', () => {
    renderWithSession(<MoveButtons moves={moves} disabled={false} onMove={() => {}} />);
    const button = screen.getByRole('button', { name: 'Demander le lieu' });
    const helpId = button.getAttribute('aria-describedby');
    expect(helpId && document.getElementById(helpId)?.textContent).toBe('Où êtes-vous ?');
  });

  it('marks the scenario’s labels and help as French on an English page, not on a French one', () => {
    renderWithSession(<MoveButtons moves={moves} disabled={false} onMove={() => {}} />, { lang: 'en' });
    const button = screen.getByRole('button', { name: 'Demander le lieu' });
    expect(button.querySelector('[lang="fr"]')?.textContent).toBe('Demander le lieu');
    const helpId = button.getAttribute('aria-describedby');
    expect(helpId && document.getElementById(helpId)?.querySelector('[lang="fr"]')?.textContent).toBe(
      'Où êtes-vous ?',
    );
    expect(screen.getAllByRole('group')[0]?.querySelector('legend')?.getAttribute('lang')).toBeNull();
  });

  it('sends the move id of the button pressed', () => {
    const chosen: string[] = [];
    renderWithSession(<MoveButtons moves={moves} disabled={false} onMove={(id) => chosen.push(id)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Transférer au 15' }));
    expect(chosen).toEqual(['transferer-15']);
  });

  it('disables every move when told', () => {
    renderWithSession(<MoveButtons moves={moves} disabled onMove={() => {}} />);
    expect(screen.getAllByRole('button').every((button) => (button as HTMLButtonElement).disabled)).toBe(
      true,
    );
  });

  it('says when no move is offered', () => {
    renderWithSession(<MoveButtons moves={[]} disabled={false} onMove={() => {}} />);
    expect(screen.queryAllByRole('group')).toHaveLength(0);
    expect(screen.getByText(fr('moves.none'))).not.toBeNull();
  });
});
