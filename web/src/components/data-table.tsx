import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A table with a heading row, scrolling sideways on a narrow screen rather than squeezing its
 * columns. `children` are its body rows (`Table.Tr`).
 */
export function DataTable({
  columns,
  minWidth,
  children,
  ...tableProps
}: TableProps & { columns: string[]; minWidth: number; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table {...tableProps}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column}>{column}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
