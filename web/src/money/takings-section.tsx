import { Anchor, Group, Paper, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../components/data-table';
import { EmptyState } from '../components/empty-state';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { useFormat } from '../i18n/use-format';
import { paymentMethods } from './money-labels';
import { moneyApi } from './money-api';
import { useMoney } from './use-money';

/**
 * A day's takings, by method and payment by payment. The day is the clinic's calendar day: until
 * one is picked the server says which day today is there.
 */
export function TakingsSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const [date, setDate] = useState<string | undefined>(undefined);
  const state = useLoad(() => moneyApi.takings(date), [date]);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="takings-heading" data-testid="takings">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Title order={2} size="h4" id="takings-heading">
          {t('money.takingsTitle')}
        </Title>
        <TextInput
          type="date"
          label={t('money.day')}
          size="sm"
          value={date ?? state.data?.date ?? ''}
          onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)}
        />
      </Group>
      <Loaded state={state}>
        {(takings) => (
          <>
            <SimpleGrid cols={{ base: 2, sm: 4 }} mb="md" component="dl" m={0}>
              {paymentMethods.map((method) => (
                <div key={method}>
                  <Text component="dt" size="sm" c="dimmed">
                    {t(`money.methods.${method}`)}
                  </Text>
                  <Text component="dd" m={0} fw={600} data-testid={`takings-${method}`}>
                    {money(takings.byMethod[method], takings.currency)}
                  </Text>
                </div>
              ))}
              <div>
                <Text component="dt" size="sm" c="dimmed">
                  {t('money.total')}
                </Text>
                <Text component="dd" m={0} fw={700} data-testid="takings-total">
                  {money(takings.totalMinor, takings.currency)}
                </Text>
              </div>
            </SimpleGrid>
            {takings.payments.length === 0 ? (
              <EmptyState size="sm" text={t('money.takingsEmpty', { date: format.date(takings.date) })} />
            ) : (
              <DataTable
                minWidth={620}
                mt="md"
                columns={[
                  t('money.time'),
                  t('money.invoice'),
                  t('money.patient'),
                  t('money.method'),
                  t('money.reference'),
                  t('money.amount'),
                ]}
              >
                {takings.payments.map((payment) => (
                  <Table.Tr key={payment.id}>
                    <Table.Td>{format.time(payment.receivedAt)}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/invoices/${payment.invoiceId}`} size="sm">
                        {payment.invoiceNumber}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{payment.patientName}</Table.Td>
                    <Table.Td>{t(`money.methods.${payment.method}`)}</Table.Td>
                    <Table.Td>{payment.reference ?? '—'}</Table.Td>
                    <Table.Td>{money(payment.amountMinor, payment.currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            )}
          </>
        )}
      </Loaded>
    </Paper>
  );
}
