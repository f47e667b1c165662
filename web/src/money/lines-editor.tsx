import {
  Button,
  Group,
  NativeSelect,
  NumberInput,
  type NumberInputProps,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import type { PriceListItem } from './money-api';
import { blankLine, draftAmounts, lineFromPrice, type LineDraft } from './line-drafts';
import { amountLimits, taxRateLimits } from './money-inputs';
import { useMoney } from './use-money';

/**
 * Quote lines to edit: each from the price list or typed, with its quantity, unit price (in major
 * units) and tax rate, and what it comes to. The server works the figures out again; these are
 * shown so the user sees the total before sending.
 */
export function LinesEditor({
  lines,
  onChange,
  prices,
  currency,
  error,
}: {
  lines: LineDraft[];
  onChange: (lines: LineDraft[]) => void;
  prices: readonly PriceListItem[];
  currency: string;
  error: unknown;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const problem = (index: number, field: string) =>
    isApiError(error)
      ? (error.problemFor(`lines[${index}].${field}`) ?? error.problemFor(`lines.${index}.${field}`))
      : undefined;
  const update = (key: string, change: Partial<LineDraft>) =>
    onChange(lines.map((line) => (line.key === key ? { ...line, ...change } : line)));
  /** One line's quantity, unit price or tax rate; `sent` is the field's name in the server's problems. */
  const numberCell = (
    line: LineDraft,
    index: number,
    field: 'quantity' | 'unitPrice' | 'taxRate',
    sent: string,
    label: string,
    limits: NumberInputProps,
  ) => (
    <Table.Td>
      <NumberInput
        size="xs"
        aria-label={label}
        {...limits}
        value={line[field]}
        onChange={(value) => update(line.key, { [field]: value })}
        error={problem(index, sent)}
      />
    </Table.Td>
  );
  const sums = lines.map((line) => draftAmounts(line, currency));
  const net = sums.reduce((sum, s) => sum + s.netMinor, 0);
  const tax = sums.reduce((sum, s) => sum + s.taxMinor, 0);
  const addable = prices.filter((p) => p.active && p.currency === currency);

  return (
    <div>
      <Table.ScrollContainer minWidth={820}>
        <Table data-testid="lines-editor" verticalSpacing="xs">
          <Table.Caption>{t('money.linesCaption', { currency })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('money.description')}</Table.Th>
              <Table.Th w={90}>{t('money.quantity')}</Table.Th>
              <Table.Th w={140}>{t('money.unitPrice')}</Table.Th>
              <Table.Th w={100}>{t('money.taxRate')}</Table.Th>
              <Table.Th ta="end">{t('money.total')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('money.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, index) => {
              const n = index + 1;
              const sum = sums[index] ?? { netMinor: 0, taxMinor: 0 };
              return (
                <Table.Tr key={line.key} data-testid="line-draft">
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={t('money.lineDescription', { n })}
                      value={line.description}
                      onChange={(e) => update(line.key, { description: e.currentTarget.value })}
                      error={problem(index, 'description') ?? problem(index, 'priceId')}
                    />
                  </Table.Td>
                  {numberCell(line, index, 'quantity', 'quantity', t('money.lineQuantity', { n }), {
                    min: 1,
                    allowDecimal: false,
                  })}
                  {numberCell(
                    line,
                    index,
                    'unitPrice',
                    'unitPriceMinor',
                    t('money.lineUnitPrice', { n }),
                    amountLimits,
                  )}
                  {numberCell(line, index, 'taxRate', 'taxRatePercent', t('money.lineTaxRate', { n }), taxRateLimits)}
                  <Table.Td ta="end">{money(sum.netMinor + sum.taxMinor, currency)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      aria-label={t('money.removeLine', { n })}
                      onClick={() => onChange(lines.filter((l) => l.key !== line.key))}
                    >
                      {t('common.remove')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {lines.length === 0 && (
        <Text size="sm" my="xs">
          {t('money.noLinesYet')}
        </Text>
      )}
      <Group justify="space-between" align="flex-end" mt="xs" wrap="wrap">
        <Group align="flex-end" gap="xs" wrap="wrap">
          <NativeSelect
            size="xs"
            label={t('money.addFromPriceList')}
            value=""
            onChange={(e) => {
              const price = prices.find((p) => p.id === e.currentTarget.value);
              if (price) onChange([...lines, lineFromPrice(price, 1)]);
            }}
            data={[{ value: '', label: t('money.choose') }, ...addable.map((p) => ({ value: p.id, label: p.name }))]}
          />
          <Button size="xs" variant="default" onClick={() => onChange([...lines, blankLine()])}>
            {t('money.addLine')}
          </Button>
        </Group>
        <Text size="sm" data-testid="draft-total">
          {t('money.draftTotals', {
            net: money(net, currency),
            tax: money(tax, currency),
            total: money(net + tax, currency),
          })}
        </Text>
      </Group>
    </div>
  );
}
