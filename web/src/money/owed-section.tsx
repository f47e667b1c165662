import { Anchor, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../components/data-table';
import { EmptyState } from '../components/empty-state';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { useFormat } from '../i18n/use-format';
import { moneyApi } from './money-api';
import { useMoney } from './use-money';

/** What patients still owe, aged by days past the due date, oldest first. */
export function OwedSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const state = useLoad(() => moneyApi.owed(), []);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="owed-heading" data-testid="owed">
      <Title order={2} size="h4" id="owed-heading" mb="sm">
        {t('money.owedTitle')}
      </Title>
      <Loaded state={state}>
        {(owed) => {
          // Buckets add up balances; a clinic works in one currency, so the first item's names it.
          const shown = owed.items[0]?.currency ?? 'EUR';
          return (
            <>
              <Text size="sm" mb="sm">
                {t('money.owedAsOf', { date: format.date(owed.asOf) })}
              </Text>
              <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" mb="md">
                {owed.buckets.map((bucket) => (
                  <div key={bucket.label}>
                    <Text component="dt" size="sm" c="dimmed">
                      {t(`money.buckets.${bucket.label}`)}
                    </Text>
                    <Text component="dd" m={0} fw={600} data-testid={`owed-${bucket.label}`}>
                      {money(bucket.totalMinor, shown)}
                    </Text>
                  </div>
                ))}
              </SimpleGrid>
              {owed.items.length === 0 ? (
                <EmptyState size="sm" text={t('money.owedEmpty')} />
              ) : (
                <DataTable
                  minWidth={760}
                  striped
                  columns={[
                    t('money.number'),
                    t('money.patient'),
                    t('money.issueDate'),
                    t('money.dueDate'),
                    t('money.daysOverdue'),
                    t('money.balance'),
                  ]}
                >
                  {[...owed.items]
                    .sort((a, b) => b.daysOverdue - a.daysOverdue)
                    .map((item) => (
                      <Table.Tr key={item.invoiceId}>
                        <Table.Td>
                          <Anchor component={Link} to={`/invoices/${item.invoiceId}`} size="sm">
                            {item.number}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to={`/patients/${item.patientId}`} size="sm">
                            {item.patientName}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{format.date(item.issueDate)}</Table.Td>
                        <Table.Td>{item.dueDate ? format.date(item.dueDate) : '—'}</Table.Td>
                        <Table.Td>{format.number(Math.max(item.daysOverdue, 0))}</Table.Td>
                        <Table.Td>{money(item.balanceMinor, item.currency)}</Table.Td>
                      </Table.Tr>
                    ))}
                </DataTable>
              )}
            </>
          );
        }}
      </Loaded>
    </Paper>
  );
}
