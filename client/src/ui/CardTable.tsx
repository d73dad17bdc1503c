/**
 * A data table that turns into cards on a phone (`cardTable.css`): each row a card, each value
 * after its column's name. The one shape of the sessions, the members, the activity log, the
 * class's groups and « Qui a obtenu quoi »: a `table` with its head (a column header per column)
 * and one row per item, every element saying its role — `table`, `rowgroup`, `row`,
 * `columnheader`, `rowheader`, `cell` —, without which Chromium exposes no table once the cells
 * are blocks (browser test `admin-pages` counts them at 390 px). Each cell carries its column's
 * name for the phone's layout (`data-label`, with `ui.separator.colon`: « Qui : »).
 */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import './cardTable.css';

export interface CardColumn<Row> {
  /** The column's header, and the name its cells carry on a phone. */
  name: string;
  /** The row's value in this column. */
  cell: (row: Row) => ReactNode;
  className?: string;
  /** The row's header (`th scope=row`): it heads the card, with no column name before it. */
  rowHeader?: boolean;
  /** No column name before the value on a phone: buttons that say what they do. */
  unlabelled?: boolean;
}

export interface CardTableProps<Row> {
  /** The table's own class; `card-table` is added. */
  className: string;
  columns: readonly CardColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  /** A caption, read by screen readers only; its id names the table's scrolling box. */
  caption?: { id: string; text: string };
  /**
   * The column's name alone before each value, as a field's label (« Groupe » before its
   * select), not « Groupe : ».
   */
  bareLabels?: boolean;
}

export function CardTable<Row>({
  className,
  columns,
  rows,
  rowKey,
  caption,
  bareLabels,
}: CardTableProps<Row>) {
  const { t } = useI18n();
  const labelOf = (column: CardColumn<Row>): string | undefined =>
    column.unlabelled ? undefined : bareLabels ? column.name : `${column.name}${t('ui.separator.colon')}`;
  return (
    <table role="table" className={`${className} card-table`}>
      {caption ? (
        <caption id={caption.id} className="visually-hidden">
          {caption.text}
        </caption>
      ) : null}
      <thead role="rowgroup">
        <tr role="row">
          {columns.map((column) => (
            <th key={column.name} role="columnheader" scope="col">
              {column.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup">
        {rows.map((row, index) => (
          <tr role="row" key={rowKey(row, index)}>
            {columns.map((column) =>
              column.rowHeader ? (
                <th key={column.name} role="rowheader" scope="row" className={column.className}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={column.name} role="cell" data-label={labelOf(column)} className={column.className}>
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
