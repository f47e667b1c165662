import { Button, Paper, Table, Text, Title } from '@mantine/core';
import { Suspense, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../components/loading-state';

/**
 * One dashboard panel: a heading, its figures in a sentence, the chart, and a button that shows the
 * chart's numbers as a table (the button says whether they are shown, and names the table it opens).
 */
export function ChartPanel({
  title,
  summary,
  help,
  chart,
  numbers,
  testId,
}: {
  title: string;
  summary: string;
  help?: string;
  chart: ReactNode;
  /** The table's header cells and rows, rendered only while shown. */
  numbers: () => { columns: string[]; rows: ReactNode[]; footer?: ReactNode };
  testId: string;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const id = useId();
  const table = shown ? numbers() : undefined;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-heading`} data-testid={testId}>
      <Title order={2} size="h4" id={`${id}-heading`} mb={4}>
        {title}
      </Title>
      <Text size="sm" mb={help ? 2 : 'sm'} data-testid={`${testId}-summary`}>
        {summary}
      </Text>
      {help && (
        <Text size="xs" c="dimmed" mb="sm">
          {help}
        </Text>
      )}
      <Suspense fallback={<LoadingState />}>{chart}</Suspense>
      <Button
        variant="light"
        size="xs"
        mt="xs"
        aria-expanded={shown}
        aria-controls={`${id}-numbers`}
        onClick={() => setShown((s) => !s)}
      >
        {shown ? t('dashboard.hideNumbers') : t('dashboard.showNumbers')}
      </Button>
      <div id={`${id}-numbers`} hidden={!shown}>
        {table && (
          <Table.ScrollContainer minWidth={360} mt="sm">
            <Table striped data-testid={`${testId}-numbers`}>
              <Table.Caption>{t('dashboard.numbersOf', { chart: title })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {table.columns.map((column) => (
                    <Table.Th key={column} scope="col">
                      {column}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>{table.rows}</Table.Tbody>
              {table.footer && <Table.Tfoot>{table.footer}</Table.Tfoot>}
            </Table>
          </Table.ScrollContainer>
        )}
      </div>
    </Paper>
  );
}

/** A table row whose first cell heads the row. */
export function NumbersRow({ head, cells }: { head: string; cells: readonly (string | number)[] }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={400}>
        {head}
      </Table.Th>
      {cells.map((cell, i) => (
        <Table.Td key={i}>{cell}</Table.Td>
      ))}
    </Table.Tr>
  );
}
