import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { translate } from '../i18n/catalogue.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { CardTable, type CardColumn } from './CardTable.js';

interface Member {
  id: string;
  name: string;
  email: string;
}
const members: Member[] = [
  { id: 'm1', name: 'Camille Martin', email: 'camille@example.org' },
  { id: 'm2', name: 'Dominique Roux', email: 'dominique@example.org' },
];
const columns: CardColumn<Member>[] = [
  { name: 'Nom', cell: (member) => member.name },
  { name: 'Adresse', cell: (member) => member.email, className: 'members__email' },
  {
    name: 'Actions',
    unlabelled: true,
    cell: (member) => <button type="button">{`Écrire à ${member.name}`}</button>,
  },
];

describe('CardTable', () => {
  it('says every role itself: a table stays a table once its cells are blocks on a phone', () => {
    renderWithSession(
      <CardTable className="members" columns={columns} rows={members} rowKey={(member) => member.id} />,
    );
    const table = screen.getByRole('table');
    expect(table.className).toBe('members card-table');
    // Written out on each element: Chromium drops the implicit ones of `display: block` cells.
    const roles = (selector: string) =>
      Array.from(table.querySelectorAll(selector), (element) => element.getAttribute('role'));
    expect(table.getAttribute('role')).toBe('table');
    expect(roles('thead, tbody')).toEqual(['rowgroup', 'rowgroup']);
    expect(roles('tr')).toEqual(['row', 'row', 'row']);
    expect(roles('th')).toEqual(['columnheader', 'columnheader', 'columnheader']);
    expect(roles('td')).toEqual(Array(6).fill('cell'));
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => [header.textContent, header.getAttribute('scope')]),
    ).toEqual([
      ['Nom', 'col'],
      ['Adresse', 'col'],
      ['Actions', 'col'],
    ]);
    const rows = within(table).getAllByRole('row');
    expect(within(rows[2]!).getAllByRole('cell')[1]?.textContent).toBe('dominique@example.org');
  });

  it("gives each cell its column's name for the phone, with the catalogue's « : », unless told otherwise", () => {
    renderWithSession(
      <CardTable className="members" columns={columns} rows={members} rowKey={(member) => member.id} />,
    );
    const colon = translate('fr', 'ui.separator.colon');
    const cells = within(screen.getAllByRole('row')[1]!).getAllByRole('cell');
    expect(cells.map((cell) => cell.getAttribute('data-label'))).toEqual([
      `Nom${colon}`,
      `Adresse${colon}`,
      // Buttons that say what they do: no name before them.
      null,
    ]);
    expect(cells[1]?.className).toBe('members__email');
  });

  it('in English, the English « : »', () => {
    renderWithSession(
      <CardTable className="members" columns={columns} rows={members} rowKey={(member) => member.id} />,
      { lang: 'en' },
    );
    const cell = within(screen.getAllByRole('row')[1]!).getAllByRole('cell')[0]!;
    expect(cell.getAttribute('data-label')).toBe(`Nom${translate('en', 'ui.separator.colon')}`);
  });

  it('heads each row with its row header, and puts a bare name before a field', () => {
    renderWithSession(
      <CardTable
        className="groups"
        bareLabels
        columns={[
          { name: 'Apprenant·e', rowHeader: true, cell: (member: Member) => member.name },
          { name: 'Groupe', cell: () => <select aria-label="Groupe" /> },
        ]}
        rows={members}
        rowKey={(member) => member.id}
      />,
    );
    const headers = screen.getAllByRole('rowheader');
    expect(
      headers.map((header) => [header.tagName, header.getAttribute('scope'), header.textContent]),
    ).toEqual([
      ['TH', 'row', 'Camille Martin'],
      ['TH', 'row', 'Dominique Roux'],
    ]);
    expect(headers[0]?.hasAttribute('data-label')).toBe(false);
    expect(screen.getAllByRole('cell').map((cell) => cell.getAttribute('data-label'))).toEqual([
      'Groupe',
      'Groupe',
    ]);
  });

  it('is named by its caption, read by screen readers only', () => {
    renderWithSession(
      <CardTable
        className="members"
        caption={{ id: 'members-caption', text: '2 membres' }}
        columns={columns}
        rows={members}
        rowKey={(member) => member.id}
      />,
    );
    const table = screen.getByRole('table', { name: '2 membres' });
    const caption = table.querySelector('caption')!;
    expect([caption.id, caption.className]).toEqual(['members-caption', 'visually-hidden']);
  });
});
