import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MoneyLine } from './money-api';
import { useMoney, usePercent } from './use-money';

interface Totals {
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/** Lines of a quote, invoice or credit note with their totals; the tax summary per rate when given. */
export function MoneyLinesTable({
  lines,
  totals,
  currency,
  caption,
  taxBands,
}: {
  lines: readonly MoneyLine[];
  totals: Totals;
  currency: string;
  caption: string;
  taxBands?: readonly { taxRatePercent: number; netMinor: number; taxMinor: number }[];
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const percent = usePercent();
  const amount = (minor: number) => money(minor, currency);
  const totalRow = (label: string, minor: number, strong = false) => (
    <Table.Tr>
      <Table.Th scope="row" colSpan={6} ta="end" fw={strong ? 700 : 500}>
        {label}
      </Table.Th>
      <Table.Td ta="end" fw={strong ? 700 : undefined}>
        {amount(minor)}
      </Table.Td>
    </Table.Tr>
  );

  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table data-testid="money-lines">
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('money.description')}</Table.Th>
              <Table.Th ta="end">{t('money.quantity')}</Table.Th>
              <Table.Th ta="end">{t('money.unitPrice')}</Table.Th>
              <Table.Th ta="end">{t('money.taxRate')}</Table.Th>
              <Table.Th ta="end">{t('money.net')}</Table.Th>
              <Table.Th ta="end">{t('money.tax')}</Table.Th>
              <Table.Th ta="end">{t('money.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, index) => (
              <Table.Tr key={index}>
                <Table.Td>{line.description}</Table.Td>
                <Table.Td ta="end">{line.quantity}</Table.Td>
                <Table.Td ta="end">{amount(line.unitPriceMinor)}</Table.Td>
                <Table.Td ta="end">{percent(line.taxRatePercent)}</Table.Td>
                <Table.Td ta="end">{amount(line.netMinor)}</Table.Td>
                <Table.Td ta="end">{amount(line.taxMinor)}</Table.Td>
                <Table.Td ta="end">{amount(line.totalMinor)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            {totalRow(t('money.net'), totals.netMinor)}
            {totalRow(t('money.tax'), totals.taxMinor)}
            {totalRow(t('money.total'), totals.totalMinor, true)}
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      {taxBands && taxBands.length > 0 && (
        <Table.ScrollContainer minWidth={360} mt="sm">
          <Table maw={520} data-testid="tax-bands">
            <Table.Caption>{t('money.taxBands')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('money.taxRate')}</Table.Th>
                <Table.Th ta="end">{t('money.net')}</Table.Th>
                <Table.Th ta="end">{t('money.tax')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {taxBands.map((band) => (
                <Table.Tr key={band.taxRatePercent}>
                  <Table.Td>{percent(band.taxRatePercent)}</Table.Td>
                  <Table.Td ta="end">{amount(band.netMinor)}</Table.Td>
                  <Table.Td ta="end">{amount(band.taxMinor)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {lines.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('money.noLines')}
        </Text>
      )}
    </>
  );
}
