import { Group, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Sourced } from '../api/assessment-types';
import { SourceRefs } from './source-refs';

/** One line of the plan: what, the value (and a note), and where it comes from. */
export function PlanRow({
  label,
  value,
  note,
  sourced,
}: {
  label: string;
  value: ReactNode;
  note?: string;
  sourced: Partial<Sourced>;
}) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w="30%" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <div>
            <Text size="sm">{value}</Text>
            {note && (
              <Text size="xs" c="dimmed" mt={2}>
                {note}
              </Text>
            )}
          </div>
          <SourceRefs sourced={sourced} what={label} />
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
