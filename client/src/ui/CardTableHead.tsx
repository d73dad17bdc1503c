/**
 * A `card-table`'s head: one column header per name, every element saying its role (see
 * `cardTable.css`: on a phone the cells are blocks, and only the roles keep the table a table for
 * a screen reader). The rows say theirs too: `role="row"` on `tr`, `role="cell"` on `td`,
 * `role="rowgroup"` on `tbody`, `role="table"` on the table.
 */
export function CardTableHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead role="rowgroup">
      <tr role="row">
        {columns.map((name) => (
          <th key={name} role="columnheader" scope="col">
            {name}
          </th>
        ))}
      </tr>
    </thead>
  );
}
