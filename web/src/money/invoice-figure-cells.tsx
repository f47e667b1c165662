import { Table } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/use-format';
import { balanceWording } from './balance-wording';
import { InvoiceStatusBadge } from './money-badges';
import type { Invoice } from './money-api';
import { useMoney } from './use-money';

/** The headings of the cells below, in their order. */
export const invoiceFigureColumns = (t: TFunction) => [
  t('money.issueDate'),
  t('money.total'),
  t('money.balance'),
  t('money.status'),
];

/** An invoice's issue date, total, balance and status, as cells of a row of an invoice list. */
export function InvoiceFigureCells({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  return (
    <>
      <Table.Td>{format.date(invoice.issueDate)}</Table.Td>
      <Table.Td>{money(invoice.totals.totalMinor, invoice.currency)}</Table.Td>
      <Table.Td>{balanceWording(t, money, invoice.balanceMinor, invoice.currency)}</Table.Td>
      <Table.Td>
        <InvoiceStatusBadge status={invoice.status} />
      </Table.Td>
    </>
  );
}
